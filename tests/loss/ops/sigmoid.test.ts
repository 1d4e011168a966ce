import { expect, test } from 'vitest';
import { sigmoid, tensor } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';

describeOpFixtures('sigmoid', ['sigmoid']);

test('float32: never NaN, 0 once e^-x overflows (x < -88.7), exactly 1 for large x, as PyTorch', () => {
  const y = sigmoid(tensor([-1000, -90, -88, 0, 20, 1000], { dtype: 'float32' }));
  expect(Array.from(y.data)).toEqual([0, 0, Math.fround(6.054601895401186e-39), 0.5, 1, 1]);
  expect(y.toString()).toBe(
    'tensor([0.0000e+00, 0.0000e+00, 6.0546e-39, 5.0000e-01, 1.0000e+00, 1.0000e+00])',
  );
});

test('float64 holds sigmoid(-700) and the method and the function agree', () => {
  const x = tensor([-700, 3], { dtype: 'float64' });
  expect(x.sigmoid().data[0]).toBeCloseTo(Math.exp(-700), 310);
  expect(Array.from(sigmoid(x).data)).toEqual(Array.from(x.sigmoid().data));
});
