/**
 * The browser's cell worker. Vite bundles it, with the loss module it imports
 * statically (the same source the tests use) and sucrase, into one classic script
 * (`worker.format: 'iife'`), which the sandbox iframe starts from a blob.
 *
 * A worker serves one run (sandbox.ts), so every run starts on a cold engine. While it
 * waits for its run, it warms up: it transpiles and runs a small notebook of the loss
 * module's own calls, with its messages dropped. That takes the engine's first-call
 * costs off the reader's click; reader code never runs in it, so no state carries over.
 */
import { transform } from 'sucrase';
import { parse } from 'sucrase/dist/esm/parser/index.js';
import * as loss from '@loss';
import * as exercise from './exercise/checks.ts';
import { createWorkerCore } from './worker-core.ts';
import type { Transpiler } from './notebook.ts';
import type { HostMessage, WorkerMessage } from './protocol.ts';

const scope = self as unknown as {
  postMessage(message: WorkerMessage): void;
  onmessage: ((event: MessageEvent<HostMessage>) => void) | null;
};

/** The warm-up's run id: hosts number their runs from 1, so its messages are dropped here. */
const WARM_UP_ID = 0;
const WARM_UP: string[] = [
  `import { tensor, nn, softmax, logSoftmax } from '@loss';
const x = tensor([[[[-0.25, -0.93], [0.07, 1.2]], [[0.3, -0.6], [-0.13, 0.09]]]], { requiresGrad: true });
const target = tensor([[[0, 1], [1, 0]]]);
const loss = nn.CrossEntropyLoss()(x, target);
loss.backward();
console.log(loss, softmax(x, 1), logSoftmax(x, 1).exp().sum(1));`,
];

const handle = createWorkerCore({
  transpiler: { transform, parse } as unknown as Transpiler,
  modules: { '@loss': loss, '@exercise': exercise },
  post: (message) => {
    if (!('id' in message) || message.id !== WARM_UP_ID) scope.postMessage(message);
  },
  onUnhandledRejection(handler) {
    self.addEventListener('unhandledrejection', (event) => {
      event.preventDefault();
      handler(event.reason);
    });
  },
  onUncaughtError(handler) {
    self.addEventListener('error', (event) => {
      event.preventDefault();
      handler(event.error ?? event.message);
    });
  },
});

// Runs wait for the warm-up (two runs must never interleave); probes are answered at once.
const warmedUp = handle({ type: 'run', id: WARM_UP_ID, sources: WARM_UP }).catch(() => {});
scope.onmessage = (event) => {
  if (event.data.type === 'run') void warmedUp.then(() => handle(event.data));
  else void handle(event.data);
};
scope.postMessage({ type: 'ready' });
