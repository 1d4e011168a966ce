/** The host side of a run, against a scripted fake worker (no real worker, short limits). */
import { expect, test } from 'vitest';
import { runSession } from '../../src/cells/session.ts';
import { fakeChannel } from '../helpers/fake-channel.ts';
import type { Channel } from '../../src/cells/session.ts';
import type { WorkerMessage } from '../../src/cells/protocol.ts';

const run = (lines: string[] = [], error = null) => ({ ran: true, lines, droppedLines: 0, error });

test('a finished run returns the worker’s results and leaves the worker alone', async () => {
  const channel = fakeChannel((id) => [
    { type: 'cell', id, cell: 0 },
    { type: 'output', id, cell: 0, lines: ['1'] },
    { type: 'done', id, runs: [run(['1'])] },
  ]);
  const result = await runSession(channel, ['console.log(1)'], { timeouts: [1000] });
  expect(result).toEqual({ runs: [run(['1'])] });
  expect(channel.terminated).toBe(false);
});

test('a cell that does not finish within its own limit is stopped; its printed lines are kept', async () => {
  const channel = fakeChannel((id) => [
    { type: 'cell', id, cell: 0 },
    { type: 'cell', id, cell: 1 },
    { type: 'output', id, cell: 1, lines: ['spinning'] },
  ]);
  const result = await runSession(channel, ['a', 'b'], { timeouts: [5000, 50] });
  expect(result.stop).toEqual({ cell: 1, timeoutMs: 50 });
  expect(result.runs[1].lines).toEqual(['spinning']);
  expect(channel.terminated).toBe(true);
});

test('a crash or an internal failure ends the run with a failure message', async () => {
  const crashed = await runSession(
    fakeChannel(() => ['crash']),
    ['a'],
    { timeouts: [1000] },
  );
  expect(crashed.failure).toBe('the cell runner crashed: boom');
  const failed = await runSession(
    fakeChannel((id) => [{ type: 'failed', id, message: 'internal' }]),
    ['a'],
    { timeouts: [1000] },
  );
  expect(failed.failure).toBe('internal');
});

test('a worker that never starts is given up after the startup limit', async () => {
  const channel = fakeChannel(() => []);
  const result = await runSession(channel, ['a'], { timeouts: [1000], startupMs: 30 });
  expect(result.failure).toBe('the cell runner did not start in time');
  expect(channel.terminated).toBe(true);
});

test('messages of another run are ignored', async () => {
  const channel = fakeChannel((id) => [
    { type: 'done', id: id + 1000, runs: [run(['other'])] },
    { type: 'done', id, runs: [run(['mine'])] },
  ]);
  const result = await runSession(channel, ['a'], { timeouts: [1000] });
  expect(result.runs[0].lines).toEqual(['mine']);
});

test('a cell past its limit whose worker answers the probe was awaiting a promise: stop says so', async () => {
  let onMessage: (m: WorkerMessage) => void = () => {};
  let terminated = false;
  const channel: Channel = {
    post(message) {
      setTimeout(() => {
        if (message.type === 'run') onMessage({ type: 'cell', id: message.id, cell: 0 });
        else onMessage({ type: 'idle', id: message.id });
      }, 1);
    },
    listen(m) {
      onMessage = m;
    },
    terminate() {
      terminated = true;
    },
  };
  const result = await runSession(channel, ['await new Promise(() => {})'], { timeouts: [30] });
  expect(result.stop).toEqual({ cell: 0, timeoutMs: 30, waiting: true });
  expect(terminated).toBe(true);
});
