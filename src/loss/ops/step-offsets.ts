/**
 * The one index walk behind broadcasting, reductions, permute and expandTo: visit every
 * position of `shape` in row-major order, like an odometer, and record the flat offset
 * Σ_d idx[d]·step[d] into some other tensor. step[d] = 0 repeats that tensor along dim d
 * (broadcast, or fold for a reduction); other steps reorder dims (permute).
 * Private to the loss module.
 */
import { numelOf } from '../tensor.ts';

export function stepOffsets(shape: readonly number[], step: readonly number[]): Int32Array {
  const n = numelOf(shape);
  const nd = shape.length;
  const offsets = new Int32Array(n);
  const idx = new Array<number>(nd).fill(0);
  let pos = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = pos;
    // Advance the last dim; on a wrap, rewind it and carry into the dim before.
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]++;
      pos += step[d];
      if (idx[d] < shape[d]) break;
      pos -= step[d] * idx[d];
      idx[d] = 0;
    }
  }
  return offsets;
}
