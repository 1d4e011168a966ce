import { expect, test } from 'vitest';
import { tensor } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';
import { expectClose } from '../../helpers/close.ts';

describeOpFixtures('div', ['div']);

test('int64 / int64 is true division in float32', () => {
  const y = tensor([1, 2, 7]).div(tensor([2, 4, 2]));
  expect(y.dtype).toBe('float32');
  expect(Array.from(y.data)).toEqual([0.5, 0.5, 3.5]);
});

test('gradients of a / b are 1/b and -a/b^2', () => {
  const a = tensor([3], { dtype: 'float64', requiresGrad: true });
  const b = tensor([2], { dtype: 'float64', requiresGrad: true });
  a.div(b).sum().backward();
  expectClose(a.grad!.data, [0.5], { atol: 0, rtol: 1e-15 });
  expectClose(b.grad!.data, [-0.75], { atol: 0, rtol: 1e-15 });
});
