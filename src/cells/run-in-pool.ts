import { runSession, type SessionResult } from './session.ts';
import type { WorkerPool } from './sandbox.ts';

/**
 * One run on a fresh worker from `pool`, for the cells and the exercises alike. The worker
 * serves this run only: after a clean run it is stopped; after a crash it is thrown away
 * with its sandbox; past its time limit the session has already terminated it. Then the
 * next worker is started, so the next run does not wait for it.
 */
export async function runInPool(
  pool: WorkerPool,
  sources: string[],
  timeouts: number[],
): Promise<SessionResult> {
  const lease = await pool.take();
  const result = await runSession(lease.channel, sources, { timeouts });
  if (result.failure) lease.discard();
  else if (!result.stop) lease.release();
  pool.warm();
  return result;
}
