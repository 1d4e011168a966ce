/**
 * The Node side's pool of cell runner processes (./node-worker.ts), the counterpart of
 * the page's pool (./sandbox.ts) behind the same WorkerPool interface, so that Node and
 * the browser run cells through the same ./run-in-pool.ts and ./session.ts.
 *
 * At most `size` runners exist at once (default: os.availableParallelism(), one per
 * core); a run waits for a free one, and that wait is not part of any time limit (the
 * session starts when the runner is handed over). A runner serves many runs, each in a
 * fresh realm; after a clean run it goes back to the pool. A runner stopped by a time
 * limit, or that crashed, is killed and replaced on demand. Idle runners do not keep
 * the host process alive.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { mainThreadCpuMs } from './cpu-time.ts';
import { runtimeBundle } from './runtime-bundle.ts';
import type { Lease, WorkerPool } from './sandbox.ts';
import type { Channel } from './session.ts';
import type { WorkerMessage } from './protocol.ts';

/** The runner's source file. */
const WORKER = fileURLToPath(new URL('./node-worker.ts', import.meta.url));

/** How much of a runner's stderr a crash report quotes. */
const STDERR_TAIL = 2000;

/** A runner is replaced after this many runs, so that nothing can pile up in one process. */
const RUNS_PER_RUNNER = 200;

export interface NodePoolOptions {
  /** The most runner processes at once (default: the number of cores). */
  size?: number;
  /** Node flags of the runner processes (e.g. a smaller heap, for a test). */
  execArgv?: string[];
}

interface Runner {
  child: ChildProcess;
  runs: number;
  /** The listeners of the run in progress, if any. */
  listener: { onMessage(m: WorkerMessage): void; onCrash(reason: string): void } | null;
  stderr: string;
  gone: boolean;
}

export interface NodePool extends WorkerPool {
  /** Stop every runner (the pool starts new ones if used again). */
  close(): void;
  /** How many runner processes this pool has started. */
  readonly started: number;
}

export function nodePool(options: NodePoolOptions = {}): NodePool {
  const size = Math.max(1, options.size ?? availableParallelism());
  const runners = new Set<Runner>();
  const idle: Runner[] = [];
  /** Runs waiting for a runner, first come first served. */
  const waiting: { resolve(r: Runner): void; reject(e: unknown): void }[] = [];
  /** Runners being started (not yet in `runners`). */
  let starting = 0;
  let started = 0;

  const hold = (r: Runner, busy: boolean) => {
    // An idle runner must not keep the host (a build, a test run) from exiting.
    if (busy) {
      r.child.ref();
      r.child.channel?.ref();
    } else {
      r.child.unref();
      r.child.channel?.unref();
    }
  };

  const remove = (r: Runner) => {
    if (r.gone) return;
    r.gone = true;
    runners.delete(r);
    const i = idle.indexOf(r);
    if (i >= 0) idle.splice(i, 1);
    r.child.kill('SIGKILL');
    // A slot is free: the first run waiting gets a new runner.
    const next = waiting.shift();
    if (next) startFor(next);
  };

  const startFor = (waiter: (typeof waiting)[number]) => {
    starting += 1;
    spawn().then(
      (r) => {
        starting -= 1;
        waiter.resolve(r);
      },
      (e: unknown) => {
        starting -= 1;
        waiter.reject(e);
      },
    );
  };

  const spawn = async (): Promise<Runner> => {
    const bundle = await runtimeBundle();
    const child = fork(WORKER, [bundle], {
      execArgv: options.execArgv ?? [],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    started += 1;
    const r: Runner = { child, runs: 0, listener: null, stderr: '', gone: false };
    runners.add(r);
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      r.stderr = (r.stderr + chunk).slice(-STDERR_TAIL);
    });
    // The stderr pipe must not keep the host alive either (the IPC channel does while busy).
    (child.stderr as unknown as { unref?(): void } | null)?.unref?.();
    child.on('message', (m) => r.listener?.onMessage(m as WorkerMessage));
    child.on('error', (e) => {
      const l = r.listener;
      remove(r);
      l?.onCrash(`the cell runner crashed: ${e.message}`);
    });
    child.on('exit', (code, signal) => {
      if (r.gone) return;
      const l = r.listener;
      remove(r);
      const how = signal ? `signal ${signal}` : `code ${code}`;
      const said = r.stderr.trim();
      l?.onCrash(`the cell runner exited (${how})${said ? `: ${said}` : ''}`);
    });
    return r;
  };

  const acquire = (): Promise<Runner> => {
    const r = idle.pop();
    if (r) return Promise.resolve(r);
    return new Promise((resolve, reject) => {
      if (runners.size + starting < size) startFor({ resolve, reject });
      else waiting.push({ resolve, reject });
    });
  };

  const giveBack = (r: Runner) => {
    r.listener = null;
    if (r.gone) return;
    if (r.runs >= RUNS_PER_RUNNER) return remove(r);
    const next = waiting.shift();
    if (next) next.resolve(r);
    else {
      idle.push(r);
      hold(r, false);
    }
  };

  return {
    get started() {
      return started;
    },
    warm() {
      // Runners start on demand and stay: nothing to prepare between runs.
    },
    async take(): Promise<Lease> {
      const r = await acquire();
      hold(r, true);
      r.runs += 1;
      const channel: Channel = {
        post: (message) => {
          if (!r.gone && r.child.connected) r.child.send(message);
        },
        listen: (onMessage, onCrash) => {
          r.listener = { onMessage, onCrash };
        },
        terminate: () => {
          r.listener = null;
          remove(r);
        },
        cpuMs: () => (r.child.pid === undefined ? null : mainThreadCpuMs(r.child.pid)),
      };
      return {
        channel,
        release: () => giveBack(r),
        discard: () => {
          r.listener = null;
          remove(r);
        },
      };
    },
    close() {
      for (const r of [...runners]) remove(r);
    },
  };
}

let shared: NodePool | null = null;

/** The pool of this process, shared by everything that runs cells in it. */
export function processPool(): NodePool {
  return (shared ??= nodePool());
}
