import { expect, test } from 'vitest';
import { tensor, where } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';

describeOpFixtures('where', ['where', 'F.where']);

test('where(condition, x, y) picks, and sends each gradient to the branch taken', () => {
  const x = tensor([1, 2, 3], { dtype: 'float32', requiresGrad: true });
  const y = tensor([10, 20, 30], { dtype: 'float32', requiresGrad: true });
  const out = where(tensor([true, false, true]), x, y);
  expect(out.tolist()).toEqual([1, 20, 3]);
  out.sum().backward();
  expect(x.grad!.tolist()).toEqual([1, 0, 1]);
  expect(y.grad!.tolist()).toEqual([0, 1, 0]);
});
