/**
 * The body of a cell worker, shared by the browser Web Worker (src/cells/worker.ts)
 * and the Node runner's processes (src/cells/node-worker.ts, a fresh realm per run): takes a run request, runs
 * the notebook and reports progress, output and results as messages.
 */
import { cellOfLine, emptyRuns, errorOf, prepareProgram, PROGRAM_FILE, runProgram } from './notebook.ts';
import type { CellRun, PreparedProgram, Transpiler } from './notebook.ts';
import type { HostMessage, WorkerMessage } from './protocol.ts';

export interface WorkerCoreOptions {
  transpiler: Transpiler;
  /** The modules cells may import, by specifier ('@loss'). */
  modules: Record<string, unknown>;
  post(message: WorkerMessage): void;
  /**
   * Registers the handler for promise rejections nobody handled (the browser's
   * `unhandledrejection`, Node's `unhandledRejection`), so that a cell's forgotten
   * `Promise.reject(...)` is reported in the cell rather than lost.
   */
  onUnhandledRejection?(handler: (reason: unknown) => void): void;
  /**
   * Registers the handler for errors thrown where no cell can catch them, in a timer or
   * microtask callback (the browser's `error` event, Node's `uncaughtException`), so
   * that they are reported in the cell, not as a crash of the runner.
   */
  onUncaughtError?(handler: (error: unknown) => void): void;
}

/** Lines posted one by one per run before output is batched (keeps the host responsive). */
const EAGER_LINES = 50;
/** Batch interval once a run prints more than EAGER_LINES lines. */
const BATCH_MS = 50;

/** The run in progress, for rejections reported after their cell. */
interface ActiveRun {
  program: PreparedProgram;
  runs: CellRun[];
  current: number;
}

/**
 * A pause on the real timer, taken before any cell can replace `setTimeout`. (A worker
 * serves one run and is then stopped, so nothing a cell leaves behind, a timer or a
 * changed global, can reach another run: see sandbox.ts and node-worker.ts.)
 */
function realSleep(scope: typeof globalThis): (ms: number) => Promise<void> {
  const setTimer = scope.setTimeout.bind(scope);
  return (ms) => new Promise((resolve) => setTimer(resolve, ms));
}

/** A handler for host messages. */
export function createWorkerCore(options: WorkerCoreOptions): (message: HostMessage) => Promise<void> {
  const { transpiler, modules, post } = options;
  const sleep = realSleep(globalThis);
  const require = (specifier: string) => {
    if (Object.hasOwn(modules, specifier)) return modules[specifier];
    const known = Object.keys(modules)
      .map((m) => `'${m}'`)
      .join(', ');
    throw new Error(`Cannot import '${specifier}': cells can import only ${known}`);
  };
  let active: ActiveRun | null = null;
  /** Report an error no cell caught in the cell its stack points into, else the running one. */
  const blame = (reason: unknown, prefix: string) => {
    if (!active) return;
    const { program, runs, current } = active;
    let k = current;
    const stack = reason instanceof Error && typeof reason.stack === 'string' ? reason.stack : '';
    const m = new RegExp(`${PROGRAM_FILE.replace('.', '\\.')}:(\\d+):`).exec(stack);
    if (m) k = cellOfLine(program.startLines, program.lineCounts, Number(m[1])) ?? k;
    if (k < 0 || runs[k].error) return;
    const error = errorOf(reason, program, k);
    runs[k].error = { ...error, message: `${prefix} ${error.message}` };
  };
  options.onUnhandledRejection?.((reason) => blame(reason, 'Uncaught (in promise)'));
  options.onUncaughtError?.((error) => blame(error, 'Uncaught'));
  return async (message) => {
    if (message.type === 'probe') {
      post({ type: 'idle', id: message.id, probe: message.probe });
      return;
    }
    if (message.type !== 'run') return;
    const { id, sources } = message;
    let program;
    try {
      program = prepareProgram(sources, transpiler);
    } catch (e) {
      post({ type: 'failed', id, message: e instanceof Error ? e.message : String(e) });
      return;
    }
    let posted = 0;
    let pending: { cell: number; lines: string[] } | null = null;
    let lastFlush = 0;
    const flush = () => {
      if (pending && pending.lines.length > 0)
        post({ type: 'output', id, cell: pending.cell, lines: pending.lines });
      pending = null;
      lastFlush = Date.now();
    };
    const runs = emptyRuns(sources.length);
    const run: ActiveRun = { program, runs, current: -1 };
    active = run;
    try {
      await runProgram(
        program,
        {
          require,
          invoke: evalInvoke,
          onCell(k) {
            run.current = k;
            flush();
            post({ type: 'cell', id, cell: k });
          },
          onOutput(k, line) {
            if (pending && pending.cell !== k) flush();
            pending ??= { cell: k, lines: [] };
            pending.lines.push(line);
            posted += 1;
            if (posted <= EAGER_LINES || Date.now() - lastFlush >= BATCH_MS) flush();
          },
        },
        runs,
      );
    } catch (e) {
      flush();
      post({ type: 'failed', id, message: e instanceof Error ? e.message : String(e) });
      return;
    }
    // Unhandled rejections are reported in a task after the microtask queue drains
    // (Chromium: after one more timer turn): give them two turns.
    for (let turn = 0; turn < 2; turn++) await sleep(0);
    if (active === run) active = null;
    flush();
    post({ type: 'done', id, runs });
  };
}

/**
 * Compile the program with indirect eval (so it sees only globals) under the name
 * PROGRAM_FILE, and call it. The source starts with the function's first line, so
 * stack-frame line numbers are program line numbers.
 */
export function evalInvoke(source: string, args: unknown[]): Promise<unknown> {
  const indirectEval: typeof eval = globalThis.eval;
  const fn = indirectEval(`${source}\n//# sourceURL=${PROGRAM_FILE}`) as (
    ...a: unknown[]
  ) => Promise<unknown>;
  return fn(...args);
}
