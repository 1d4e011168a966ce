/**
 * Shared bookkeeping of reductions (sum, mean, argmax, max): which dims are reduced,
 * and for every input element the output element it folds into.
 */
import { normalizeDim } from '../tensor.ts';
import { broadcastIndex } from './broadcast.ts';

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
  // Each input element folds into the keepdim-shaped element that would broadcast onto it.
  const map = broadcastIndex(keepShape, shape);
  const groupSize = dims.reduce((p, d) => p * shape[d], 1);
  return { keepShape, dropShape, map, groupSize };
}
