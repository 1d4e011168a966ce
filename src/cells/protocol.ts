/**
 * Messages between a host (the page, or the Node runner) and the worker that runs
 * cells. The same protocol serves the browser's Web Worker and the Node runner's child process.
 */
import type { CellRun } from './notebook.ts';

/** Host -> worker: run cells 0..n-1 of a chapter from scratch. */
export interface RunRequest {
  type: 'run';
  id: number;
  /** The cells' current sources, in chapter order. */
  sources: string[];
}

/**
 * Host -> worker: the cell's time limit passed; answer with `idle` if you can. A worker
 * that answers is not spinning but awaiting something that never settled.
 */
export interface Probe {
  type: 'probe';
  id: number;
  /** Which probe of the run this is; the reply carries it back, so a late reply is not taken for a newer probe's. */
  probe?: number;
}

export type HostMessage = RunRequest | Probe;

/** Worker -> host: the run entered cell k (the host starts that cell's time limit). */
export interface CellStarted {
  type: 'cell';
  id: number;
  cell: number;
}

/** Worker -> host: output lines of cell k, as printed (batched when many). */
export interface CellOutput {
  type: 'output';
  id: number;
  cell: number;
  lines: string[];
}

/** Worker -> host: the run finished; one CellRun per cell. */
export interface RunDone {
  type: 'done';
  id: number;
  runs: CellRun[];
}

/** Worker -> host: the run could not start or failed outside any cell. */
export interface RunFailed {
  type: 'failed';
  id: number;
  message: string;
}

/** Worker -> host: reply to a probe (the worker's event loop is free). */
export interface WorkerIdle {
  type: 'idle';
  id: number;
  /** The probe this answers. */
  probe?: number;
}

/** Worker -> host, once at start: ready to take runs. */
export interface WorkerReady {
  type: 'ready';
}

export type WorkerMessage = CellStarted | CellOutput | RunDone | RunFailed | WorkerIdle | WorkerReady;

/**
 * The Node runner's entry into a run's realm: the bundled runtime (./context-runtime.ts)
 * leaves under this global name a function that takes the run's host and returns the
 * worker core's message handler.
 */
export const RUNTIME_GLOBAL = '__cellRuntime';
