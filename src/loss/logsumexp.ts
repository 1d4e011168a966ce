/**
 * The fused log-sum-exp kernel behind softmax, logSoftmax and crossEntropy:
 *
 *   lse[o·inner + s] = log Σ_c exp(x[(o·size + c)·inner + s])
 *
 * computed in double precision straight from the typed array (no intermediate tensor).
 * Private to the loss module.
 *
 * Derivation of the stable form. For any shift m,
 *   log Σ_c e^(x_c) = log( e^m · Σ_c e^(x_c - m) ) = m + log Σ_c e^(x_c - m).
 * Evaluated naively, e^(x_c) overflows to Infinity once x_c > 709.78 (float64; 88.7 in
 * float32), and if every x_c < -745 the sum underflows to 0 and the log is -Infinity.
 * The textbook shift m = max_c x_c fixes both: every exponent x_c - m is <= 0, so no
 * term overflows, and the largest term is e^0 = 1, so the sum lies in [1, C] and its log
 * is finite and accurate.
 *
 * What that needs is only (a) no term overflows and (b) one term is exactly e^0 = 1. Any
 * x_j as the shift gives (b); it gives (a) unless some x_c - x_j > 709.78, and then the
 * sum is Infinity, which is easy to detect. So the kernel shifts by the *first* entry
 * x_0 in one pass over the data, and only for the positions whose sum came out Infinity
 * or NaN (or whose x_0 is ±Infinity or NaN) recomputes with the true max in two passes.
 * On ordinary logits that saves the separate max pass over the whole tensor; the result
 * is the same log-sum-exp, exact to a few ulp either way (log(sum) may be up to 709
 * instead of log C, which costs at most ~1e-13 absolute).
 *
 * NaN and ±Infinity come out as in PyTorch, whose kernel subtracts the max: any NaN in a
 * slice makes its lse NaN; +Infinity gives max = +Infinity and (inf - inf) = NaN, so NaN;
 * a slice that is all -Infinity gives (-inf) - (-inf) = NaN, so NaN; a -Infinity among
 * finite entries just contributes e^-inf = 0.
 *
 * Loop order: x is read in memory order, slice by slice (`c` outer, `s` inner), keeping
 * per-position running sums for a block of up to BLOCK positions so they stay in cache;
 * when inner = 1 (rows, as for (N, C) logits) each row is summed in a register.
 * The hot loop exists twice, for Float32Array and Float64Array data, so that each sees one
 * array type and one exponential (see ./fast-exp.ts) and V8 inlines both.
 */
import { expFast, expFast32 } from './fast-exp.ts';
import type { Storage } from './tensor.ts';

const BLOCK = 2048;

/**
 * Called after each block of positions is done, while its data are in cache: positions
 * pos0 .. pos0+len-1, whose class-c entry is x[first + k·posStride + c·classStride] for the
 * k-th of them, and whose lse is in `lse` (crossEntropy picks its targets here).
 */
export type BlockVisitor = (
  first: number,
  pos0: number,
  len: number,
  posStride: number,
  classStride: number,
  lse: Float64Array,
) => void;

/** lse for every (outer, inner) position: a Float64Array of outer·inner entries. */
export function logSumExpAlong(
  x: Storage,
  outer: number,
  size: number,
  inner: number,
  visit?: BlockVisitor,
): Float64Array {
  const lse = new Float64Array(outer * inner);
  if (size === 0) {
    lse.fill(-Infinity); // log of an empty sum
    return lse;
  }
  if (inner === 1) {
    for (let o0 = 0; o0 < outer; o0 += BLOCK) {
      const count = Math.min(BLOCK, outer - o0);
      rowsBlock(x, o0, count, size, lse);
      if (visit !== undefined) visit(o0 * size, o0, count, size, 1, lse);
    }
    return lse;
  }
  const block = Math.min(BLOCK, inner);
  const ref = new Float64Array(block);
  const acc = new Float64Array(block);
  for (let o = 0; o < outer; o++) {
    for (let s0 = 0; s0 < inner; s0 += block) {
      const len = Math.min(block, inner - s0);
      const first = o * size * inner + s0;
      if (x instanceof Float32Array) sumExpBlock32(x, first, size, inner, len, ref, acc);
      else sumExpBlock64(x as Float64Array, first, size, inner, len, ref, acc);
      const pos = o * inner + s0;
      for (let s = 0; s < len; s++) {
        const r = ref[s];
        const a = acc[s];
        lse[pos + s] =
          a < Infinity && r - r === 0 ? r + Math.log(a) : logSumExpByMax(x, first + s, size, inner);
      }
      if (visit !== undefined) visit(first, pos, len, 1, inner, lse);
    }
  }
  return lse;
}

/**
 * Rows o0 .. o0+count-1 of a contiguous (outer, size) layout: each row's sum in a register.
 */
function rowsBlock(x: Storage, o0: number, count: number, size: number, lse: Float64Array): void {
  for (let o = o0; o < o0 + count; o++) {
    const base = o * size;
    const ref = x[base];
    const acc =
      x instanceof Float32Array
        ? sumExpRow32(x, base, size, ref)
        : sumExpRow64(x as Float64Array, base, size, ref);
    lse[o] = acc < Infinity && ref - ref === 0 ? ref + Math.log(acc) : logSumExpByMax(x, base, size, 1);
  }
}

function sumExpRow32(x: Float32Array, base: number, size: number, ref: number): number {
  let acc = 1; // the c = 0 term, e^(x_0 - x_0)
  for (let c = 1; c < size; c++) acc += expFast32(x[base + c] - ref);
  return acc;
}

function sumExpRow64(x: Float64Array, base: number, size: number, ref: number): number {
  let acc = 1;
  for (let c = 1; c < size; c++) acc += expFast(x[base + c] - ref);
  return acc;
}

/**
 * One block of `len` positions starting at flat index `first` (class 0): ref = x_0 and
 * acc = Σ_c e^(x_c - x_0), reading the block's `size` slices one after the other.
 */
function sumExpBlock32(
  x: Float32Array,
  first: number,
  size: number,
  inner: number,
  len: number,
  ref: Float64Array,
  acc: Float64Array,
): void {
  const row0 = x.subarray(first, first + len);
  for (let s = 0; s < len; s++) {
    ref[s] = row0[s];
    acc[s] = 1; // the c = 0 term, e^(x_0 - x_0)
  }
  let c = 1;
  // Two classes per sweep: half the loads and stores of acc.
  for (; c + 1 < size; c += 2) {
    const a = x.subarray(first + c * inner, first + c * inner + len);
    const b = x.subarray(first + (c + 1) * inner, first + (c + 1) * inner + len);
    for (let s = 0; s < len; s++) {
      const r = ref[s];
      acc[s] += expFast32(a[s] - r) + expFast32(b[s] - r);
    }
  }
  for (; c < size; c++) {
    const row = x.subarray(first + c * inner, first + c * inner + len);
    for (let s = 0; s < len; s++) acc[s] += expFast32(row[s] - ref[s]);
  }
}

/** sumExpBlock32 for float64 data, with the double-accurate exponential. */
function sumExpBlock64(
  x: Float64Array,
  first: number,
  size: number,
  inner: number,
  len: number,
  ref: Float64Array,
  acc: Float64Array,
): void {
  const row0 = x.subarray(first, first + len);
  for (let s = 0; s < len; s++) {
    ref[s] = row0[s];
    acc[s] = 1;
  }
  for (let c = 1; c < size; c++) {
    const row = x.subarray(first + c * inner, first + c * inner + len);
    for (let s = 0; s < len; s++) acc[s] += expFast(row[s] - ref[s]);
  }
}

/** The textbook two-pass form for one slice: m = max, then m + log Σ e^(x_c - m). */
function logSumExpByMax(x: Storage, start: number, size: number, stride: number): number {
  let m = -Infinity;
  for (let c = 0, j = start; c < size; c++, j += stride) if (x[j] > m) m = x[j];
  let sum = 0;
  for (let c = 0, j = start; c < size; c++, j += stride) sum += expFast(x[j] - m);
  return m + Math.log(sum);
}
