/**
 * The cell runtime as it runs in Node: bundled into one script (./runtime-bundle.ts) and
 * evaluated in a fresh realm (a `node:vm` context) for every run by the runner process
 * (./node-worker.ts). Like the browser's worker (./worker.ts), the realm holds its own
 * loss module, check library, transpiler and worker core, so nothing a run does to them
 * (a patched prototype, a changed setting) reaches the next run, and every object a cell
 * sees is of the cell's own realm.
 */
import { transform } from 'sucrase';
import { parse } from 'sucrase/dist/esm/parser/index.js';
import * as loss from '../loss/index.ts';
import * as exercise from './exercise/checks.ts';
import { createWorkerCore, type WorkerCoreOptions } from './worker-core.ts';
import type { Transpiler } from './notebook.ts';
import { RUNTIME_GLOBAL } from './protocol.ts';

/** What the runner process passes in: where messages go and how errors nobody caught reach the run. */
export type RunHost = Pick<WorkerCoreOptions, 'post' | 'onUnhandledRejection' | 'onUncaughtError'>;

(globalThis as Record<string, unknown>)[RUNTIME_GLOBAL] = (host: RunHost) =>
  createWorkerCore({
    ...host,
    transpiler: { transform, parse } as unknown as Transpiler,
    modules: { '@loss': loss, '@exercise': exercise },
  });
