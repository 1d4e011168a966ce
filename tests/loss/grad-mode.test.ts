import { expect, test } from 'vitest';
import { crossEntropy, isGradEnabled, noGrad, tensor } from '../../src/loss/index.ts';

test('noGrad records no graph, returns what the function returns, and restores grad mode (also on throw)', () => {
  const x = tensor([[1, 2, 3]], { dtype: 'float32', requiresGrad: true });
  const loss = noGrad(() => crossEntropy(x, tensor([2])));
  expect(loss.gradFn).toBeNull();
  expect(loss.requiresGrad).toBe(false);
  expect(isGradEnabled()).toBe(true);
  expect(() =>
    noGrad(() => {
      throw new Error('inside');
    }),
  ).toThrow('inside');
  expect(isGradEnabled()).toBe(true);
  expect(noGrad(() => noGrad(() => isGradEnabled()))).toBe(false);
});

test('a leaf created inside noGrad with requiresGrad still requires grad, as in PyTorch', () => {
  const w = noGrad(() => tensor([1], { dtype: 'float32', requiresGrad: true }));
  expect(w.requiresGrad).toBe(true);
  expect(() => noGrad(42 as never)).toThrow(/takes a function/);
});
