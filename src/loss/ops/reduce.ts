/**
 * Shared bookkeeping of reductions (sum, mean, argmax, max): which dims are reduced,
 * and for every input element the output element it folds into.
 */
import { normalizeDim, numelOf, stridesOf } from '../tensor.ts';

/**
 * The reduced dims, wrapped and sorted; `undefined` or `[]` means all dims.
 * Throws PyTorch's messages for a dim out of range or listed twice.
 */
export function normalizeDims(dim: number | readonly number[] | undefined, ndim: number): number[] {
  if (dim === undefined) return [...Array(ndim).keys()];
  const list = typeof dim === 'number' ? [dim] : [...dim];
  if (list.length === 0) return [...Array(ndim).keys()];
  const seen = new Set<number>();
  for (const d of list) {
    const w = normalizeDim(d, ndim);
    if (seen.has(w)) throw new Error(`dim ${w} appears multiple times in the list of dims`);
    seen.add(w);
  }
  // A 0-d tensor accepts dim 0 / -1 but has no dim to reduce.
  return [...seen].filter((d) => d < ndim).sort((a, b) => a - b);
}

export interface ReductionIndex {
  /** The input's shape with reduced dims set to 1 (the keepdim shape). */
  readonly keepShape: number[];
  /** The output shape without the reduced dims. */
  readonly dropShape: number[];
  /** For each input element (row-major), the flat index of its output element. */
  readonly map: Int32Array;
  /** Elements folded into each output element. */
  readonly groupSize: number;
}

export function reductionIndex(shape: readonly number[], dims: readonly number[]): ReductionIndex {
  const reduced = new Set(dims);
  const keepShape = shape.map((s, d) => (reduced.has(d) ? 1 : s));
  const dropShape = shape.filter((_, d) => !reduced.has(d));
  const outStrides = stridesOf(keepShape);
  const nd = shape.length;
  const step = shape.map((_, d) => (reduced.has(d) ? 0 : outStrides[d]));
  const n = numelOf(shape);
  const map = new Int32Array(n);
  const idx = new Array<number>(nd).fill(0);
  let pos = 0;
  for (let i = 0; i < n; i++) {
    map[i] = pos;
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]++;
      pos += step[d];
      if (idx[d] < shape[d]) break;
      pos -= step[d] * idx[d];
      idx[d] = 0;
    }
  }
  const groupSize = dims.reduce((p, d) => p * shape[d], 1);
  return { keepShape, dropShape, map, groupSize };
}
