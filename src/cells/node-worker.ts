/**
 * A cell runner process for Node (build, doc-tests, `npm run record`), started by
 * ./node-pool.ts and talking over the IPC channel with the protocol of the browser's
 * worker (./protocol.ts). It serves many runs, one at a time, and each run gets a realm
 * of its own: a fresh `node:vm` context in which the bundled runtime (./context-runtime.ts:
 * the same worker core, loss module, check library and transpiler as the browser's
 * worker) is evaluated anew. So, as in the browser, nothing a run leaves behind (a
 * changed global, a patched prototype, a pending timer) reaches the next one, and a run
 * costs a few milliseconds instead of a process start.
 *
 * The realm has the ECMAScript built-ins plus what a Web Worker offers cells: timers
 * (cleared when the run ends), queueMicrotask, performance.now, structuredClone,
 * TextEncoder/TextDecoder, URL, atob/btoa, and a global `console` (the runner's stderr,
 * as a worker's console is the browser's: the loss module's warnings go there, not into
 * a cell's output). No `process`, no `require`: cells see what they would see in the
 * reader's browser.
 *
 * NOTE: a child process, not a worker_threads Worker. Terminating a worker thread and
 * starting the next one crashed the whole host process with SIGSEGV about once in six
 * test runs on Node 24 (nodejs/node#56312); a killed child process cannot take its host
 * down. A run past its time limit is stopped by killing this process (./session.ts).
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import type { RunHost } from './context-runtime.ts';
import { RUNTIME_GLOBAL, type HostMessage, type RunRequest, type WorkerMessage } from './protocol.ts';

const send = process.send?.bind(process);
if (!send)
  throw new Error('node-worker.ts must run as a child process with an IPC channel (child_process.fork)');
const post = (message: WorkerMessage) => void send(message);

const bundlePath = process.argv[2];
const runtime = new vm.Script(readFileSync(bundlePath, 'utf8'), { filename: 'cell-runtime.js' });

/** The handlers of the run in progress for errors that no cell caught. */
let current: { rejection?: (reason: unknown) => void; error?: (error: unknown) => void } | null = null;
process.on('unhandledRejection', (reason) => current?.rejection?.(reason));
process.on('uncaughtException', (error) => {
  if (current?.error) current.error(error);
  else {
    // Not from a run (runs' timers are cleared when they end): a bug of the runner.
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(70);
  }
});

/** The globals of a run's realm beyond ECMAScript's; its timers are tracked to be cleared. */
function webGlobals(timers: Map<number, NodeJS.Timeout>): Record<string, unknown> {
  let nextTimer = 1;
  const schedule =
    (repeat: boolean) =>
    (fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
      const id = nextTimer++;
      const callback = () => {
        if (!repeat) timers.delete(id);
        if (typeof fn === 'function') fn(...args);
      };
      timers.set(id, repeat ? setInterval(callback, ms) : setTimeout(callback, ms));
      return id;
    };
  const clear = (id?: number) => {
    const handle = id === undefined ? undefined : timers.get(id);
    if (handle) clearTimeout(handle);
    if (id !== undefined) timers.delete(id);
  };
  // The runner's console, method by method (the realm may change its own copy).
  const host = console as unknown as Record<string, (...args: unknown[]) => void>;
  const realmConsole = Object.fromEntries(
    Object.keys(host)
      .filter((name) => typeof host[name] === 'function')
      .map((name) => [name, (...args: unknown[]) => host[name](...args)]),
  );
  return {
    console: realmConsole,
    setTimeout: schedule(false),
    setInterval: schedule(true),
    clearTimeout: clear,
    clearInterval: clear,
    queueMicrotask: (fn: () => void) => queueMicrotask(fn),
    performance: { now: () => performance.now(), timeOrigin: performance.timeOrigin },
    structuredClone: (value: unknown) => structuredClone(value),
    TextEncoder,
    TextDecoder,
    URL,
    URLSearchParams,
    atob,
    btoa,
  };
}

async function serve(request: RunRequest): Promise<void> {
  const timers = new Map<number, NodeJS.Timeout>();
  const context = vm.createContext(webGlobals(timers), { name: `cell run ${request.id}` });
  runtime.runInContext(context);
  const start = (context as Record<string, unknown>)[RUNTIME_GLOBAL] as (
    host: RunHost,
  ) => (message: HostMessage) => Promise<void>;
  const run: NonNullable<typeof current> = {};
  current = run;
  try {
    const handle = start({
      post,
      onUnhandledRejection: (handler) => (run.rejection = handler),
      onUncaughtError: (handler) => (run.error = handler),
    });
    await handle(request);
  } finally {
    for (const handle of timers.values()) clearTimeout(handle);
    if (current === run) current = null;
  }
}

// Runs one at a time, in the order they came; probes are answered at once (the event
// loop is free: the run, if any, is waiting for something).
let queue = Promise.resolve();
process.on('message', (message: HostMessage) => {
  if (message.type === 'probe') post({ type: 'idle', id: message.id, probe: message.probe });
  else if (message.type === 'run')
    queue = queue
      .then(() => serve(message))
      .catch((e: unknown) => post({ type: 'failed', id: message.id, message: String(e) }));
});
// The host is gone (it exited or closed the channel): so is this runner.
process.on('disconnect', () => process.exit(0));
post({ type: 'ready' });
