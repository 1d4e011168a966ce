/**
 * The host side of one run: sends the request to a fresh worker, follows its progress,
 * enforces each cell's time limit (a cell's clock starts when the run enters it) and
 * collects the results. Shared by the page and the Node runner; only the way a worker
 * is created differs (a `Channel`).
 */
import { emptyRuns } from './notebook.ts';
import type { CellRun, RunStop } from './notebook.ts';
import type { HostMessage, WorkerMessage } from './protocol.ts';

/** A worker as the session sees it. */
export interface Channel {
  post(message: HostMessage): void;
  /** Register the message listener (called once). */
  listen(onMessage: (message: WorkerMessage) => void, onCrash: (reason: string) => void): void;
  /** Stop the worker for good (after a time limit, or when the run is done). */
  terminate(): void;
}

export interface SessionResult {
  /** One CellRun per requested cell; partial when the run was stopped. */
  runs: CellRun[];
  /** Set when a cell hit its time limit (`waiting`: it was awaiting a promise, not computing). */
  stop?: RunStop;
  /** Set when the worker failed outside any cell (crash, internal error). */
  failure?: string;
}

export interface SessionOptions {
  /** Time limit of each cell, in ms. */
  timeouts: readonly number[];
  /** Limit for the worker to start and transpile before entering the first cell. */
  startupMs?: number;
  /** How long a worker past its time limit has to answer the probe (idle vs spinning). */
  probeMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/**
 * The failure of a run whose worker was removed because another run on the page hit its
 * time limit or crashed (the page's sandbox is replaced then, see sandbox.ts). A run
 * that had already finished ignores it.
 */
export const INTERRUPTED = 'the cell runner was restarted because another run on this page was stopped';

let nextId = 1;

/** Run `sources` on `channel`; resolves when the run is done, failed, or stopped. */
export function runSession(
  channel: Channel,
  sources: string[],
  options: SessionOptions,
): Promise<SessionResult> {
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const id = nextId++;
  const runs = emptyRuns(sources.length);
  return new Promise((resolve) => {
    let timer: unknown = null;
    let settled = false;
    const finish = (result: SessionResult) => {
      if (settled) return;
      settled = true;
      if (timer !== null) clearTimer(timer);
      resolve(result);
    };
    const arm = (ms: number, onFire: () => void) => {
      if (timer !== null) clearTimer(timer);
      timer = setTimer(onFire, ms);
    };
    arm(options.startupMs ?? 20_000, () => {
      channel.terminate();
      finish({ runs, failure: 'the cell runner did not start in time' });
    });
    // Past a cell's limit the worker is asked whether it is idle: one that answers is
    // awaiting a promise that never settles; one that does not is computing. Either
    // way it is terminated.
    let probing: RunStop | null = null;
    channel.listen(
      (message) => {
        if (settled || !('id' in message) || message.id !== id) return;
        switch (message.type) {
          case 'cell': {
            if (probing) break;
            const k = message.cell;
            runs[k].ran = true;
            const timeoutMs = options.timeouts[k];
            arm(timeoutMs, () => {
              probing = { cell: k, timeoutMs };
              const stop = probing;
              arm(options.probeMs ?? 150, () => {
                channel.terminate();
                finish({ runs, stop });
              });
              channel.post({ type: 'probe', id });
            });
            break;
          }
          case 'idle':
            if (probing) {
              channel.terminate();
              finish({ runs, stop: { ...probing, waiting: true } });
            }
            break;
          case 'output':
            runs[message.cell].lines.push(...message.lines);
            break;
          case 'done':
            finish({ runs: message.runs });
            break;
          case 'failed':
            finish({ runs, failure: message.message });
            break;
        }
      },
      (reason) => finish({ runs, failure: reason }),
    );
    channel.post({ type: 'run', id, sources });
  });
}
