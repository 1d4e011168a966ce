/**
 * reshape and view: the same values (row-major order) under a new shape.
 *
 * Shape: any shape with the same number of elements; one size may be -1, inferred.
 * Dtypes: any; the result keeps the dtype.
 *
 * PyTorch's `view` only aliases storage, so it fails where the tensor's strides cannot
 * express the new shape (typically after `permute`); `reshape` then copies instead.
 * We follow PyTorch's strides (see ./strides.ts) to make the same choice and record the
 * same graph nodes:
 * - view:                      ViewBackward0
 * - reshape, aliasable:        ReshapeAliasBackward0
 * - reshape, needs a copy:     CloneBackward0, then UnsafeViewBackward0
 * Gradient: the output gradient reshaped back to the input's shape.
 *
 * Throws: "shape '[3, -1]' is invalid for input of size 2", "only one dimension can be
 * inferred", "invalid shape dimension -2", and for `view`, PyTorch's "view size is not
 * compatible with input tensor's size and stride ...".
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.reshape.html
 *      https://pytorch.org/docs/1.13/generated/torch.Tensor.view.html
 */
import { Tensor, stridesOf } from '../tensor.ts';
import { makeResult, reshaped } from './graph.ts';
import { computeViewStrides } from './strides.ts';
import { clone } from './clone.ts';

/** PyTorch's infer_size: the shape with its -1 resolved, checked against `numel`. */
export function inferShape(shape: readonly number[], numel: number): number[] {
  let inferred = -1;
  let known = 1;
  shape.forEach((s, i) => {
    if (!Number.isInteger(s))
      throw new Error(`reshape(): sizes must be integers, but got ${s} in [${shape.join(', ')}]`);
    if (s === -1) {
      if (inferred >= 0) throw new Error('only one dimension can be inferred');
      inferred = i;
    } else if (s < 0) {
      throw new Error(`invalid shape dimension ${s}`);
    } else {
      known *= s;
    }
  });
  const out = [...shape];
  const invalid = () => new Error(`shape '[${shape.join(', ')}]' is invalid for input of size ${numel}`);
  if (inferred >= 0) {
    if (known === 0 || numel % known !== 0) throw invalid();
    out[inferred] = numel / known;
  } else if (known !== numel) {
    throw invalid();
  }
  return out;
}

export function view(x: Tensor, shape: readonly number[]): Tensor {
  const target = inferShape(shape, x.numel());
  const strides = computeViewStrides(x.shape, x.torchStrides, target);
  if (strides === null) {
    throw new Error(
      "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead." +
        ` (input shape [${x.shape.join(', ')}] with strides [${x.torchStrides.join(', ')}], view shape [${target.join(', ')}])`,
    );
  }
  return makeResult(x.data.slice(), target, x.dtype, {
    name: 'ViewBackward0',
    inputs: [x],
    strides,
    backward: (g) => [reshaped(g, x.shape)],
  });
}

export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  const target = inferShape(shape, x.numel());
  const strides = computeViewStrides(x.shape, x.torchStrides, target);
  if (strides !== null) {
    return makeResult(x.data.slice(), target, x.dtype, {
      name: 'ReshapeAliasBackward0',
      inputs: [x],
      strides,
      backward: (g) => [reshaped(g, x.shape)],
    });
  }
  // PyTorch: at::_unsafe_view(self.clone(at::MemoryFormat::Contiguous), shape)
  const copy = clone(x, { contiguous: true });
  return makeResult(copy.data.slice(), target, x.dtype, {
    name: 'UnsafeViewBackward0',
    inputs: [copy],
    strides: stridesOf(target),
    backward: (g) => [reshaped(g, copy.shape)],
  });
}
