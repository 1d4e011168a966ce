/**
 * The cell worker for Node (a worker_threads Worker started by run-node.ts): the same
 * worker core as the browser's, with the same loss module, loaded by Node 24 itself
 * (type stripping) rather than by Vite.
 */
import { parentPort } from 'node:worker_threads';
import { transform } from 'sucrase';
import { parse } from 'sucrase/dist/parser/index.js';
import * as loss from '../loss/index.ts';
import * as exercise from './exercise/checks.ts';
import { createWorkerCore } from './worker-core.ts';
import type { Transpiler } from './notebook.ts';
import type { HostMessage } from './protocol.ts';

if (!parentPort) throw new Error('node-worker.ts must run as a worker thread');
const port = parentPort;
const handle = createWorkerCore({
  transpiler: { transform, parse } as unknown as Transpiler,
  modules: { '@loss': loss, '@exercise': exercise },
  post: (message) => port.postMessage(message),
  onUnhandledRejection: (handler) => process.on('unhandledRejection', handler),
});
port.on('message', (message: HostMessage) => void handle(message));
port.postMessage({ type: 'ready' });
