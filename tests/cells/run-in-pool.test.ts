/**
 * What a run does with its worker, for the cells and the exercises alike: a clean run
 * stops it, a crash throws it (and its sandbox) away, a time limit leaves it to the
 * session; after any of them the next worker is started.
 */
import { expect, test } from 'vitest';
import { runInPool } from '../../src/cells/run-in-pool.ts';
import type { WorkerPool } from '../../src/cells/sandbox.ts';
import type { Channel } from '../../src/cells/session.ts';
import { fakeChannel } from '../helpers/fake-channel.ts';

/** A pool with one scripted worker, recording what the run did with it. */
function poolOf(channel: Channel) {
  const calls: string[] = [];
  const pool: WorkerPool = {
    take: async () => ({
      channel,
      release: () => calls.push('release'),
      discard: () => calls.push('discard'),
    }),
    warm: () => calls.push('warm'),
  };
  return { pool, calls };
}

const ran = (lines: string[]) => ({ ran: true, lines, droppedLines: 0, error: null });

test("a clean run stops its worker (no run inherits another run's worker) and starts the next", async () => {
  const { pool, calls } = poolOf(
    fakeChannel((id) => [
      { type: 'cell', id, cell: 0 },
      { type: 'done', id, runs: [ran(['1'])] },
    ]),
  );
  const result = await runInPool(pool, ['console.log(1)'], [1000]);
  expect(result).toEqual({ runs: [ran(['1'])] });
  expect(calls).toEqual(['release', 'warm']);
});

test('a crashed worker is thrown away and a fresh one started', async () => {
  const { pool, calls } = poolOf(fakeChannel(() => ['crash']));
  const result = await runInPool(pool, ['a'], [1000]);
  expect(result.failure).toBe('the cell runner crashed: boom');
  expect(calls).toEqual(['discard', 'warm']);
});

test('a worker stopped by its time limit is neither given back nor discarded again; a fresh one is started', async () => {
  const channel = fakeChannel((id) => [{ type: 'cell', id, cell: 0 }]);
  const { pool, calls } = poolOf(channel);
  const result = await runInPool(pool, ['for (;;) {}'], [20]);
  expect(result.stop).toEqual({ cell: 0, timeoutMs: 20 });
  expect(channel.terminated).toBe(true);
  expect(calls).toEqual(['warm']);
});
