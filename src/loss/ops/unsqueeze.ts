/**
 * unsqueeze: a size-1 dim inserted at `dim`.
 *
 * Shape: (d0, ..., dn-1) -> (d0, ..., 1, ..., dn-1), the 1 at position `dim`
 * (`dim` in [-(n+1), n]; negative counts from the end of the *result*).
 * Dtypes: any; the result keeps the dtype. Gradient: squeezed back (UnsqueezeBackward0).
 * Throws: "Dimension out of range" when `dim` is outside [-(n+1), n].
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.unsqueeze.html
 */
import { Tensor, normalizeDim } from '../tensor.ts';
import { makeResult, reshaped } from './graph.ts';

export function unsqueeze(x: Tensor, dim: number): Tensor {
  const d = normalizeDim(dim, x.ndim + 1);
  const shape = [...x.shape];
  shape.splice(d, 0, 1);
  // PyTorch's inferUnsqueezeGeometry: the new dim's stride is sizes[d] * strides[d].
  const strides = [...x.torchStrides];
  strides.splice(d, 0, d >= x.ndim ? 1 : x.shape[d] * x.torchStrides[d]);
  return makeResult(x.data.slice(), shape, x.dtype, {
    name: 'UnsqueezeBackward0',
    inputs: [x],
    strides,
    backward: (g) => [reshaped(g, x.shape)],
  });
}
