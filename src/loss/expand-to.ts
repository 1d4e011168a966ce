/**
 * `expandTo(t, shape)`: the values of `t` broadcast to exactly `shape` (NumPy/PyTorch
 * broadcasting: align trailing dims; a size-1 or missing dim repeats). Used for the
 * elementwise weights of the binary losses. Private to the loss module.
 */
import { Tensor, stridesOf } from './tensor.ts';
import { shapeStr } from './check.ts';
import { stepOffsets } from './ops/step-offsets.ts';

/**
 * A Float64Array of numel(shape) values, or throws naming both shapes when `t` does not
 * broadcast to `shape` (PyTorch's "The size of tensor a (3) must match the size of tensor
 * b (2) at non-singleton dimension 1", or "output with shape [3] doesn't match the
 * broadcast shape [2, 3]" when `t` would enlarge the result).
 */
export function expandTo(t: Tensor, shape: readonly number[], what: string): Float64Array {
  const nd = shape.length;
  const off = nd - t.ndim;
  if (off < 0) {
    throw new Error(
      `output with shape ${shapeStr(shape)} doesn't match the broadcast shape: ${what} of shape ` +
        `${shapeStr(t.shape)} has more dims than the input's shape ${shapeStr(shape)}`,
    );
  }
  const step = new Array<number>(nd).fill(0);
  const tStrides = stridesOf(t.shape);
  for (let d = 0; d < t.ndim; d++) {
    const size = t.shape[d];
    const target = shape[d + off];
    if (size !== target && size !== 1) {
      throw new Error(
        `The size of tensor a (${target}) must match the size of tensor b (${size}) at non-singleton ` +
          `dimension ${d + off}: ${what} of shape ${shapeStr(t.shape)} does not broadcast to the input's ` +
          `shape ${shapeStr(shape)}`,
      );
    }
    step[d + off] = size === 1 ? 0 : tStrides[d];
  }
  const from = stepOffsets(shape, step);
  const out = new Float64Array(from.length);
  for (let i = 0; i < out.length; i++) out[i] = t.data[from[i]];
  return out;
}
