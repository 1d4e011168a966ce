/**
 * Runs a chapter's cells in Node: used by the chapter runs (src/lesson/run-chapter.ts),
 * which the build, the doc-tests and `npm run record` read.
 *
 * The cells run in the process's pool of runner processes (./node-pool.ts) with the same
 * worker core, session and time limits as in the browser, so a build shows what a
 * reader's Run shows. When a cell hits its time limit its runner is killed, the cell is
 * reported as stopped, and the run is repeated without it so that the cells after it
 * still get their outputs.
 */
import { cellOutcome } from './notebook.ts';
import type { CellOutcome, CellRun } from './notebook.ts';
import { processPool } from './node-pool.ts';
import { runInPool } from './run-in-pool.ts';
import type { WorkerPool } from './sandbox.ts';

export interface NodeCell {
  code: string;
  throws: boolean;
  timeout: number;
}

/** Run every cell of a chapter; one outcome per cell, as the reader would see it. */
export async function runCellsNode(
  cells: readonly NodeCell[],
  pool: WorkerPool = processPool(),
): Promise<CellOutcome[]> {
  const throwsFlags = cells.map((c) => c.throws);
  const sources = cells.map((c) => c.code);
  const stopped = new Map<number, { run: CellRun; waiting?: boolean }>();
  for (;;) {
    const result = await runInPool(
      pool,
      sources,
      cells.map((c) => c.timeout),
    );
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
