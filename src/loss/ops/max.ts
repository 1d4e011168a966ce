/**
 * max: the largest value (0-d), or the largest values and their indices along `dim`.
 *
 * Shape: `max()` -> 0-d; `max(dim)` on (N, C) along 1 -> values (N,) and indices (N,),
 * or (N, 1) with keepdim.
 * Dtypes: values keep the input's dtype; indices are int64.
 * Ties: the first index. NaN counts as larger than every number (so the max is NaN).
 * Gradient: `max()` spreads grad evenly over all elements equal to the max
 * (MaxBackward1); `max(dim)` sends it to the chosen index only (MaxBackward0) — both
 * as PyTorch 1.13 does.
 * Throws: for a bad dim; for an empty tensor without `dim`, or an empty `dim`.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.max.html
 */
import { Tensor, allocStorage, normalizeDim } from '../tensor.ts';
import { makeResult } from './graph.ts';
import { argmaxIndices } from './argmax.ts';
import { formatTensor } from '../format.ts';

/** What `max(dim)` returns: PyTorch's `torch.return_types.max(values, indices)`; destructures as `[values, indices]`. */
export class MaxResult {
  readonly values: Tensor;
  readonly indices: Tensor;

  constructor(values: Tensor, indices: Tensor) {
    this.values = values;
    this.indices = indices;
  }

  *[Symbol.iterator](): Iterator<Tensor> {
    yield this.values;
    yield this.indices;
  }

  /** As Python prints the named tuple. */
  toString(): string {
    return `torch.return_types.max(\nvalues=${formatTensor(this.values)},\nindices=${formatTensor(this.indices)})`;
  }
}

export function max(x: Tensor): Tensor;
export function max(x: Tensor, dim: number, keepdim?: boolean): MaxResult;
export function max(x: Tensor, dim?: number, keepdim = false): Tensor | MaxResult {
  if (dim === undefined) {
    const { flat } = argmaxIndices(x, null, 'max');
    const value = x.data[flat[0]];
    const data = allocStorage(x.dtype, 1);
    data[0] = value;
    return makeResult(data, [], x.dtype, {
      name: 'MaxBackward1',
      inputs: [x],
      backward: (g) => {
        // PyTorch's evenly_distribute_backward: ties share the gradient.
        const hit = (v: number) => (Number.isNaN(value) ? Number.isNaN(v) : v === value);
        let count = 0;
        for (let i = 0; i < x.data.length; i++) if (hit(x.data[i])) count++;
        const share = allocStorage(g.dtype, 1);
        share[0] = g.data[0] / count;
        const out = allocStorage(g.dtype, x.data.length);
        for (let i = 0; i < out.length; i++) if (hit(x.data[i])) out[i] = share[0];
        return [new Tensor(out, x.shape, g.dtype)];
      },
    });
  }
  const d = normalizeDim(dim, x.ndim);
  const dims = d < x.ndim ? [d] : [];
  const { flat, keepShape, dropShape } = argmaxIndices(x, dims, 'max');
  const shape = keepdim ? keepShape : dropShape;
  const values = allocStorage(x.dtype, flat.length);
  for (let i = 0; i < flat.length; i++) values[i] = x.data[flat[i]];
  const stride = x.shape.slice(d + 1).reduce((p, s) => p * s, 1);
  const size = x.ndim === 0 ? 1 : x.shape[d];
  const indices = new Float64Array(flat.length);
  for (let i = 0; i < flat.length; i++) indices[i] = Math.floor(flat[i] / stride) % size;
  const valuesT = makeResult(values, shape, x.dtype, {
    name: 'MaxBackward0',
    inputs: [x],
    backward: (g) => {
      const out = allocStorage(g.dtype, x.data.length);
      for (let i = 0; i < flat.length; i++) out[flat[i]] = g.data[i];
      return [new Tensor(out, x.shape, g.dtype)];
    },
  });
  return new MaxResult(valuesT, new Tensor(indices, shape, 'int64'));
}
