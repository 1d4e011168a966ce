/**
 * The browser's cell worker. Vite bundles it, with the loss module it imports
 * statically (the same source the tests use) and sucrase, into one classic script
 * (`worker.format: 'iife'`), which the sandbox iframe starts from a blob.
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
const handle = createWorkerCore({
  transpiler: { transform, parse } as unknown as Transpiler,
  modules: { '@loss': loss, '@exercise': exercise },
  post: (message) => scope.postMessage(message),
  onUnhandledRejection(handler) {
    self.addEventListener('unhandledrejection', (event) => {
      event.preventDefault();
      handler(event.reason);
    });
  },
});
scope.onmessage = (event) => void handle(event.data);
scope.postMessage({ type: 'ready' });
