/**
 * PyTorch's float32 arithmetic, step by step, for the inputs a reader prints.
 *
 * PyTorch computes float32 ops in float32: every intermediate is rounded to 24 bits.
 * Usually that changes only the last bit, but where a sum is close to 1 the rounding is
 * what you see. For logits [10, 0, 0] and target 0 the true loss is log(1 + 2e^-10) =
 * 9.0796e-05, but PyTorch sums 1 + 4.54e-5 + 4.54e-5 in float32 (steps of 1.19e-7) and
 * prints tensor(9.0833e-05). To print what PyTorch prints, ops on float32 inputs of at
 * most MIRROR_LIMIT elements repeat PyTorch 1.13's CPU kernels operation by operation,
 * rounding each result with Math.fround: the max-shifted log-softmax, the class-order
 * float32 sums and nll_loss's cascade sum. (float64 inputs take the same steps without
 * rounding.)
 *
 * Larger inputs take the fused one-pass kernels in double precision (./logsumexp.ts),
 * which are more accurate and several times faster; their float32 results differ from
 * PyTorch's by at most a few float32 ulps, invisible at print precision except for values
 * below 1e-4 that PyTorch prints in scientific notation.
 *
 * Sums along the last dim follow PyTorch's AVX2 kernels: with 8 or more terms, 8 lanes
 * each add every 8th term, then the lanes are added as a tree ((0+4)+(2+6))+((1+5)+(3+7));
 * with fewer, in order. Along other dims the terms are added in order.
 *
 * The float32 exp and log are SLEEF's, as in PyTorch's vectorised kernels (./sleef-exp.ts,
 * ./sleef-log.ts): a correctly rounded exp differs from it in the last bit for about one
 * value in ten, a correctly rounded log for about one in 400.
 *
 * NOTE: PyTorch on an AVX-512 machine (16 lanes) or without AVX2 sums in yet another order
 * (and may use other SLEEF variants), so its own last bits differ between machines.
 * Private to the loss module.
 */
import type { DType, Storage } from './tensor.ts';
import { sleefExpf } from './sleef-exp.ts';
import { sleefLogf } from './sleef-log.ts';

/** Inputs up to this many elements mirror PyTorch's float32 rounding. */
export const MIRROR_LIMIT = 1 << 16;

export type Round = (v: number) => number;

const identity: Round = (v) => v;

/** Math.fround for float32, the identity for float64. */
export function roundFor(dtype: DType): Round {
  return dtype === 'float32' ? Math.fround : identity;
}

/**
 * The exp of PyTorch's vectorised kernels for a dtype's rounding: SLEEF's float32 expf_u10
 * bit for bit (./sleef-exp.ts) for float32, Math.exp for float64.
 */
export function expFor(round: Round): (v: number) => number {
  return round === Math.fround ? sleefExpf : Math.exp;
}

export interface SoftmaxStats {
  /** max_c x_c per position. */
  max: Float64Array;
  /** S = Σ_c exp(x_c - max), accumulated in class order, each step rounded. */
  sum: Float64Array;
  /** log S, rounded. */
  logSum: Float64Array;
}

/**
 * The statistics PyTorch's CPU softmax/log_softmax kernels compute per slice along the
 * dim (layout (outer, size, inner), see ./along-dim.ts): m = max, e_c = round(exp(round(x_c - m))) with SLEEF's exp for float32,
 * S = round(… round(round(e_0 + e_1) + e_2) …), L = round(log S) (SLEEF's exp and log for float32).
 */
export function softmaxStats(
  x: Storage,
  outer: number,
  size: number,
  inner: number,
  round: Round,
): SoftmaxStats {
  const P = outer * inner;
  const max = new Float64Array(P).fill(-Infinity);
  const sum = new Float64Array(P);
  const logSum = new Float64Array(P);
  const exp = expFor(round);
  const log = round === Math.fround ? sleefLogf : Math.log;
  for (let o = 0; o < outer; o++) {
    for (let s = 0; s < inner; s++) {
      const i = o * inner + s;
      const first = o * size * inner + s;
      let m = -Infinity;
      for (let c = 0, j = first; c < size; c++, j += inner) {
        const v = x[j];
        // Like the kernel's vector max, NaN wins.
        if (v > m || v !== v) m = v;
        if (m !== m) break;
      }
      let acc: number;
      if (inner === 1) {
        acc = laneSum(size, (c) => round(exp(round(x[first + c] - m))), round);
      } else {
        acc = 0;
        for (let c = 0, j = first; c < size; c++, j += inner) acc = round(acc + round(exp(round(x[j] - m))));
      }
      max[i] = m;
      sum[i] = acc;
      logSum[i] = round(log(acc));
    }
  }
  return { max, sum, logSum };
}

/**
 * Σ_{c < size} term(c) in the order of PyTorch's AVX2 `reduce_all` over a contiguous row:
 * in order below 8 terms; else 8 lanes (lane k adds terms k, k+8, k+16, ...) and a tree.
 */
export function laneSum(size: number, term: (c: number) => number, round: Round): number {
  if (size < 8) {
    let acc = 0;
    for (let c = 0; c < size; c++) acc = c === 0 ? term(0) : round(acc + term(c));
    return acc;
  }
  const lane = new Float64Array(8);
  for (let k = 0; k < 8; k++) lane[k] = term(k);
  for (let c = 8; c < size; c++) lane[c & 7] = round(lane[c & 7] + term(c));
  const b0 = round(lane[0] + lane[4]);
  const b1 = round(lane[1] + lane[5]);
  const b2 = round(lane[2] + lane[6]);
  const b3 = round(lane[3] + lane[7]);
  return round(round(b0 + b2) + round(b1 + b3));
}

/**
 * nll_loss's reduction as PyTorch 1.13's CPU kernels compute it: an 8-level cascade sum
 * over the positions in order (level k collects 16^k terms), skipping ignored positions,
 * each addition rounded. `terms[i]` is -logp·w of position i, `weights[i]` its class weight
 * (null: unweighted, the total weight is the count), `ignored[i]` 1 to skip it. Returns the
 * 'sum' and the total weight (the 'mean' denominator).
 */
export function nllCascadeSum(
  terms: Float64Array,
  weights: Float64Array | null,
  ignored: Uint8Array,
  round: Round,
): { sum: number; totalWeight: number } {
  const LEVELS = 8;
  const n = terms.length;
  const levelPower = Math.max(4, Math.floor(ceilLog2(n) / LEVELS));
  const levelMask = (1 << levelPower) - 1;
  const loss = new Float64Array(LEVELS);
  const weight = new Float64Array(LEVELS);
  // Level 0 lives in locals (l0, w0); the carry loop moves it up every 16th position.
  const f32 = round === Math.fround;
  let l0 = 0;
  let w0 = 0;
  let counted = 0;
  for (let b = 0; b < n; b++) {
    if (ignored[b] === 1) continue;
    counted++;
    if (f32) {
      l0 = Math.fround(l0 + terms[b]);
      if (weights !== null) w0 = Math.fround(w0 + weights[b]);
    } else {
      l0 += terms[b];
      if (weights !== null) w0 += weights[b];
    }
    if ((b & levelMask) !== 0) continue; // the common case: no carry
    loss[0] = l0;
    weight[0] = w0;
    for (let j = 0; j + 1 < LEVELS; j++) {
      // 2^31 positions would overflow the 32-bit mask; the inputs here are far smaller.
      if ((b & (levelMask << (j * levelPower))) !== 0) break;
      weight[j + 1] = round(weight[j + 1] + weight[j]);
      loss[j + 1] = round(loss[j + 1] + loss[j]);
      weight[j] = 0;
      loss[j] = 0;
    }
    l0 = loss[0];
    w0 = weight[0];
  }
  loss[0] = l0;
  weight[0] = w0;
  let sum = 0;
  let totalWeight = 0;
  for (let j = 0; j < LEVELS; j++) {
    sum = round(sum + loss[j]);
    totalWeight = round(totalWeight + weight[j]);
  }
  return { sum, totalWeight: weights === null ? counted : totalWeight };
}

function ceilLog2(n: number): number {
  return n <= 1 ? 0 : Math.ceil(Math.log2(n));
}
