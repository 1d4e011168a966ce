/**
 * Broadcasting, as in NumPy and PyTorch: shapes are aligned at their last dims; two
 * sizes match when equal or when one is 1 (a missing leading dim counts as 1).
 *
 * See: https://pytorch.org/docs/1.13/notes/broadcasting.html
 */
import { Tensor, allocStorage, numelOf, stridesOf } from '../tensor.ts';
import { stepOffsets } from './step-offsets.ts';

/** The broadcast shape of `a` and `b`; throws PyTorch's message (plus both shapes) when they clash. */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  // From the last dim, as PyTorch's infer_size, so the same clash is reported.
  for (let i = n - 1; i >= 0; i--) {
    const da = i - (n - a.length);
    const db = i - (n - b.length);
    const sa = da >= 0 ? a[da] : 1;
    const sb = db >= 0 ? b[db] : 1;
    if (sa !== sb && sa !== 1 && sb !== 1) {
      throw new Error(
        `The size of tensor a (${sa}) must match the size of tensor b (${sb}) at non-singleton dimension ${i}` +
          ` (shapes [${a.join(', ')}] and [${b.join(', ')}])`,
      );
    }
    out[i] = sa === 1 ? sb : sa;
  }
  return out;
}

/**
 * For every element (row-major) of a tensor of `outShape`, the flat index of the
 * element of a tensor of `inShape` that broadcasts onto it.
 */
export function broadcastIndex(inShape: readonly number[], outShape: readonly number[]): Int32Array {
  const nd = outShape.length;
  const offset = nd - inShape.length;
  const inStrides = stridesOf(inShape);
  // Stride into the input for each output dim (0 where broadcast).
  const step = new Array<number>(nd).fill(0);
  for (let d = offset; d < nd; d++) {
    step[d] = inShape[d - offset] === 1 ? 0 : inStrides[d - offset];
  }
  return stepOffsets(outShape, step);
}

/**
 * The gradient of a broadcast: `grad` (of the broadcast shape) summed back onto
 * `shape`, over the leading dims that were added and the size-1 dims that were stretched.
 */
export function sumToShape(grad: Tensor, shape: readonly number[]): Tensor {
  if (grad.shape.length === shape.length && grad.shape.every((s, i) => s === shape[i])) return grad;
  const map = broadcastIndex(shape, grad.shape);
  const acc = new Float64Array(numelOf(shape));
  for (let i = 0; i < map.length; i++) acc[map[i]] += grad.data[i];
  const out = allocStorage(grad.dtype, acc.length);
  out.set(acc);
  return new Tensor(out, shape, grad.dtype);
}
