import { expect, test } from 'vitest';
import { tensor } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';

describeOpFixtures('pow', ['pow']);

test("PyTorch's conventions at 0: x ** 0 has gradient 0, and d(0 ** e)/de = 0 for e >= 0", () => {
  const x = tensor([0, 2], { dtype: 'float32', requiresGrad: true });
  x.pow(0).sum().backward();
  expect(x.grad!.tolist()).toEqual([0, 0]);
  const b = tensor([0, 0], { dtype: 'float32', requiresGrad: true });
  const e = tensor([2, 0.5], { dtype: 'float32', requiresGrad: true });
  b.pow(e).sum().backward();
  expect(e.grad!.tolist()).toEqual([0, 0]);
  expect(b.grad!.tolist()).toEqual([0, Infinity]);
});
