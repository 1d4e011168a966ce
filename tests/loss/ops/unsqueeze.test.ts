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

const opCases = casesUsing(loadFixture<OpCase[]>('tensor-ops.json'), 'unsqueeze');
const errorCases = casesUsing(loadFixture<ErrorCase[]>('tensor-errors.json'), 'unsqueeze');
/** Cases where our message deliberately starts differently from PyTorch's. */
const OURS: Record<string, string> = {};

describe('unsqueeze matches PyTorch 1.13 (values, strides, grad_fn, repr, gradients)', () => {
  test('the fixture has cases', () => expect(opCases.length).toBeGreaterThan(0));
  test.each(opCases.map((c) => [c.name, c] as const))('%s', (_name, c) => checkOpCase(c));
});

if (errorCases.length > 0) {
  describe('unsqueeze throws as PyTorch does', () => {
    test.each(errorCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => checkErrorCase(c, OURS[c.name]));
  });
}

test('unsqueeze(1) turns (N,) targets into the (N, 1) index gather needs', () => {
  const t = tensor([2, 0, 1]).unsqueeze(1);
  expect(t.shape).toEqual([3, 1]);
  expect(t.tolist()).toEqual([[2], [0], [1]]);
  expect(t.dtype).toBe('int64');
  expect(t.gradFn).toBeNull();
});
