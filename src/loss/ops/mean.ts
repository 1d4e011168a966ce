/**
 * mean: the mean of all elements, or over `dim` (one dim or a list).
 *
 * Shape: as for sum: (N, C) over dim 0 -> (C,), or (1, C) with keepdim; without `dim`
 * -> 0-d. The mean of no elements is nan, as in PyTorch.
 * Dtypes: float32 -> float32, float64 -> float64 only.
 * Gradient: grad / (number of elements averaged) to each (MeanBackward0 without dim,
 * MeanBackward1 with one).
 * Throws: for int64 input, PyTorch's "mean(): could not infer output dtype. Input dtype
 * must be either a floating point or complex dtype. Got: Long" (call `.float()` first);
 * for a bad or repeated dim.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.mean.html
 */
import { Tensor, allocStorage, isFloating } from '../tensor.ts';
import { makeResult } from './graph.ts';
import { normalizeDims, reductionIndex } from './reduce.ts';
import { scalarTypeName } from './dtype.ts';
import { spreadBack, sumInto } from './sum.ts';

export function mean(x: Tensor, dim?: number | readonly number[], keepdim = false): Tensor {
  if (!isFloating(x.dtype)) {
    throw new Error(
      'mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. ' +
        `Got: ${scalarTypeName(x.dtype)}`,
    );
  }
  const dims = normalizeDims(dim, x.ndim);
  const r = reductionIndex(x.shape, dims);
  const acc = sumInto(x, r);
  const data = allocStorage(x.dtype, acc.length);
  // PyTorch divides the (rounded) sum by the count in the tensor's dtype.
  for (let i = 0; i < acc.length; i++) data[i] = acc[i];
  for (let i = 0; i < acc.length; i++) data[i] = data[i] / r.groupSize;
  const shape = dim === undefined ? [] : keepdim ? r.keepShape : r.dropShape;
  return makeResult(data, shape, x.dtype, {
    name: dim === undefined ? 'MeanBackward0' : 'MeanBackward1',
    inputs: [x],
    backward: (g) => {
      // grad / n, rounded in the gradient's dtype.
      const scaled = allocStorage(g.dtype, g.data.length);
      for (let i = 0; i < scaled.length; i++) scaled[i] = g.data[i] / r.groupSize;
      return [spreadBack(new Tensor(scaled, g.shape, g.dtype), x.shape, r)];
    },
  });
}
