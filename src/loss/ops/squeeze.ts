/**
 * squeeze: size-1 dims removed — all of them, or only `dim` (left alone if its size is not 1).
 *
 * Shape: (2, 1, 3, 1) -> (2, 3); with dim=1 -> (2, 3, 1); with dim=0 -> (2, 1, 3, 1).
 * Dtypes: any; the result keeps the dtype.
 * Gradient: reshaped back (SqueezeBackward0 without dim, SqueezeBackward1 with one).
 * Throws: "Dimension out of range" for a bad `dim`.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.squeeze.html
 */
import { Tensor, normalizeDim } from '../tensor.ts';
import { makeResult, reshaped } from './graph.ts';

export function squeeze(x: Tensor, dim?: number): Tensor {
  let keep: number[];
  if (dim === undefined) {
    keep = x.shape.map((_, d) => d).filter((d) => x.shape[d] !== 1);
  } else {
    const d = normalizeDim(dim, x.ndim);
    keep = x.shape.map((_, i) => i).filter((i) => i !== d || x.shape[i] !== 1);
  }
  return makeResult(
    x.data.slice(),
    keep.map((d) => x.shape[d]),
    x.dtype,
    {
      name: dim === undefined ? 'SqueezeBackward0' : 'SqueezeBackward1',
      inputs: [x],
      strides: keep.map((d) => x.torchStrides[d]),
      backward: (g) => [reshaped(g, x.shape)],
    },
  );
}
