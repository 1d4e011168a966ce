/**
 * The memory layout of a contiguous tensor seen along one dim: `outer` blocks, each of
 * `size` slices (the entries along `dim`), each slice `inner` contiguous elements long.
 * Element (o, c, s) sits at flat index (o·size + c)·inner + s.
 *
 * For the classification losses `dim` is the class dim: 1 for (N, C, d1..dk) input, so
 * outer = N, size = C, inner = d1·…·dk; and 0 for an unbatched (C) input.
 * Private to the loss module.
 */
import { laneSum } from './torch-rounding.ts';

export interface AlongDim {
  outer: number;
  size: number;
  inner: number;
}

export function alongDim(shape: readonly number[], dim: number): AlongDim {
  let outer = 1;
  let inner = 1;
  for (let d = 0; d < dim; d++) outer *= shape[d];
  for (let d = dim + 1; d < shape.length; d++) inner *= shape[d];
  return { outer, size: shape.length === 0 ? 1 : shape[dim], inner };
}

/**
 * Σ_c v[(o·size + c)·inner + s] (times `times[...]` when given) for every (o, s): outer·inner
 * sums, read in memory order, in double precision; or, with `round` (Math.fround), with
 * every product and partial sum rounded as a float32 kernel would, in class order.
 */
export function sumAlong(
  v: ArrayLike<number>,
  outer: number,
  size: number,
  inner: number,
  times?: ArrayLike<number>,
  round?: (x: number) => number,
): Float64Array {
  const sums = new Float64Array(outer * inner);
  if (round !== undefined && inner === 1) {
    // Along the last dim: PyTorch's lane order (./torch-rounding.ts).
    for (let o = 0; o < outer; o++) {
      const off = o * size;
      sums[o] = laneSum(
        size,
        (c) => (times === undefined ? v[off + c] : round(v[off + c] * times[off + c])),
        round,
      );
    }
    return sums;
  }
  for (let o = 0; o < outer; o++) {
    for (let c = 0; c < size; c++) {
      const off = (o * size + c) * inner;
      const lo = o * inner;
      if (round !== undefined) {
        for (let s = 0; s < inner; s++) {
          sums[lo + s] = round(
            sums[lo + s] + (times === undefined ? v[off + s] : round(v[off + s] * times[off + s])),
          );
        }
      } else if (times === undefined) for (let s = 0; s < inner; s++) sums[lo + s] += v[off + s];
      else for (let s = 0; s < inner; s++) sums[lo + s] += v[off + s] * times[off + s];
    }
  }
  return sums;
}
