import { describe, expect, test } from 'vitest';
import { normalizeDims, reductionIndex } from '../../../src/loss/ops/reduce.ts';

describe('reduction bookkeeping', () => {
  test('normalizeDims: all when undefined or empty, wrapped and sorted otherwise', () => {
    expect(normalizeDims(undefined, 3)).toEqual([0, 1, 2]);
    expect(normalizeDims([], 2)).toEqual([0, 1]);
    expect(normalizeDims([-1, 0], 3)).toEqual([0, 2]);
    expect(normalizeDims(0, 0)).toEqual([]);
    expect(() => normalizeDims([1, -1], 2)).toThrow('dim 1 appears multiple times in the list of dims');
    expect(() => normalizeDims(2, 2)).toThrow(/Dimension out of range/);
  });

  test('reductionIndex maps each element to its group', () => {
    const r = reductionIndex([2, 3], [1]);
    expect(r.keepShape).toEqual([2, 1]);
    expect(r.dropShape).toEqual([2]);
    expect(Array.from(r.map)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(r.groupSize).toBe(3);
    expect(Array.from(reductionIndex([2, 3], [0]).map)).toEqual([0, 1, 2, 0, 1, 2]);
    expect(reductionIndex([], []).groupSize).toBe(1);
  });
});
