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
  /**
   * The CPU time (ms) the worker has spent running code so far, when the host can tell
   * (Node's runner processes): time limits then count a cell's own running time, not the
   * time it waited for a core on a busy machine. Absent or null: they count wall time.
   */
  cpuMs?(): number | null;
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
  /** Wall-clock time in ms (default performance.now). */
  now?: () => number;
}

/**
 * With CPU time counted, a worker that uses none past this much wall time is stopped all
 * the same (e.g. blocked in Atomics.wait, where it neither computes nor answers a probe):
 * this many times its limit, and never less than WALL_FLOOR_MS.
 */
export const WALL_FACTOR = 10;
export const WALL_FLOOR_MS = 60_000;

/**
 * The failure of a run whose worker was removed because another run on the page hit its
 * time limit or crashed (the page's sandbox is replaced then, see sandbox.ts). A run
 * that had already finished ignores it.
 */
export const INTERRUPTED = 'the cell runner was restarted because another run on this page was stopped';

let nextId = 1;

/**
 * Run `sources` on `channel`; resolves when the run is done, failed, or stopped.
 *
 * A cell's clock starts when the run enters it. When its limit has passed in wall time,
 * the worker is probed: one that answers is idle, awaiting a promise that never settles,
 * and is stopped. One that does not answer is computing: it is stopped once it has used
 * its limit in CPU time (when the channel can tell, see Channel.cpuMs; else at once), and
 * otherwise given the rest of its limit and probed again. The worker's start (up to
 * entering the first cell) is timed the same way, without the probe.
 */
export function runSession(
  channel: Channel,
  sources: string[],
  options: SessionOptions,
): Promise<SessionResult> {
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const now = options.now ?? (() => performance.now());
  const cpu = () => channel.cpuMs?.() ?? null;
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
    /**
     * Call `onSpent` once `limitMs` of the worker's time has passed since now: CPU time
     * when the channel measures it (re-checked each time the wall clock reaches the rest
     * of the limit, up to the wall cap), else wall time. `onDue` runs first at each check
     * and may end the wait itself (the probe).
     */
    const after = (limitMs: number, onSpent: () => void, onDue?: (next: () => void) => void) => {
      const cpu0 = cpu();
      const wall0 = now();
      const cap = Math.max(limitMs * WALL_FACTOR, WALL_FLOOR_MS);
      const check = () => {
        const cpu1 = cpu();
        const used = cpu0 === null || cpu1 === null ? null : cpu1 - cpu0;
        if (used === null || used >= limitMs || now() - wall0 >= cap) onSpent();
        else arm(Math.max(limitMs - used, 20), due);
      };
      const due = () => (onDue ? onDue(check) : check());
      arm(limitMs, due);
    };
    after(options.startupMs ?? 20_000, () => {
      channel.terminate();
      finish({ runs, failure: 'the cell runner did not start in time' });
    });
    // Past a cell's limit the worker is asked whether it is idle (see above). Each probe
    // has its number, so that a late answer is not taken for a newer probe's.
    let probing: { stop: RunStop; probe: number } | null = null;
    let probes = 0;
    channel.listen(
      (message) => {
        if (settled || !('id' in message) || message.id !== id) return;
        switch (message.type) {
          case 'cell': {
            probing = null;
            const k = message.cell;
            runs[k].ran = true;
            const timeoutMs = options.timeouts[k];
            const stop = { cell: k, timeoutMs };
            after(
              timeoutMs,
              () => {
                channel.terminate();
                finish({ runs, stop });
              },
              (next) => {
                probing = { stop, probe: ++probes };
                arm(options.probeMs ?? 150, () => {
                  probing = null;
                  next();
                });
                channel.post({ type: 'probe', id, probe: probing.probe });
              },
            );
            break;
          }
          case 'idle':
            if (probing && (message.probe === undefined || message.probe === probing.probe)) {
              channel.terminate();
              finish({ runs, stop: { ...probing.stop, waiting: true } });
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
