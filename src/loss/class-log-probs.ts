/**
 * Log-probabilities of the classes, read per position: shared by crossEntropy's class-index
 * and class-probability paths. Private to the loss module.
 */
import type { Storage } from './tensor.ts';
import { expFor, type Round, type SoftmaxStats } from './torch-rounding.ts';
import { expFast } from './fast-exp.ts';

/**
 * The log-softmax of the logits along the class dim, read per (position i, flat index j):
 * either mirrored step by step from PyTorch's float32 kernel (inputs up to MIRROR_LIMIT
 * elements, see ./torch-rounding.ts) or from the fused double-precision log-sum-exp.
 */
export class ClassLogProbs {
  readonly x: Storage;
  readonly round: Round;
  readonly stats: SoftmaxStats | null;
  readonly lse: Float64Array | null;

  constructor(x: Storage, round: Round, stats: SoftmaxStats | null, lse: Float64Array | null) {
    this.x = x;
    this.round = round;
    this.stats = stats;
    this.lse = lse;
  }

  logp(j: number, i: number): number {
    const { x, stats, round } = this;
    return stats !== null ? round(round(x[j] - stats.max[i]) - stats.logSum[i]) : x[j] - this.lse![i];
  }

  /** softmax = exp(logp), as PyTorch's log-softmax backward evaluates it. */
  prob(j: number, i: number): number {
    return this.stats !== null
      ? this.round(expFor(this.round)(this.logp(j, i)))
      : expFast(this.x[j] - this.lse![i]);
  }
}
