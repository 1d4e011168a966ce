/**
 * Runs exercises in Node (the chapter runs, the new-lesson test) with the same worker
 * core as the browser, on the process's pool of runner processes (../node-pool.ts),
 * whose runtime answers imports of both '@loss' and '@exercise'.
 */
import { processPool } from '../node-pool.ts';
import { runInPool } from '../run-in-pool.ts';
import type { CellRunner } from './run-exercise.ts';

export const nodeRunner: CellRunner = (sources, timeouts) => runInPool(processPool(), sources, timeouts);
