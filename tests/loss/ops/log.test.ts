import { expect, test } from 'vitest';
import { tensor } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';
import { expectClose } from '../../helpers/close.ts';

describeOpFixtures('log', ['log']);

test('log(0) is -inf and log of a negative is nan, as in PyTorch', () => {
  const y = tensor([0, -1, 1], { dtype: 'float32' }).log();
  expect(y.data[0]).toBe(-Infinity);
  expect(Number.isNaN(y.data[1])).toBe(true);
  expect(y.data[2]).toBe(0);
});

test('log backward is grad / x', () => {
  const x = tensor([0.5, 2, 4], { requiresGrad: true });
  x.log().sum().backward();
  expectClose(x.grad!.data, [2, 0.5, 0.25], { atol: 0, rtol: 1e-7 });
});
