/**
 * argmax: the index of the largest value — of the flattened tensor, or along `dim`.
 *
 * Shape: without `dim` -> 0-d (an index into the flattened tensor; with keepdim, all
 * dims of size 1); (N, C) along dim 1 -> (N,), or (N, 1) with keepdim.
 * Dtypes: any input but bool; the result is int64 and has no gradient.
 * Ties give the first index; NaN counts as larger than every number (PyTorch's rule).
 * Throws: for a bad dim; for an empty tensor without `dim`, or an empty `dim`; for a bool input
 * (PyTorch's "argmax_cpu" not implemented for 'Bool').
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.argmax.html
 */
import { Tensor, normalizeDim } from '../tensor.ts';
import { reductionIndex } from './reduce.ts';

/** True when a beats the current best b under PyTorch's max ordering (NaN is largest; ties keep b). */
export function beats(a: number, b: number): boolean {
  if (Number.isNaN(b)) return false;
  return Number.isNaN(a) || a > b;
}

/**
 * For each output element of a reduction over one dim (or all), the flat input index
 * of its maximum (`null`: over all dims, no dim given). Used by argmax and max.
 */
export function argmaxIndices(
  x: Tensor,
  dimsOrAll: readonly number[] | null,
  op: string,
): { flat: Int32Array; keepShape: number[]; dropShape: number[] } {
  const dims = dimsOrAll ?? [...Array(x.ndim).keys()];
  if (x.numel() === 0) {
    if (dimsOrAll === null) {
      throw new Error(
        `${op}(): Expected reduction dim to be specified for input.numel() == 0.` +
          (op === 'max' ? " Specify the reduction dim with the 'dim' argument." : '') +
          ` (input shape [${x.shape.join(', ')}])`,
      );
    }
    for (const d of dims) {
      if (x.shape[d] === 0) {
        throw new Error(
          `${op}(): Expected reduction dim ${d} to have non-zero size. (input shape [${x.shape.join(', ')}])`,
        );
      }
    }
  }
  const r = reductionIndex(x.shape, dims);
  const nOut = r.keepShape.reduce((p, s) => p * s, 1);
  const flat = new Int32Array(nOut).fill(-1);
  for (let i = 0; i < r.map.length; i++) {
    const o = r.map[i];
    if (flat[o] < 0 || beats(x.data[i], x.data[flat[o]])) flat[o] = i;
  }
  return { flat, keepShape: r.keepShape, dropShape: r.dropShape };
}

export function argmax(x: Tensor, dim?: number, keepdim = false): Tensor {
  if (x.dtype === 'bool')
    throw new Error(`"argmax_cpu" not implemented for 'Bool' (argmax of a bool tensor)`);
  if (dim === undefined) {
    const { flat } = argmaxIndices(x, null, 'argmax');
    const shape = keepdim ? x.shape.map(() => 1) : [];
    return new Tensor(Float64Array.of(flat[0]), shape, 'int64');
  }
  const d = normalizeDim(dim, x.ndim);
  const dims = d < x.ndim ? [d] : [];
  const { flat, keepShape, dropShape } = argmaxIndices(x, dims, 'argmax');
  // Turn flat input indices into positions along `dim`.
  const stride = x.shape.slice(d + 1).reduce((p, s) => p * s, 1);
  const size = x.ndim === 0 ? 1 : x.shape[d];
  const out = new Float64Array(flat.length);
  for (let i = 0; i < flat.length; i++) out[i] = Math.floor(flat[i] / stride) % size;
  return new Tensor(out, keepdim ? keepShape : dropShape, 'int64');
}
