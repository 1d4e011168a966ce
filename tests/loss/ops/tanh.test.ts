import { expect, test } from 'vitest';
import { tensor } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';
import { expectClose } from '../../helpers/close.ts';

describeOpFixtures('tanh', ['tanh']);

test('tanh(x) = 2σ(2x) - 1 (float64, to 1e-15)', () => {
  const x = tensor([-3, -0.5, 0, 0.25, 4], { dtype: 'float64' });
  const viaSigmoid = x.mul(2).sigmoid().mul(2).sub(1);
  expectClose(x.tanh().data, viaSigmoid.data, { atol: 1e-15, rtol: 0 });
});

test('tanh saturates to exactly ±1 in float32', () => {
  expect(tensor([-20, 20], { dtype: 'float32' }).tanh().tolist()).toEqual([-1, 1]);
});
