/**
 * clone and contiguous: a copy of the values that stays in the autograd graph.
 *
 * Shape: unchanged. Dtypes: any; the result keeps the dtype.
 * Gradient: passed through unchanged (CloneBackward0).
 * `clone()` keeps PyTorch's layout (memory_format=torch.preserve_format);
 * `contiguous()` returns the tensor itself when PyTorch deems it contiguous, else a
 * clone with contiguous layout (also CloneBackward0, as in PyTorch).
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.clone.html
 *      https://pytorch.org/docs/1.13/generated/torch.Tensor.contiguous.html
 */
import { Tensor, stridesOf } from '../tensor.ts';
import { makeResult } from './graph.ts';

export function clone(x: Tensor, options: { contiguous?: boolean } = {}): Tensor {
  return makeResult(x.data.slice(), x.shape, x.dtype, {
    name: 'CloneBackward0',
    inputs: [x],
    strides: options.contiguous ? stridesOf(x.shape) : x.torchStrides,
    backward: (g) => [g],
  });
}

export function contiguous(x: Tensor): Tensor {
  return x.isContiguous() ? x : clone(x, { contiguous: true });
}
