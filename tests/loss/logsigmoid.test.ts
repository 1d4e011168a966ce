import { expect, test } from 'vitest';
import { logsigmoid, softplus, tensor } from '../../src/loss/index.ts';
import { describeOpFixtures } from '../helpers/fixture-suites.ts';
import { expectClose } from '../helpers/close.ts';

describeOpFixtures('logsigmoid', ['F.logsigmoid']);

test('stable where log(sigmoid(x)) is not: -inf and 0 become x and -e^-x (float32)', () => {
  const x = tensor([-200, 100], { dtype: 'float32' });
  expect(x.sigmoid().log().tolist()).toEqual([-Infinity, 0]);
  expect(logsigmoid(x).toString()).toBe('tensor([-2.0000e+02, -3.9236e-44])');
});

test('logsigmoid(x) = -softplus(-x) below softplus threshold 20 (float64, to 1e-15)', () => {
  const x = tensor([-15, -1, 0, 2, 19], { dtype: 'float64' });
  expectClose(logsigmoid(x).data, softplus(x.neg()).neg().data, { atol: 1e-15, rtol: 1e-15 });
});

test('logsigmoid refuses integer input', () => {
  expect(() => logsigmoid(tensor([1, 2]))).toThrow(/must be a floating-point tensor/);
});
