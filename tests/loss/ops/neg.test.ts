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

const opCases = casesUsing(loadFixture<OpCase[]>('tensor-ops.json'), 'neg');
const errorCases = casesUsing(loadFixture<ErrorCase[]>('tensor-errors.json'), 'neg');
/** Cases where our message deliberately starts differently from PyTorch's. */
const OURS: Record<string, string> = {};

describe('neg matches PyTorch 1.13 (values, strides, grad_fn, repr, gradients)', () => {
  test('the fixture has cases', () => expect(opCases.length).toBeGreaterThan(0));
  test.each(opCases.map((c) => [c.name, c] as const))('%s', (_name, c) => checkOpCase(c));
});

if (errorCases.length > 0) {
  describe('neg throws as PyTorch does', () => {
    test.each(errorCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => checkErrorCase(c, OURS[c.name]));
  });
}

test('neg keeps int64 and never makes -0', () => {
  const y = tensor([0, 3]).neg();
  expect(y.dtype).toBe('int64');
  expect(y.tolist()).toEqual([0, -3]);
  expect(String(y)).toBe('tensor([ 0, -3])');
});
