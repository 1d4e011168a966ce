import { describe, expect, test } from 'vitest';
import { tensor, ones } from '../../../src/loss/index.ts';
import {
  casesUsing,
  checkErrorCase,
  checkOpCase,
  loadFixture,
  type ErrorCase,
  type OpCase,
} from '../../helpers/tensor-fixtures.ts';

const opCases = casesUsing(loadFixture<OpCase[]>('tensor-ops.json'), 'to', 'float', 'double', 'long');
const errorCases = casesUsing(loadFixture<ErrorCase[]>('tensor-errors.json'), 'to', 'float', 'double', 'long');
/** Cases where our message deliberately starts differently from PyTorch's. */
const OURS: Record<string, string> = {};

describe('to matches PyTorch 1.13 (values, strides, grad_fn, repr, gradients)', () => {
  test('the fixture has cases', () => expect(opCases.length).toBeGreaterThan(0));
  test.each(opCases.map((c) => [c.name, c] as const))('%s', (_name, c) => checkOpCase(c));
});

if (errorCases.length > 0) {
  describe('to throws as PyTorch does', () => {
    test.each(errorCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => checkErrorCase(c, OURS[c.name]));
  });
}

test('to(own dtype) returns the tensor itself, as PyTorch does', () => {
  const x = ones([2]);
  expect(x.float()).toBe(x);
  expect(x.to('float32')).toBe(x);
});

test('long() truncates toward zero and refuses NaN and inf', () => {
  expect(tensor([1.7, -1.7]).long().tolist()).toEqual([1, -1]);
  expect(() => tensor([NaN]).long()).toThrow(/cannot convert NaN to int64/);
  expect(() => tensor([1, Infinity]).long()).toThrow(/cannot convert Infinity to int64/);
});

test('unknown dtypes are refused', () => {
  expect(() => ones([1]).to('int32' as never)).toThrow(/unknown dtype "int32"/);
});
