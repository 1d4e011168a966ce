import { runSession, type SessionResult } from './session.ts';
import type { WorkerPool } from './sandbox.ts';

/**
 * One run on a worker from `pool`, for the cells and the exercises alike. A worker that
 * finished cleanly goes back for the next run; one that crashed is thrown away with its
 * sandbox; one past its time limit was already terminated by the session. After either
 * of those a fresh worker is started, so the next run does not wait for it.
 */
export async function runInPool(pool: WorkerPool, sources: string[], timeouts: number[]): Promise<SessionResult> {
  const lease = await pool.take();
  const result = await runSession(lease.channel, sources, { timeouts });
  if (result.failure) lease.discard();
  else if (!result.stop) lease.release();
  if (result.failure || result.stop) pool.warm();
  return result;
}
