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

const opCases = casesUsing(loadFixture<OpCase[]>('tensor-ops.json'), 'sub');
const errorCases = casesUsing(loadFixture<ErrorCase[]>('tensor-errors.json'), 'sub');
/** Cases where our message deliberately starts differently from PyTorch's. */
const OURS: Record<string, string> = {};

describe('sub matches PyTorch 1.13 (values, strides, grad_fn, repr, gradients)', () => {
  test('the fixture has cases', () => expect(opCases.length).toBeGreaterThan(0));
  test.each(opCases.map((c) => [c.name, c] as const))('%s', (_name, c) => checkOpCase(c));
});

if (errorCases.length > 0) {
  describe('sub throws as PyTorch does', () => {
    test.each(errorCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => checkErrorCase(c, OURS[c.name]));
  });
}

test('sub gives -grad to the right side', () => {
  const a = ones([2], { requiresGrad: true });
  const b = ones([2], { requiresGrad: true });
  a.sub(b).sum().backward();
  expect(Array.from(a.grad!.data)).toEqual([1, 1]);
  expect(Array.from(b.grad!.data)).toEqual([-1, -1]);
});
