/**
 * Runs exercises in Node (build, doc-tests, the new-lesson test) with the same worker
 * core as the browser: a worker process per run (src/cells/run-node.ts), which answers
 * imports of both '@loss' and '@exercise'.
 */
import { nodeChannel } from '../run-node.ts';
import { runSession } from '../session.ts';
import type { CellRunner } from './run-exercise.ts';

export const nodeRunner: CellRunner = async (sources, timeouts) => {
  const channel = nodeChannel();
  try {
    return await runSession(channel, sources, { timeouts });
  } finally {
    channel.terminate();
  }
};
