/**
 * The Node runner: runner processes with the real loss module, a realm per run, and time
 * limits (the runner is killed, the looping cell reported, the cells after it still run).
 */
import { expect, test } from 'vitest';
import { runCellsNode } from '../../src/cells/run-node.ts';
import { nodePool } from '../../src/cells/node-pool.ts';

test('cells import the loss module and print tensors as PyTorch does', async () => {
  const [outcome] = await runCellsNode([
    { code: "import { Tensor } from '@loss';\nconsole.log(typeof Tensor);", throws: false, timeout: 5000 },
  ]);
  expect(outcome).toEqual({ text: 'function', threw: false, stopped: false });
}, 30_000);

// PyTorch 1.13 prints, for the same code in Python:
//   torch.tensor([1.0, 0.0])                                     tensor([1., 0.])
//   F.binary_cross_entropy(torch.tensor([0.9, 0.2]), that)       tensor(0.1643)
//   with torch.tensor([1, 0]) as the target: RuntimeError: Found dtype Long but expected Float
test('float literals read as PyTorch reads them: tensor([1.0, 0.0]) is float32 and a BCE target', async () => {
  const outcomes = await runCellsNode([
    {
      code: "import { tensor, binaryCrossEntropy, nn } from '@loss';\nconst target = tensor([1.0, 0.0]);\nconsole.log(target);",
      throws: false,
      timeout: 5000,
    },
    {
      code: 'const p = tensor([0.9, 0.2]);\nconsole.log(binaryCrossEntropy(p, target));\nconsole.log(nn.BCELoss()(p, tensor([1.0, 0.0])));',
      throws: false,
      timeout: 5000,
    },
    { code: 'binaryCrossEntropy(p, tensor([1, 0]));', throws: true, timeout: 5000 },
  ]);
  expect(outcomes.map((o) => o.text)).toEqual([
    'tensor([1., 0.])',
    'tensor(0.1643)\ntensor(0.1643)',
    "Error (line 1): Found dtype Long but expected Float: binaryCrossEntropy target must have the input's dtype float32, got int64",
  ]);
}, 30_000);

test('an infinite loop is stopped after its time limit; the cells after it still run', async () => {
  const outcomes = await runCellsNode([
    { code: 'const before = 1;', throws: false, timeout: 5000 },
    { code: 'console.log("looping");\nwhile (true) {}', throws: false, timeout: 300 },
    { code: 'console.log(before + 1);', throws: false, timeout: 5000 },
  ]);
  expect(outcomes[1]).toEqual({
    text: 'looping\nStopped after 0.3 s (time limit)',
    threw: false,
    stopped: true,
  });
  expect(outcomes[2]).toEqual({ text: '2', threw: false, stopped: false });
}, 30_000);

test('a loop after a top-level await is stopped too', async () => {
  const outcomes = await runCellsNode([
    { code: 'await Promise.resolve();\nfor (;;) {}', throws: false, timeout: 300 },
    { code: 'console.log("next");', throws: false, timeout: 5000 },
  ]);
  expect(outcomes.map((o) => o.text)).toEqual(['Stopped after 0.3 s (time limit)', 'next']);
}, 30_000);

test('an awaited promise that never settles is stopped with a message saying so', async () => {
  const outcomes = await runCellsNode([
    { code: 'console.log("waiting");\nawait new Promise(() => {});', throws: false, timeout: 300 },
    { code: 'console.log("next");', throws: false, timeout: 5000 },
  ]);
  expect(outcomes[0].text).toBe(
    'waiting\nStopped after 0.3 s (time limit): still waiting for a promise that never settled',
  );
  expect(outcomes[1].text).toBe('next');
}, 30_000);

test('a rejected promise nobody awaits is reported in its cell, with its line', async () => {
  const outcomes = await runCellsNode([
    { code: 'console.log(1);\nPromise.reject(new Error("nobody waits"));', throws: true, timeout: 5000 },
    { code: 'console.log("next");', throws: false, timeout: 5000 },
  ]);
  expect(outcomes[0]).toEqual({
    text: '1\nError (line 2): Uncaught (in promise) nobody waits',
    threw: true,
    stopped: false,
  });
  expect(outcomes[1].text).toBe('next');
}, 30_000);

test('an error thrown in a timer callback is reported in its cell, with its line, not as a crash', async () => {
  const outcomes = await runCellsNode([
    {
      code: 'console.log(1);\nsetTimeout(() => {\n  throw new Error("in a timer");\n}, 0);',
      throws: true,
      timeout: 5000,
    },
    {
      code: 'await new Promise((r) => setTimeout(r, 20));\nconsole.log("next");',
      throws: false,
      timeout: 5000,
    },
  ]);
  expect(outcomes[0]).toEqual({
    text: '1\nError (line 3): Uncaught in a timer',
    threw: true,
    stopped: false,
  });
  expect(outcomes[1]).toEqual({ text: 'next', threw: false, stopped: false });
}, 30_000);

test('a runner that dies (here: out of memory) is reported as a failure; the next run gets a new one', async () => {
  const pool = nodePool({ size: 1, execArgv: ['--max-old-space-size=64'] });
  try {
    await expect(
      runCellsNode(
        [
          {
            code: 'const kept = [];\nfor (;;) kept.push(new Array(1e5).fill(1.5));',
            throws: false,
            timeout: 60_000,
          },
        ],
        pool,
      ),
    ).rejects.toThrow(/^running the cells failed: the cell runner exited \((signal SIG[A-Z]+|code \d+)\)/);
    const [after] = await runCellsNode(
      [{ code: 'console.log("still here");', throws: false, timeout: 5000 }],
      pool,
    );
    expect(after.text).toBe('still here');
    expect(pool.started).toBe(2);
  } finally {
    pool.close();
  }
}, 60_000);

test("the loss module's warnings (console.warn, as PyTorch's UserWarning) do not break a run nor join the cell's output", async () => {
  const [outcome] = await runCellsNode([
    {
      code: "import { tensor, klDiv } from '@loss';\nconst loss = klDiv(tensor([[-1.0, -2.0]]), tensor([[0.5, 0.5]]));\nconsole.log(loss.shape);",
      throws: false,
      timeout: 5000,
    },
  ]);
  expect(outcome).toEqual({ text: '[]', threw: false, stopped: false });
}, 30_000);

test('each run has a realm of its own: what a run changes does not reach the next, and cells see no Node globals', async () => {
  const pool = nodePool({ size: 1 });
  try {
    const [first] = await runCellsNode(
      [
        {
          code: "import { Tensor } from '@loss';\n(globalThis as any).leak = 1;\n(Tensor.prototype as any).extra = 1;\nsetTimeout(() => console.log('late'), 50);\nconsole.log(typeof process, typeof Buffer);",
          throws: false,
          timeout: 5000,
        },
      ],
      pool,
    );
    expect(first.text).toBe('undefined undefined');
    const [second] = await runCellsNode(
      [
        {
          code: "import { Tensor } from '@loss';\nawait new Promise((r) => setTimeout(r, 100));\nconsole.log(typeof (globalThis as any).leak, typeof (Tensor.prototype as any).extra);",
          throws: false,
          timeout: 5000,
        },
      ],
      pool,
    );
    expect(second.text).toBe('undefined undefined');
    // Both runs were served by the same process.
    expect(pool.started).toBe(1);
  } finally {
    pool.close();
  }
}, 30_000);
