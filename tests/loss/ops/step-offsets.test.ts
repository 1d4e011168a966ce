import { expect, test } from 'vitest';
import { stepOffsets } from '../../../src/loss/ops/step-offsets.ts';

test('row-major strides give 0..n-1; a zero step repeats, swapped strides transpose', () => {
  expect(Array.from(stepOffsets([2, 3], [3, 1]))).toEqual([0, 1, 2, 3, 4, 5]);
  // A (3,) row broadcast over 2 rows.
  expect(Array.from(stepOffsets([2, 3], [0, 1]))).toEqual([0, 1, 2, 0, 1, 2]);
  // The transpose of a (3, 2) tensor: read it column by column.
  expect(Array.from(stepOffsets([2, 3], [1, 2]))).toEqual([0, 2, 4, 1, 3, 5]);
});

test('0-d and empty shapes', () => {
  expect(Array.from(stepOffsets([], []))).toEqual([0]);
  expect(stepOffsets([0, 3], [3, 1]).length).toBe(0);
});
