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

/**
 * A worker that is computing (it never answers a probe), with a CPU clock the test sets:
 * `cpu` is how much CPU time it has used so far, in ms.
 */
function busyWorker(script: (id: number) => WorkerMessage[]) {
  const state = { cpu: 0, terminated: false, probes: 0, post: (m: WorkerMessage): void => void m };
  const channel: Channel = {
    post(message) {
      if (message.type === 'probe') state.probes += 1;
      else setTimeout(() => script(message.id).forEach((m) => state.post(m)), 1);
    },
    listen(m) {
      state.post = m;
    },
    terminate() {
      state.terminated = true;
    },
    cpuMs: () => state.cpu,
  };
  return { channel, state };
}

test('with CPU time counted, a cell that waited for a core is not stopped at its wall-clock limit', async () => {
  let runId = 0;
  const { channel, state } = busyWorker((id) => {
    runId = id;
    return [{ type: 'cell', id, cell: 0 }];
  });
  const result = runSession(channel, ['slow on a busy machine'], { timeouts: [40], probeMs: 10 });
  // Four times its limit in wall time, a quarter of it in CPU time: still running.
  await new Promise((r) => setTimeout(r, 160));
  state.cpu = 10;
  await new Promise((r) => setTimeout(r, 40));
  expect(state.terminated).toBe(false);
  expect(state.probes).toBeGreaterThan(0);
  state.post({ type: 'done', id: runId, runs: [run(['finished'])] });
  expect(await result).toEqual({ runs: [run(['finished'])] });
});

test('with CPU time counted, a cell that has used its limit in CPU time is stopped', async () => {
  const { channel, state } = busyWorker((id) => [{ type: 'cell', id, cell: 0 }]);
  const result = runSession(channel, ['for (;;) {}'], { timeouts: [40], probeMs: 10 });
  await new Promise((r) => setTimeout(r, 100));
  expect(state.terminated).toBe(false);
  state.cpu = 45;
  expect((await result).stop).toEqual({ cell: 0, timeoutMs: 40 });
  expect(state.terminated).toBe(true);
});

test('with CPU time counted, a worker that uses none is still stopped at the wall-clock cap', async () => {
  const { channel, state } = busyWorker((id) => [{ type: 'cell', id, cell: 0 }]);
  let wall = 0;
  const result = runSession(channel, ['Atomics.wait(...)'], {
    timeouts: [40],
    probeMs: 10,
    now: () => (wall += 20_000),
  });
  expect((await result).stop).toEqual({ cell: 0, timeoutMs: 40 });
  expect(state.terminated).toBe(true);
});

test('a late answer to an earlier probe is not taken for the answer to the current one', async () => {
  let onMessage: (m: WorkerMessage) => void = () => {};
  const posted: number[] = [];
  const channel: Channel = {
    post(message) {
      if (message.type === 'run') setTimeout(() => onMessage({ type: 'cell', id: message.id, cell: 0 }), 1);
      else if (message.type === 'probe') {
        posted.push(message.probe!);
        // Answers the first probe only after the second was sent.
        if (message.probe === 2) {
          onMessage({ type: 'idle', id: message.id, probe: 1 });
          setTimeout(() => onMessage({ type: 'done', id: message.id, runs: [run(['done'])] }), 5);
        }
      }
    },
    listen(m) {
      onMessage = m;
    },
    terminate() {},
    cpuMs: () => 0,
  };
  const result = await runSession(channel, ['a'], { timeouts: [20], probeMs: 5 });
  expect(posted.slice(0, 2)).toEqual([1, 2]);
  expect(result).toEqual({ runs: [run(['done'])] });
});
