/**
 * permute: the dims reordered; dim i of the result is dim `dims[i]` of the input.
 *
 * Shape: (N, C, L) with dims [0, 2, 1] -> (N, L, C) — the usual move of the class dim last.
 * Dtypes: any; the result keeps the dtype.
 * Gradient: permuted back by the inverse order (PermuteBackward0).
 * Throws: when `dims` is not a permutation of the input's dims (length or duplicates),
 * or a dim is out of range.
 *
 * NOTE: PyTorch's result is a non-contiguous view; ours is a contiguous copy whose
 * `torchStrides` record PyTorch's strides, so a later `view` fails as PyTorch's does.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.permute.html
 */
import { Tensor, allocStorage, normalizeDim, stridesOf } from '../tensor.ts';
import { makeResult } from './graph.ts';
import { stepOffsets } from './step-offsets.ts';

/** Plain (graph-free) copy of `x` with its dims in the order `dims` (already validated). */
export function permuteRaw(x: Tensor, dims: readonly number[]): Tensor {
  const shape = dims.map((d) => x.shape[d]);
  const inStrides = stridesOf(x.shape);
  const step = dims.map((d) => inStrides[d]);
  const from = stepOffsets(shape, step);
  const out = allocStorage(x.dtype, x.data.length);
  for (let i = 0; i < out.length; i++) out[i] = x.data[from[i]];
  return new Tensor(out, shape, x.dtype);
}

export function permute(x: Tensor, dims: readonly number[]): Tensor {
  if (dims.length !== x.ndim) {
    throw new Error(
      'permute(): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions ' +
        `i.e. input.dim() = ${x.ndim} is not equal to len(dims) = ${dims.length}`,
    );
  }
  const wrapped = dims.map((d) => normalizeDim(d, x.ndim));
  if (new Set(wrapped).size !== wrapped.length) {
    throw new Error(`permute(): duplicate dims are not allowed. (got dims [${dims.join(', ')}])`);
  }
  const inverse = new Array<number>(wrapped.length);
  wrapped.forEach((d, i) => (inverse[d] = i));
  const raw = permuteRaw(x, wrapped);
  return makeResult(raw.data, raw.shape, x.dtype, {
    name: 'PermuteBackward0',
    inputs: [x],
    strides: wrapped.map((d) => x.torchStrides[d]),
    backward: (g) => [permuteRaw(g, inverse)],
  });
}
