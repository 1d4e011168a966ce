import { describe, expect, test } from 'vitest';
import { tensor } from '../../../src/loss/index.ts';
import { broadcastIndex, broadcastShapes, sumToShape } from '../../../src/loss/ops/broadcast.ts';

describe('broadcasting', () => {
  test('broadcastShapes aligns trailing dims and stretches 1s', () => {
    expect(broadcastShapes([4, 3], [3])).toEqual([4, 3]);
    expect(broadcastShapes([2, 1], [1, 3])).toEqual([2, 3]);
    expect(broadcastShapes([], [2, 2])).toEqual([2, 2]);
    expect(broadcastShapes([5, 1, 4], [3, 1])).toEqual([5, 3, 4]);
    expect(broadcastShapes([0], [1])).toEqual([0]);
  });

  test('a clash names both sizes, the dim and both shapes', () => {
    expect(() => broadcastShapes([2, 3], [3, 2])).toThrow(
      'The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1 (shapes [2, 3] and [3, 2])',
    );
  });

  test('broadcastIndex maps every output element to its source', () => {
    expect(Array.from(broadcastIndex([3], [2, 3]))).toEqual([0, 1, 2, 0, 1, 2]);
    expect(Array.from(broadcastIndex([2, 1], [2, 3]))).toEqual([0, 0, 0, 1, 1, 1]);
    expect(Array.from(broadcastIndex([], [2]))).toEqual([0, 0]);
  });

  test('sumToShape sums a gradient back over stretched and added dims', () => {
    const g = tensor(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      { dtype: 'float32' },
    );
    expect(sumToShape(g, [3]).tolist()).toEqual([5, 7, 9]);
    expect(sumToShape(g, [2, 1]).tolist()).toEqual([[6], [15]]);
    expect(sumToShape(g, []).tolist()).toEqual(21);
    expect(sumToShape(g, [2, 3])).toBe(g);
  });
});
