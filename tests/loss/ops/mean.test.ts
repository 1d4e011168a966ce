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

const opCases = casesUsing(loadFixture<OpCase[]>('tensor-ops.json'), 'mean');
const errorCases = casesUsing(loadFixture<ErrorCase[]>('tensor-errors.json'), 'mean');
/** Cases where our message deliberately starts differently from PyTorch's. */
const OURS: Record<string, string> = {};

describe('mean matches PyTorch 1.13 (values, strides, grad_fn, repr, gradients)', () => {
  test('the fixture has cases', () => expect(opCases.length).toBeGreaterThan(0));
  test.each(opCases.map((c) => [c.name, c] as const))('%s', (_name, c) => checkOpCase(c));
});

if (errorCases.length > 0) {
  describe('mean throws as PyTorch does', () => {
    test.each(errorCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => checkErrorCase(c, OURS[c.name]));
  });
}

test('mean over a dim and its gradient 1/n', () => {
  const x = tensor([[1, 2, 3], [4, 5, 6]], { dtype: 'float64', requiresGrad: true });
  const m = x.mean(1);
  expect(m.tolist()).toEqual([2, 5]);
  m.sum().backward();
  expectClose(x.grad!.data, [1 / 3, 1 / 3, 1 / 3, 1 / 3, 1 / 3, 1 / 3], { atol: 0, rtol: 1e-15 });
});
