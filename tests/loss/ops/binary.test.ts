import { expect, test } from 'vitest';
import { tensor } from '../../../src/loss/index.ts';
import { binaryOp, checkOperand, zipRaw } from '../../../src/loss/ops/binary.ts';

test('zipRaw broadcasts, casts operands to the result dtype, and never yields int -0', () => {
  const y = zipRaw(tensor([[1], [2]]), tensor([10, 20, 30]), 'int64', (a, b) => a * b);
  expect(y.shape).toEqual([2, 3]);
  expect(y.tolist()).toEqual([
    [10, 20, 30],
    [20, 40, 60],
  ]);
  expect(Object.is(zipRaw(tensor([0]), -1, 'int64', (a, b) => a * b).data[0], 0)).toBe(true);
  expect(zipRaw(tensor([2 ** 24 + 1]), 0, 'float32', (a, b) => a + b).data[0]).toBe(2 ** 24);
});

test('binaryOp reduces each gradient to its input and skips number operands', () => {
  const a = tensor([[1, 2, 3]], { dtype: 'float32', requiresGrad: true });
  const y = binaryOp(
    a,
    2,
    'PowishBackward0',
    (d) => d,
    (x, s) => x * s,
    (g) => [g, null],
  );
  expect(y.gradFn?.inputs).toHaveLength(1);
  y.sum().backward();
  expect(a.grad!.tolist()).toEqual([[1, 1, 1]]);
});

test('checkOperand refuses what is neither a Tensor nor a number', () => {
  expect(() => checkOperand('mul', [1, 2])).toThrow(
    'mul(): expected a Tensor or a number as other, but got [1,2]',
  );
  expect(() => checkOperand('mul', 3)).not.toThrow();
});
