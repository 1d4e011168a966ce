import { describe, expect, test } from 'vitest';
import { arange } from '../../../src/loss/index.ts';
import {
  casesUsing,
  checkErrorCase,
  checkOpCase,
  loadFixture,
  type ErrorCase,
  type OpCase,
} from '../../helpers/tensor-fixtures.ts';

const opCases = casesUsing(loadFixture<OpCase[]>('tensor-ops.json'), 'permute');
const errorCases = casesUsing(loadFixture<ErrorCase[]>('tensor-errors.json'), 'permute');
/** Cases where our message deliberately starts differently from PyTorch's. */
const OURS: Record<string, string> = {
  'permute too many': 'permute(): number of dimensions in the tensor input does not match',
  'permute too few': 'permute(): number of dimensions in the tensor input does not match',
};

describe('permute matches PyTorch 1.13 (values, strides, grad_fn, repr, gradients)', () => {
  test('the fixture has cases', () => expect(opCases.length).toBeGreaterThan(0));
  test.each(opCases.map((c) => [c.name, c] as const))('%s', (_name, c) => checkOpCase(c));
});

if (errorCases.length > 0) {
  describe('permute throws as PyTorch does', () => {
    test.each(errorCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => checkErrorCase(c, OURS[c.name]));
  });
}

test('permute moves the class dim last and back', () => {
  const x = arange(24).reshape(2, 3, 4);
  const p = x.permute(0, 2, 1);
  expect(p.shape).toEqual([2, 4, 3]);
  expect(p.stride()).toEqual([12, 1, 4]);
  expect(p.isContiguous()).toBe(false);
  expect(p.permute([0, 2, 1]).tolist()).toEqual(x.tolist());
});
