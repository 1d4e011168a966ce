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

const opCases = casesUsing(loadFixture<OpCase[]>('tensor-ops.json'), 'detach');
const errorCases = casesUsing(loadFixture<ErrorCase[]>('tensor-errors.json'), 'detach');
/** Cases where our message deliberately starts differently from PyTorch's. */
const OURS: Record<string, string> = {};

describe('detach matches PyTorch 1.13 (values, strides, grad_fn, repr, gradients)', () => {
  test('the fixture has cases', () => expect(opCases.length).toBeGreaterThan(0));
  test.each(opCases.map((c) => [c.name, c] as const))('%s', (_name, c) => checkOpCase(c));
});

if (errorCases.length > 0) {
  describe('detach throws as PyTorch does', () => {
    test.each(errorCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => checkErrorCase(c, OURS[c.name]));
  });
}

test('detach cuts the graph and copies the data', () => {
  const x = ones([2], { requiresGrad: true });
  const d = x.detach();
  expect(d.requiresGrad).toBe(false);
  expect(d.gradFn).toBeNull();
  d.data[0] = 5;
  expect(x.data[0]).toBe(1);
});
