import { describe, expect, it } from 'vitest';
import { tensor } from '../../src/loss/index.ts';
import { expandTo } from '../../src/loss/expand-to.ts';

describe('expandTo', () => {
  it('repeats a (C) vector over the leading dims, a column over the last', () => {
    expect([...expandTo(tensor([1, 2, 3]), [2, 3], 'w')]).toEqual([1, 2, 3, 1, 2, 3]);
    expect([...expandTo(tensor([[1], [2]]), [2, 3], 'w')]).toEqual([1, 1, 1, 2, 2, 2]);
    expect([...expandTo(tensor(5), [2, 2], 'w')]).toEqual([5, 5, 5, 5]);
    expect([...expandTo(tensor([[1, 2]]), [2, 2, 2], 'w')]).toEqual([1, 2, 1, 2, 1, 2, 1, 2]);
  });
  it('rejects shapes that do not broadcast to the target shape, naming both', () => {
    expect(() => expandTo(tensor([1, 2]), [2, 3], 'weight')).toThrow(
      /size of tensor a \(3\) must match the size of tensor b \(2\) at non-singleton dimension 1: weight of shape \[2\] .* \[2, 3\]/,
    );
    expect(() =>
      expandTo(
        tensor([
          [1, 2, 3],
          [4, 5, 6],
        ]),
        [3],
        'posWeight',
      ),
    ).toThrow(/posWeight of shape \[2, 3\] has more dims .* \[3\]/);
  });
});
