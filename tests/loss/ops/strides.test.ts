import { describe, expect, test } from 'vitest';
import {
  computeViewStrides,
  elementwiseStrides,
  isNonOverlappingAndDense,
} from '../../../src/loss/ops/strides.ts';

// Expected values checked with PyTorch 1.13 (x.view(...).stride(), (a + b).stride()); the
// op fixtures replay the same rules end to end.
describe('computeViewStrides (ATen computeStride)', () => {
  test('contiguous tensors view as anything', () => {
    expect(computeViewStrides([2, 3], [3, 1], [6])).toEqual([1]);
    expect(computeViewStrides([2, 3], [3, 1], [3, 2])).toEqual([2, 1]);
    expect(computeViewStrides([], [], [1, 1])).toEqual([1, 1]);
  });

  test('a transposed tensor can split dims but not merge them', () => {
    expect(computeViewStrides([3, 2], [1, 3], [6])).toBeNull();
    expect(computeViewStrides([4, 2, 3], [1, 12, 4], [2, 2, 2, 3])).toEqual([2, 1, 12, 4]);
    expect(computeViewStrides([4, 2, 3], [1, 12, 4], [4, 6])).toEqual([1, 4]);
  });

  test('empty tensors', () => {
    expect(computeViewStrides([0, 3], [3, 1], [0, 3])).toEqual([3, 1]);
    expect(computeViewStrides([0, 3], [3, 1], [3, 0])).toEqual([1, 1]);
  });
});

describe('elementwiseStrides (TensorIterator output layout)', () => {
  const permuted = { shape: [4, 2, 3], torchStrides: [1, 12, 4] };
  test('contiguous inputs give contiguous output', () => {
    expect(elementwiseStrides([2, 3], [{ shape: [2, 3], torchStrides: [3, 1] }])).toEqual([3, 1]);
  });

  test('one permuted input keeps its layout; broadcasting follows the dense operand', () => {
    expect(elementwiseStrides([4, 2, 3], [permuted])).toEqual([1, 12, 4]);
    expect(elementwiseStrides([4, 2, 3], [permuted, { shape: [4, 1, 1], torchStrides: [1, 1, 1] }])).toEqual([
      1, 12, 4,
    ]);
    expect(elementwiseStrides([4, 2, 3], [permuted, { shape: [2, 3], torchStrides: [3, 1] }])).toEqual([
      1, 12, 4,
    ]);
  });

  test('0-d output', () => {
    expect(elementwiseStrides([], [])).toEqual([]);
  });
});

test('isNonOverlappingAndDense', () => {
  expect(isNonOverlappingAndDense([3, 2], [1, 3])).toBe(true);
  expect(isNonOverlappingAndDense([3, 2], [2, 2])).toBe(false);
  expect(isNonOverlappingAndDense([3], [2])).toBe(false);
  expect(isNonOverlappingAndDense([1, 3], [7, 1])).toBe(true);
});
