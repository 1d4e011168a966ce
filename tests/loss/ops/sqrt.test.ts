import { expect, test } from 'vitest';
import { tensor } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';

describeOpFixtures('sqrt', ['sqrt']);

test('float32 sqrt is correctly rounded and its gradient at 0 is inf', () => {
  const x = tensor([2, 0], { dtype: 'float32', requiresGrad: true });
  const y = x.sqrt();
  expect(y.data[0]).toBe(Math.fround(Math.SQRT2));
  y.sum().backward();
  expect(x.grad!.data[1]).toBe(Infinity);
});
