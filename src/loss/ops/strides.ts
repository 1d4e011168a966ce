/**
 * The strides PyTorch 1.13 would give op results (`Tensor.torchStrides`).
 *
 * Our data is always contiguous; these rules only track what PyTorch's layout would
 * be, so that `view` fails and `reshape` copies (UnsafeViewBackward0) exactly where
 * PyTorch's do — e.g. after `permute`, and after elementwise ops on a permuted tensor,
 * which PyTorch's TensorIterator lays out like its input.
 *
 * Ported from c10/ATen 1.13: `computeStride` (aten/src/ATen/TensorUtils.cpp),
 * `TensorIteratorBase::reorder_dimensions` / `compute_fast_setup_type`
 * (aten/src/ATen/TensorIterator.cpp), `is_non_overlapping_and_dense` (c10/core/TensorImpl.cpp).
 */
import { isContiguousStrides, numelOf, stridesOf } from '../tensor.ts';

export interface Layout {
  readonly shape: readonly number[];
  readonly torchStrides: readonly number[];
}

/**
 * The strides of a view of (oldShape, oldStrides) as `newShape`, or null when no
 * strides can describe it without copying (then `view` throws and `reshape` copies).
 */
export function computeViewStrides(
  oldShape: readonly number[],
  oldStrides: readonly number[],
  newShape: readonly number[],
): number[] | null {
  if (oldShape.length === 0) return new Array<number>(newShape.length).fill(1);
  const numel = numelOf(oldShape);
  if (numel === 0 && oldShape.length === newShape.length && oldShape.every((s, i) => s === newShape[i])) {
    return [...oldStrides];
  }
  const newStrides = new Array<number>(newShape.length);
  if (numel === 0) {
    for (let d = newShape.length - 1; d >= 0; d--) {
      newStrides[d] = d === newShape.length - 1 ? 1 : Math.max(newShape[d + 1], 1) * newStrides[d + 1];
    }
    return newStrides;
  }
  let viewD = newShape.length - 1;
  let chunkBaseStride = oldStrides[oldStrides.length - 1];
  let tensorNumel = 1;
  let viewNumel = 1;
  for (let tensorD = oldShape.length - 1; tensorD >= 0; tensorD--) {
    tensorNumel *= oldShape[tensorD];
    if (
      tensorD === 0 ||
      (oldShape[tensorD - 1] !== 1 && oldStrides[tensorD - 1] !== tensorNumel * chunkBaseStride)
    ) {
      while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] === 1)) {
        newStrides[viewD] = viewNumel * chunkBaseStride;
        viewNumel *= newShape[viewD];
        viewD--;
      }
      if (viewNumel !== tensorNumel) return null;
      if (tensorD > 0) {
        chunkBaseStride = oldStrides[tensorD - 1];
        tensorNumel = 1;
        viewNumel = 1;
      }
    }
  }
  if (viewD !== -1) return null;
  return newStrides;
}

/** c10's `is_non_overlapping_and_dense`: the strides are a permutation of contiguous ones. */
export function isNonOverlappingAndDense(shape: readonly number[], strides: readonly number[]): boolean {
  const nd = shape.length;
  if (nd === 1) return shape[0] < 2 || strides[0] === 1;
  const perm = [...Array(nd).keys()].sort((a, b) => {
    if (shape[a] < 2) return shape[b] < 2 ? 0 : 1;
    if (shape[b] < 2) return -1;
    return strides[a] - strides[b];
  });
  let required = 1;
  for (const d of perm) {
    if (shape[d] < 2) return true;
    if (strides[d] !== required) return false;
    required *= shape[d];
  }
  return true;
}

/**
 * The strides PyTorch's TensorIterator gives the output of an elementwise op with
 * `outShape` over `inputs` (the tensor operands; JS numbers are 0-d and never count).
 */
export function elementwiseStrides(outShape: readonly number[], inputs: readonly Layout[]): number[] {
  const nd = outShape.length;
  if (nd === 0) return [];
  const sameShape = inputs.every((t) => t.shape.length === nd && t.shape.every((s, i) => s === outShape[i]));
  // compute_fast_setup_type: all operands of one shape.
  if (sameShape && inputs.length > 0) {
    if (inputs.every((t) => isContiguousStrides(t.shape, t.torchStrides))) return stridesOf(outShape);
    const first = inputs[0].torchStrides;
    if (
      inputs.every((t) => isNonOverlappingAndDense(t.shape, t.torchStrides)) &&
      inputs.every((t) => t.torchStrides.every((s, i) => s === first[i]))
    ) {
      return [...first];
    }
  }
  if (nd === 1) return [1];
  // Each operand's strides over the output dims; 0 where it is broadcast.
  const opStrides = inputs.map((t) => {
    const offset = nd - t.shape.length;
    const st = new Array<number>(nd).fill(0);
    for (let i = 0; i < t.shape.length; i++) {
      st[offset + i] = t.shape[i] === 1 && outShape[offset + i] !== 1 ? 0 : t.torchStrides[i];
    }
    return st;
  });
  // reorder_dimensions: perm[0] is the fastest-moving dim; starts as nd-1, ..., 0.
  const perm = [...Array(nd).keys()].reverse();
  const shouldSwap = (d0: number, d1: number): number => {
    for (const st of opStrides) {
      const s0 = st[d0];
      const s1 = st[d1];
      if (s0 === 0 || s1 === 0) continue;
      if (s0 < s1) return -1;
      if (s0 > s1) return 1;
      if (outShape[d0] > outShape[d1]) return 1;
    }
    return 0;
  };
  for (let i = 1; i < nd; i++) {
    let d1 = i;
    for (let d0 = i - 1; d0 >= 0; d0--) {
      const c = shouldSwap(perm[d0], perm[d1]);
      if (c > 0) {
        [perm[d0], perm[d1]] = [perm[d1], perm[d0]];
        d1 = d0;
      } else if (c < 0) {
        break;
      }
    }
  }
  if (perm.every((p, j) => p === nd - 1 - j)) return stridesOf(outShape);
  const out = new Array<number>(nd);
  let s = 1;
  for (let j = 0; j < nd; j++) {
    out[perm[j]] = s;
    s *= outShape[perm[j]];
  }
  return out;
}
