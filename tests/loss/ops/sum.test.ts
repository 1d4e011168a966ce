import { describe, expect, test } from 'vitest';
import { tensor, zeros } from '../../../src/loss/index.ts';
import {
  casesUsing,
  checkErrorCase,
  checkOpCase,
  loadFixture,
  type ErrorCase,
  type OpCase,
} from '../../helpers/tensor-fixtures.ts';
import { expectClose } from '../../helpers/close.ts';

const opCases = casesUsing(loadFixture<OpCase[]>('tensor-ops.json'), 'sum');
const errorCases = casesUsing(loadFixture<ErrorCase[]>('tensor-errors.json'), 'sum');
/** Cases where our message deliberately starts differently from PyTorch's. */
const OURS: Record<string, string> = {};

describe('sum matches PyTorch 1.13 (values, strides, grad_fn, repr, gradients)', () => {
  test('the fixture has cases', () => expect(opCases.length).toBeGreaterThan(0));
  test.each(opCases.map((c) => [c.name, c] as const))('%s', (_name, c) => checkOpCase(c));
});

if (errorCases.length > 0) {
  describe('sum throws as PyTorch does', () => {
    test.each(errorCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => checkErrorCase(c, OURS[c.name]));
  });
}

test('sum of a 0-d, of an empty tensor, and over all dims by list', () => {
  expect(tensor(2.5).sum().item()).toBe(2.5);
  expect(zeros([0, 3]).sum().item()).toBe(0);
  const x = tensor([[1, 2], [3, 4]]);
  expect(x.sum([0, 1]).item()).toBe(10);
  expect(x.sum([0, 1]).shape).toEqual([]);
  expect(x.sum(undefined, true).shape).toEqual([]);
});

test('float32 sums are rounded to float32', () => {
  const s = tensor([0.1, 0.2, 0.3]).sum().item();
  expect(s).toBe(Math.fround(s));
  expectClose(s, 0.6, { atol: 1e-7, rtol: 0 });
});
