import { expect, test } from 'vitest';
import { tensor, zeros, ones } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';

describeOpFixtures('add', ['add']);

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
