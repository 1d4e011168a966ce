/**
 * sum: the sum of all elements, or over `dim` (one dim or a list).
 *
 * Shape: (N, C, d1) summed over dim 1 -> (N, d1), or (N, 1, d1) with keepdim;
 * without `dim` -> 0-d (keepdim is then ignored). An empty sum is 0.
 * Dtypes: float32 -> float32, float64 -> float64; int64, int32 and bool -> int64 (as PyTorch,
 * which sums integers and booleans as int64: a mask's sum counts its true entries).
 * Gradient: grad copied to every summed element (SumBackward0 without dim,
 * SumBackward1 with one).
 * Throws: "Dimension out of range" for a bad dim; "dim 0 appears multiple times in the
 * list of dims" for a repeated one.
 *
 * NOTE: we accumulate in float64 and round once; PyTorch accumulates float32 sums in
 * float32 (pairwise), so the last bit may differ.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.sum.html
 */
import { Tensor, allocStorage, isFloating } from '../tensor.ts';
import { makeResult } from './graph.ts';
import { normalizeDims, reductionIndex, type ReductionIndex } from './reduce.ts';

/** Plain sums of `x` into the reduction's output elements, as float64. */
export function sumInto(x: Tensor, r: ReductionIndex): Float64Array {
  const acc = new Float64Array(r.keepShape.reduce((p, s) => p * s, 1));
  for (let i = 0; i < r.map.length; i++) acc[r.map[i]] += x.data[i];
  return acc;
}

/** Plain gradient of a reduction: the output gradient `g` spread back over `shape`, times `scale`. */
export function spreadBack(g: Tensor, shape: readonly number[], r: ReductionIndex, scale = 1): Tensor {
  const out = allocStorage(g.dtype, r.map.length);
  for (let i = 0; i < out.length; i++) out[i] = g.data[r.map[i]] * scale;
  return new Tensor(out, shape, g.dtype);
}

export function sum(x: Tensor, dim?: number | readonly number[], keepdim = false): Tensor {
  const dims = normalizeDims(dim, x.ndim);
  const r = reductionIndex(x.shape, dims);
  const acc = sumInto(x, r);
  const dtype = isFloating(x.dtype) ? x.dtype : 'int64';
  const data = allocStorage(dtype, acc.length);
  data.set(acc);
  const shape = dim === undefined ? [] : keepdim ? r.keepShape : r.dropShape;
  return makeResult(data, shape, dtype, {
    name: dim === undefined ? 'SumBackward0' : 'SumBackward1',
    inputs: [x],
    backward: (g) => [spreadBack(g, x.shape, r)],
  });
}
