import { describe, expect, test } from 'vitest';
import { tensor } from '../../../src/loss/index.ts';
import {
  casesUsing,
  checkErrorCase,
  checkOpCase,
  loadFixture,
  type ErrorCase,
  type OpCase,
} from '../../helpers/tensor-fixtures.ts';
import { expectClose } from '../../helpers/close.ts';

const opCases = casesUsing(loadFixture<OpCase[]>('tensor-ops.json'), 'log');
const errorCases = casesUsing(loadFixture<ErrorCase[]>('tensor-errors.json'), 'log');
/** Cases where our message deliberately starts differently from PyTorch's. */
const OURS: Record<string, string> = {};

describe('log matches PyTorch 1.13 (values, strides, grad_fn, repr, gradients)', () => {
  test('the fixture has cases', () => expect(opCases.length).toBeGreaterThan(0));
  test.each(opCases.map((c) => [c.name, c] as const))('%s', (_name, c) => checkOpCase(c));
});

if (errorCases.length > 0) {
  describe('log throws as PyTorch does', () => {
    test.each(errorCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => checkErrorCase(c, OURS[c.name]));
  });
}

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
