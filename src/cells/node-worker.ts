/**
 * The cell worker for Node: a child process started by run-node.ts, talking over the
 * IPC channel. The same worker core as the browser's, with the same loss module, loaded
 * by Node 24 itself (type stripping) rather than by Vite.
 *
 * NOTE: a child process, not a worker_threads Worker. Terminating a worker thread and
 * starting the next one crashed the whole host process with SIGSEGV about once in six
 * test runs on Node 24 (nodejs/node#56312); a killed child process cannot take its host
 * down.
 */
import { transform } from 'sucrase';
import { parse } from 'sucrase/dist/parser/index.js';
import * as loss from '../loss/index.ts';
import * as exercise from './exercise/checks.ts';
import { createWorkerCore } from './worker-core.ts';
import type { Transpiler } from './notebook.ts';
import type { HostMessage, WorkerMessage } from './protocol.ts';

const send = process.send?.bind(process);
if (!send)
  throw new Error('node-worker.ts must run as a child process with an IPC channel (child_process.fork)');
const post = (message: WorkerMessage) => void send(message);
const handle = createWorkerCore({
  transpiler: { transform, parse } as unknown as Transpiler,
  modules: { '@loss': loss, '@exercise': exercise },
  post,
  onUnhandledRejection: (handler) => process.on('unhandledRejection', handler),
  onUncaughtError: (handler) => process.on('uncaughtException', handler),
});
process.on('message', (message: HostMessage) => void handle(message));
// The host is gone (it exited or closed the channel): so is this worker.
process.on('disconnect', () => process.exit(0));
post({ type: 'ready' });
