import { expect, test } from 'vitest';
import { tensor } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';

describeOpFixtures('mul', ['mul']);

test('x.mul(x) accumulates both gradients: d(x^2)/dx = 2x', () => {
  const x = tensor([1.5, -2], { requiresGrad: true });
  x.mul(x).sum().backward();
  expect(Array.from(x.grad!.data)).toEqual([3, -4]);
});
