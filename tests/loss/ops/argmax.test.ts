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

const opCases = casesUsing(loadFixture<OpCase[]>('tensor-ops.json'), 'argmax');
const errorCases = casesUsing(loadFixture<ErrorCase[]>('tensor-errors.json'), 'argmax');
/** Cases where our message deliberately starts differently from PyTorch's. */
const OURS: Record<string, string> = {};

describe('argmax matches PyTorch 1.13 (values, strides, grad_fn, repr, gradients)', () => {
  test('the fixture has cases', () => expect(opCases.length).toBeGreaterThan(0));
  test.each(opCases.map((c) => [c.name, c] as const))('%s', (_name, c) => checkOpCase(c));
});

if (errorCases.length > 0) {
  describe('argmax throws as PyTorch does', () => {
    test.each(errorCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => checkErrorCase(c, OURS[c.name]));
  });
}

test('argmax of a row of logits is the predicted class (int64, no grad)', () => {
  const logits = tensor([[0.1, 2.0, -1.0], [3.0, 0.0, 0.5]], { requiresGrad: true });
  const pred = logits.argmax(1);
  expect(pred.dtype).toBe('int64');
  expect(pred.requiresGrad).toBe(false);
  expect(pred.tolist()).toEqual([1, 0]);
  expect(logits.argmax().item()).toBe(3);
});
