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

const opCases = casesUsing(loadFixture<OpCase[]>('tensor-ops.json'), 'div');
const errorCases = casesUsing(loadFixture<ErrorCase[]>('tensor-errors.json'), 'div');
/** Cases where our message deliberately starts differently from PyTorch's. */
const OURS: Record<string, string> = {};

describe('div matches PyTorch 1.13 (values, strides, grad_fn, repr, gradients)', () => {
  test('the fixture has cases', () => expect(opCases.length).toBeGreaterThan(0));
  test.each(opCases.map((c) => [c.name, c] as const))('%s', (_name, c) => checkOpCase(c));
});

if (errorCases.length > 0) {
  describe('div throws as PyTorch does', () => {
    test.each(errorCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => checkErrorCase(c, OURS[c.name]));
  });
}

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
