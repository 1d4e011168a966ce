import { describe, expect, test } from 'vitest';
import { tensor, zeros, ones } from '../../../src/loss/index.ts';
import {
  casesUsing,
  checkErrorCase,
  checkOpCase,
  loadFixture,
  type ErrorCase,
  type OpCase,
} from '../../helpers/tensor-fixtures.ts';

const opCases = casesUsing(loadFixture<OpCase[]>('tensor-ops.json'), 'add');
const errorCases = casesUsing(loadFixture<ErrorCase[]>('tensor-errors.json'), 'add');
/** Cases where our message deliberately starts differently from PyTorch's. */
const OURS: Record<string, string> = {};

describe('add matches PyTorch 1.13 (values, strides, grad_fn, repr, gradients)', () => {
  test('the fixture has cases', () => expect(opCases.length).toBeGreaterThan(0));
  test.each(opCases.map((c) => [c.name, c] as const))('%s', (_name, c) => checkOpCase(c));
});

if (errorCases.length > 0) {
  describe('add throws as PyTorch does', () => {
    test.each(errorCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => checkErrorCase(c, OURS[c.name]));
  });
}

test('add broadcasts (N, C) + (C,) and sums the gradient of the broadcast side', () => {
  const a = zeros([4, 3], { requiresGrad: true });
  const b = tensor([1, 2, 3], { dtype: 'float32', requiresGrad: true });
  const y = a.add(b);
  expect(y.shape).toEqual([4, 3]);
  y.sum().backward();
  expect(Array.from(b.grad!.data)).toEqual([4, 4, 4]);
  expect(b.grad!.shape).toEqual([3]);
});

test('type promotion: int64 + int -> int64, int64 + 0.5 -> float32, float32 + float64 -> float64', () => {
  expect(tensor([1]).add(2).dtype).toBe('int64');
  expect(tensor([1]).add(0.5).dtype).toBe('float32');
  expect(tensor([1.5]).add(tensor([1.5], { dtype: 'float64' })).dtype).toBe('float64');
  expect(tensor([1.5]).add(tensor(1.5, { dtype: 'float64' })).dtype).toBe('float32');
  expect(tensor([1]).add(tensor(1.5, { dtype: 'float64' })).dtype).toBe('float64');
});

test('a non-number, non-tensor operand is refused', () => {
  expect(() => ones([2]).add('1' as unknown as number)).toThrow(/add\(\): expected a Tensor or a number/);
});
