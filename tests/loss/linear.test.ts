import { expect, test } from 'vitest';
import { linear, tensor } from '../../src/loss/index.ts';
import { describeOpFixtures } from '../helpers/fixture-suites.ts';

describeOpFixtures('linear', ['F.linear']);

test('linear(x, W, b) = x·Wᵀ + b, with gradients to all three', () => {
  const x = tensor([[1, 2]], { dtype: 'float32', requiresGrad: true });
  const w = tensor(
    [
      [3, 4],
      [5, 6],
    ],
    { dtype: 'float32', requiresGrad: true },
  );
  const b = tensor([0.5, -0.5], { dtype: 'float32', requiresGrad: true });
  const y = linear(x, w, b);
  expect(y.tolist()).toEqual([[11.5, 16.5]]);
  y.sum().backward();
  expect(x.grad!.tolist()).toEqual([[8, 10]]);
  expect(w.grad!.tolist()).toEqual([
    [1, 2],
    [1, 2],
  ]);
  expect(b.grad!.tolist()).toEqual([1, 1]);
});
