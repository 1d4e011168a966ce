import { describe, expect, test } from 'vitest';
import { ones } from '../../../src/loss/index.ts';
import {
  casesUsing,
  checkErrorCase,
  checkOpCase,
  loadFixture,
  type ErrorCase,
  type OpCase,
} from '../../helpers/tensor-fixtures.ts';

const opCases = casesUsing(loadFixture<OpCase[]>('tensor-ops.json'), 'clone', 'contiguous');
const errorCases = casesUsing(loadFixture<ErrorCase[]>('tensor-errors.json'), 'clone', 'contiguous');
/** Cases where our message deliberately starts differently from PyTorch's. */
const OURS: Record<string, string> = {};

describe('clone matches PyTorch 1.13 (values, strides, grad_fn, repr, gradients)', () => {
  test('the fixture has cases', () => expect(opCases.length).toBeGreaterThan(0));
  test.each(opCases.map((c) => [c.name, c] as const))('%s', (_name, c) => checkOpCase(c));
});

if (errorCases.length > 0) {
  describe('clone throws as PyTorch does', () => {
    test.each(errorCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => checkErrorCase(c, OURS[c.name]));
  });
}

test('clone stays in the graph and contiguous() returns a contiguous tensor as is', () => {
  const x = ones([2, 3], { requiresGrad: true });
  expect(x.clone().gradFn?.name).toBe('CloneBackward0');
  expect(x.contiguous()).toBe(x);
  expect(x.permute(1, 0).contiguous().isContiguous()).toBe(true);
});
