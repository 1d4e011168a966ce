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

const opCases = casesUsing(loadFixture<OpCase[]>('tensor-ops.json'), 'mul');
const errorCases = casesUsing(loadFixture<ErrorCase[]>('tensor-errors.json'), 'mul');
/** Cases where our message deliberately starts differently from PyTorch's. */
const OURS: Record<string, string> = {};

describe('mul matches PyTorch 1.13 (values, strides, grad_fn, repr, gradients)', () => {
  test('the fixture has cases', () => expect(opCases.length).toBeGreaterThan(0));
  test.each(opCases.map((c) => [c.name, c] as const))('%s', (_name, c) => checkOpCase(c));
});

if (errorCases.length > 0) {
  describe('mul throws as PyTorch does', () => {
    test.each(errorCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => checkErrorCase(c, OURS[c.name]));
  });
}

test('x.mul(x) accumulates both gradients: d(x^2)/dx = 2x', () => {
  const x = tensor([1.5, -2], { requiresGrad: true });
  x.mul(x).sum().backward();
  expect(Array.from(x.grad!.data)).toEqual([3, -4]);
});
