import { describe, expect, test } from 'vitest';
import { zeros } from '../../../src/loss/index.ts';
import {
  casesUsing,
  checkErrorCase,
  checkOpCase,
  loadFixture,
  type ErrorCase,
  type OpCase,
} from '../../helpers/tensor-fixtures.ts';

const opCases = casesUsing(loadFixture<OpCase[]>('tensor-ops.json'), 'squeeze');
const errorCases = casesUsing(loadFixture<ErrorCase[]>('tensor-errors.json'), 'squeeze');
/** Cases where our message deliberately starts differently from PyTorch's. */
const OURS: Record<string, string> = {};

describe('squeeze matches PyTorch 1.13 (values, strides, grad_fn, repr, gradients)', () => {
  test('the fixture has cases', () => expect(opCases.length).toBeGreaterThan(0));
  test.each(opCases.map((c) => [c.name, c] as const))('%s', (_name, c) => checkOpCase(c));
});

if (errorCases.length > 0) {
  describe('squeeze throws as PyTorch does', () => {
    test.each(errorCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => checkErrorCase(c, OURS[c.name]));
  });
}

test('squeeze() drops every size-1 dim and squeeze(dim) only that one', () => {
  const x = zeros([1, 2, 1, 3]);
  expect(x.squeeze().shape).toEqual([2, 3]);
  expect(x.squeeze(2).shape).toEqual([1, 2, 3]);
  expect(x.squeeze(-1).shape).toEqual([1, 2, 1, 3]);
});
