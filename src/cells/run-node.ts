/**
 * Runs a chapter's cells in Node: used by the remark plugin (the outputs in the static
 * HTML), the doc-tests and `npm run record`.
 *
 * The cells run in a child process (src/cells/node-worker.ts) with the same worker
 * core, session and time limits as in the browser, so a build shows what a reader's
 * Run shows. When a cell hits its time limit the process is killed, the cell is
 * reported as stopped, and the run is repeated without it so that the cells after it
 * still get their outputs.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cellOutcome } from './notebook.ts';
import type { CellOutcome, CellRun } from './notebook.ts';
import { runSession } from './session.ts';
import type { Channel } from './session.ts';
import type { WorkerMessage } from './protocol.ts';

export interface NodeCell {
  code: string;
  throws: boolean;
  timeout: number;
}

/** The worker's source file; overridable for tests (a worker that imports other modules). */
export const NODE_WORKER_URL = new URL('./node-worker.ts', import.meta.url);

/** How much of the worker's stderr a crash report quotes. */
const STDERR_TAIL = 2000;

/**
 * A worker process as a session channel. It runs on this Node (process.execPath) without
 * the host's flags (a test runner's loader has no business there); messages are
 * structured clones, as between a page and its Web Worker.
 */
export function nodeChannel(workerUrl: URL = NODE_WORKER_URL): Channel {
  const child = fork(fileURLToPath(workerUrl), [], {
    execArgv: [],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_TAIL);
  });
  let terminated = false;
  return {
    post: (message) => {
      if (child.connected) child.send(message);
    },
    listen(onMessage, onCrash) {
      child.on('message', (m) => onMessage(m as WorkerMessage));
      child.on('error', (e) => onCrash(`the cell runner crashed: ${e.message}`));
      child.on('exit', (code, signal) => {
        if (terminated) return;
        const how = signal ? `signal ${signal}` : `code ${code}`;
        const said = stderr.trim();
        onCrash(`the cell runner exited (${how})${said ? `: ${said}` : ''}`);
      });
    },
    terminate() {
      terminated = true;
      child.kill('SIGKILL');
    },
  };
}

/** Run every cell of a chapter; one outcome per cell, as the reader would see it. */
export async function runCellsNode(cells: readonly NodeCell[], workerUrl?: URL): Promise<CellOutcome[]> {
  const throwsFlags = cells.map((c) => c.throws);
  const sources = cells.map((c) => c.code);
  const stopped = new Map<number, { run: CellRun; waiting?: boolean }>();
  for (;;) {
    const channel = nodeChannel(workerUrl);
    const result = await runSession(channel, sources, { timeouts: cells.map((c) => c.timeout) });
    channel.terminate();
    if (result.failure) throw new Error(`running the cells failed: ${result.failure}`);
    if (result.stop) {
      const k = result.stop.cell;
      if (stopped.has(k)) throw new Error(`internal: cell ${k + 1} stopped twice`);
      // Keep what the looping cell printed, then run again without it.
      stopped.set(k, { run: result.runs[k], waiting: result.stop.waiting });
      sources[k] = '\n'.repeat(cells[k].code.split('\n').length - 1);
      continue;
    }
    return cells.map((c, i) => {
      const stop = stopped.get(i);
      if (!stop) return cellOutcome(result.runs, i, throwsFlags);
      const runs = result.runs.map((r, k) => (k === i ? stop.run : r));
      return cellOutcome(runs, i, throwsFlags, { cell: i, timeoutMs: c.timeout, waiting: stop.waiting });
    });
  }
}
