/**
 * crossEntropy: log-softmax and the negative log likelihood in one fused op; PyTorch's
 * `F.cross_entropy`.
 */
import { Tensor, allocStorage, type GradFn, type Storage } from './tensor.ts';
import { applyReduction, checkReduction, reductionGrad, type Reduction } from './reduction.ts';
import { MIRROR_LIMIT, roundFor, softmaxStats } from './torch-rounding.ts';
import { checkOptions, requireFloating, requireTensor, sameShape } from './check.ts';
import {
  checkClassWeight,
  checkIgnoreIndex,
  checkIndexTarget,
  checkTargetRange,
  classLayout,
  targetOutOfBounds,
  type ClassLayout,
} from './class-target.ts';
import { logSumExpAlong } from './logsumexp.ts';
import { ClassLogProbs } from './class-log-probs.ts';
import { probabilityTargets } from './cross-entropy-probability-targets.ts';
import { expFast, expFast32 } from './fast-exp.ts';
import {
  nllGradAtTargets,
  nllGradFnName,
  reduceNll,
  weighTargets,
  type NllLossOptions,
  type PickedTargets,
} from './nll-loss.ts';

export interface CrossEntropyOptions extends NllLossOptions {
  /**
   * In [0, 1]: the amount of smoothing. The target becomes a mixture of the original
   * ground truth and a uniform distribution over the C classes. Default 0.
   */
  labelSmoothing?: number;
}

const OPTIONS = ['weight', 'ignoreIndex', 'reduction', 'labelSmoothing'] as const;

/**
 * The cross-entropy loss between logits and a target, for C-class classification:
 * `nllLoss(logSoftmax(input, 1), target)`, fused into passes over the input's data
 * (no intermediate tensor). For position i with logits x_{i,·}:
 *
 *   class-index target t_i:    loss_i = -w[t_i] · log softmax(x_i)_{t_i}
 *                                     = w[t_i] · (logsumexp_c x_{i,c} - x_{i,t_i})
 *   class-probability target:  loss_i = -Σ_c w[c] · p_{i,c} · log softmax(x_i)_c
 *
 * The log-sum-exp is computed stably (derivation in ./logsumexp.ts): softmax is never
 * formed, so a large logit cannot overflow and a tiny probability cannot become log(0).
 *
 * Precision: inputs of up to 65536 elements repeat PyTorch's float32 kernels step by step
 * (max-shifted log-softmax, float32 sums, nll's cascade sum; ./torch-rounding.ts), so what
 * you print matches PyTorch digit for digit, e.g. tensor(9.0833e-05) for logits [10, 0, 0]
 * where the exact value is 9.0796e-05. Larger inputs take the fused one-pass kernel in
 * double precision, about 4x faster, whose float32 results may differ from PyTorch's in
 * the last bits.
 *
 * Label smoothing ε (PyTorch 1.13's exact formula). Class indices:
 *   loss = (1 - ε) · nll + (ε / C) · smooth,   smooth_i = -Σ_c w[c] · log softmax(x_i)_c
 * where nll is the loss above and `smooth` is 0 at ignored positions and reduced like nll:
 * its 'mean' also divides by Σ w[t_i] over the non-ignored targets (their count without
 * weight). Class probabilities: the target becomes p · (1 - ε) + ε / C.
 *
 * Shape:
 * - input: (C), (N, C) or (N, C, d1, d2, ..., dk) with k >= 1: unnormalised logits.
 * - target, class indices: () for a (C) input, (N) for (N, C), (N, d1, ..., dk) for
 *   (N, C, d1, ..., dk); int64 values in [0, C-1] or `ignoreIndex`.
 * - target, class probabilities: the input's shape, float values (usually each slice
 *   along dim 1 sums to 1). Chosen exactly when target.shape equals input.shape.
 * - output: for 'none' the input's shape without the class dim ((), (N) or (N, d1..dk)),
 *   else a 0-d scalar.
 *
 * Dtypes: input float32 or float64. Index targets int64, with `weight` of the input's
 * dtype; the output has the input's dtype. Probability targets float32 or float64,
 * `weight` any float; the output is float64 if any of them is, else float32 (as PyTorch).
 *
 * Reduction: 'mean' (default): class indices divide the summed losses by Σ_i w[t_i] over the
 * non-ignored targets (NaN if there are none, as PyTorch: 0/0); class probabilities divide by
 * the number of positions N·d1·…·dk, weight or not (NaN for an empty input). 'sum', 'none'.
 *
 * Autograd: d loss_i / d x_{i,c} = w[t_i] · (softmax(x_i)_c - [c = t_i]) for class indices
 * (times the reduction's factor), and Σ_k w_k p_k · softmax(x_i)_c - w_c p_c for probabilities.
 * grad_fn as PyTorch 1.13 prints it: class indices without smoothing NllLossBackward0 /
 * NllLoss2DBackward0 / ViewBackward0 exactly as nllLoss (see there); with labelSmoothing > 0
 * AddBackward0; class probabilities DivBackward1 for 'mean' (NegBackward0 for an empty
 * input) and NegBackward0 for 'sum' and 'none'.
 *
 * NaN and ±Infinity propagate as in PyTorch: a NaN or +Infinity logit makes that position's
 * loss NaN; a -Infinity logit is fine for a non-target class (probability 0) and gives
 * +Infinity for the target class.
 *
 * Throws: input/target not Tensors; a 0-d or non-floating input; a class-index target of the
 * wrong shape (naming the expected shape; a (N, 1, d1, ...) target is told to use
 * `target.squeeze(1)`), of wrong batch size, or not int64 (an int32, float or bool target gets
 * PyTorch's "expected scalar type Long but found Int" / "Float" / "Bool", never a silent
 * conversion; for every input rank, reduction and labelSmoothing, as F.cross_entropy and
 * nn.CrossEntropyLoss in 1.13); "Target 3 is out of bounds." for an
 * index outside [0, C-1] that is not ignoreIndex; an int64 target of the input's shape (read
 * as probabilities, so it must be float); `weight` not 1-d of C entries or of the wrong dtype;
 * labelSmoothing outside [0, 1]; ignoreIndex given with probability targets; a non-integer
 * ignoreIndex; an unknown reduction or option.
 *
 * NOTE: gradients flow to `input` only (target and weight are constants). NOTE: PyTorch
 * silently ignores a negative (or NaN) label_smoothing and a negative ignore_index with
 * probability targets; we reject both. NOTE: PyTorch 1.13 lets a float, int32 or bool target of
 * the class-index shape through when the batch is empty (N = 0); we reject it as for any N.
 * NOTE: with
 * labelSmoothing or probability targets the float32 mirroring covers the log-softmax only;
 * the sums are in double precision.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.nn.functional.cross_entropy.html
 *      https://pytorch.org/docs/1.13/generated/torch.nn.CrossEntropyLoss.html
 */
export function crossEntropy(input: Tensor, target: Tensor, options: CrossEntropyOptions = {}): Tensor {
  checkOptions(options, OPTIONS, 'crossEntropy');
  requireTensor(input, 'crossEntropy: input');
  requireTensor(target, 'crossEntropy: target');
  requireFloating(input, 'crossEntropy: input');
  const layout = classLayout(input, 'crossEntropy');
  const reduction = checkReduction(options.reduction, 'crossEntropy');
  const labelSmoothing = checkLabelSmoothing(options.labelSmoothing);
  if (sameShape(input.shape, target.shape)) {
    return probabilityTargets(input, target, layout, options, reduction, labelSmoothing);
  }
  return indexTargets(input, target, layout, options, reduction, labelSmoothing);
}

function checkLabelSmoothing(value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new Error(`labelSmoothing must be between 0.0 and 1.0. Got: ${String(value)} (crossEntropy)`);
  }
  return value;
}

/** Class-index targets: log-softmax and nll fused, plus the label-smoothing term. */
function indexTargets(
  input: Tensor,
  target: Tensor,
  layout: ClassLayout,
  options: CrossEntropyOptions,
  reduction: Reduction,
  ls: number,
): Tensor {
  checkIndexTarget(input, target, layout, 'crossEntropy', true);
  const weight = checkClassWeight(options.weight, layout.C, input.dtype, 'crossEntropy');
  const ignoreIndex = checkIgnoreIndex(options.ignoreIndex, 'crossEntropy');
  const { N, C, S } = layout;
  const x = input.data;
  const t = target.data;
  const round = roundFor(input.dtype);
  const P = N * S;

  let lp: ClassLogProbs;
  let picked: PickedTargets;
  if (x.length <= MIRROR_LIMIT) {
    // PyTorch's steps: log-softmax, then nll on the target's log-probability.
    checkTargetRange(t, layout, ignoreIndex);
    lp = new ClassLogProbs(x, round, softmaxStats(x, N, C, S, round), null);
    const logpT = new Float64Array(P);
    for (let n = 0; n < N; n++) {
      for (let s = 0, i = n * S; s < S; s++, i++) {
        if (t[i] !== ignoreIndex) logpT[i] = lp.logp((n * C + t[i]) * S + s, i);
      }
    }
    picked = weighTargets(logpT, t, weight, ignoreIndex, round, true);
  } else {
    // One pass over the logits: each block's log-sum-exp, then, while the block is in
    // cache, its targets' losses -w[t]·(x_t - lse) and their sums.
    picked = {
      losses: new Float64Array(P),
      weightOf: weight === null ? null : new Float64Array(P),
      ignored: new Uint8Array(P),
      sum: 0,
      totalWeight: 0,
    };
    const { losses, weightOf, ignored } = picked;
    const f32 = input.dtype === 'float32';
    let firstBad = -1;
    let sum = 0;
    let totalWeight = 0;
    const lse = logSumExpAlong(x, N, C, S, (first, pos0, len, posStride, classStride, l) => {
      for (let k = 0, i = pos0; k < len; k++, i++) {
        const ti = t[i];
        if (ti === ignoreIndex) {
          ignored[i] = 1;
          continue;
        }
        if (!(ti >= 0 && ti < C && Math.floor(ti) === ti)) {
          if (firstBad < 0) firstBad = i;
          continue;
        }
        const w = weight === null ? 1 : weight[ti];
        const loss = -(x[first + k * posStride + ti * classStride] - l[i]) * w;
        losses[i] = f32 ? Math.fround(loss) : loss;
        sum += losses[i];
        totalWeight += w;
        if (weightOf !== null) weightOf[i] = w;
      }
    });
    if (firstBad >= 0) throw targetOutOfBounds(t[firstBad], firstBad, layout, ignoreIndex);
    picked.sum = sum;
    picked.totalWeight = totalWeight;
    lp = new ClassLogProbs(x, round, null, lse);
  }
  let out = reduceNll(picked, reduction, layout.targetShape, input.dtype);

  // Σ_c w[c], the weight of the smoothing term's gradient through the log-sum-exp.
  let sumW = C;
  if (weight !== null) {
    sumW = 0;
    for (let c = 0; c < C; c++) sumW += weight[c];
  }
  if (ls > 0) {
    // smooth_i = -Σ_c w[c] · logp_{i,c}, 0 where ignored, reduced like nll (its 'mean' also
    // divides by Σ w[t_i]); then (1 - ε)·nll + smooth·(ε/C). The two are reduced apart and
    // then mixed, as PyTorch does, so that e.g. 0/0 in nll stays NaN.
    const smooth = new Float64Array(P);
    for (let n = 0; n < N; n++) {
      for (let c = 0; c < C; c++) {
        const off = (n * C + c) * S;
        const wc = weight === null ? 1 : weight[c];
        for (let s = 0, i = n * S; s < S; s++, i++) smooth[i] += lp.logp(off + s, i) * wc;
      }
    }
    for (let i = 0; i < P; i++) smooth[i] = picked.ignored[i] === 1 ? 0 : -smooth[i];
    const smoothPart = applyReduction(smooth, layout.targetShape, 'float64', reduction, picked.totalWeight);
    const mixed = new Float64Array(out.data.length);
    for (let k = 0; k < mixed.length; k++) mixed[k] = (1 - ls) * out.data[k] + smoothPart.data[k] * (ls / C);
    out = applyReduction(mixed, out.shape, input.dtype, 'none');
  }
  if (!input.requiresGrad) return new Tensor(out.data, out.shape, input.dtype);

  const gradFn: GradFn = {
    name: ls > 0 ? 'AddBackward0' : nllGradFnName(input.ndim, reduction),
    savesTensors: true, // log-softmax's output, under the fused node
    inputs: [input],
    backward(gradOutput: Tensor) {
      // d/dlogp_{i,c} = a_i·[c = t_i] - b_i·w[c]: a_i from nll (PyTorch's nll backward, fed
      // (1 - ε)·g), b_i = (ε/C)·u_i from the smoothing term (both 0 where ignored). Then
      // through log-softmax: dx_c = dlogp_c - softmax_c · Σ_k dlogp_k.
      const a = nllGradAtTargets(picked, gradOutput.data, 1 - ls, reduction, round);
      const grad = allocStorage(input.dtype, x.length);
      if (ls === 0 && lp.stats === null) {
        // Blocks of positions, all classes of a block in turn, so that the block's a, t and
        // lse stay in cache while its C slices of x and grad stream past.
        const lse = lp.lse!;
        for (let n = 0; n < N; n++) {
          for (let s0 = 0; s0 < S; s0 += GRAD_BLOCK) {
            const len = Math.min(GRAD_BLOCK, S - s0);
            const i0 = n * S + s0;
            const ab = a.subarray(i0, i0 + len);
            const tb = t.subarray(i0, i0 + len);
            const lb = lse.subarray(i0, i0 + len);
            for (let c = 0; c < C; c++) {
              const off = (n * C + c) * S + s0;
              if (x instanceof Float32Array) {
                gradSlice32(
                  x.subarray(off, off + len),
                  (grad as Float32Array).subarray(off, off + len),
                  c,
                  tb,
                  ab,
                  lb,
                );
              } else {
                gradSlice64(
                  (x as Float64Array).subarray(off, off + len),
                  (grad as Float64Array).subarray(off, off + len),
                  c,
                  tb,
                  ab,
                  lb,
                );
              }
            }
          }
        }
        return [new Tensor(grad, input.shape, input.dtype)];
      }
      let b: Float64Array | null = null;
      if (ls > 0) {
        const { perElement, scalar } = reductionGrad(gradOutput, reduction, picked.totalWeight);
        b = new Float64Array(P);
        for (let i = 0; i < P; i++) {
          if (picked.ignored[i] === 0) b[i] = (ls / C) * (perElement === null ? scalar : perElement[i]);
        }
      }
      for (let n = 0; n < N; n++) {
        for (let c = 0; c < C; c++) {
          const off = (n * C + c) * S;
          const wc = weight === null ? 1 : weight[c];
          for (let s = 0, i = n * S; s < S; s++, i++) {
            const ai = a[i];
            const dlogp = t[i] === c ? ai : 0;
            if (b === null) {
              grad[off + s] = round(dlogp - round(lp.prob(off + s, i) * ai));
            } else {
              const bi = b[i];
              grad[off + s] = dlogp - bi * wc - lp.prob(off + s, i) * (ai - bi * sumW);
            }
          }
        }
      }
      return [new Tensor(grad, input.shape, input.dtype)];
    },
  };
  return new Tensor(out.data, out.shape, input.dtype, { gradFn });
}

/** Positions per block in the fused backward. */
const GRAD_BLOCK = 2048;

/**
 * The gradient of one class c over a block of positions (x and grad are that class's
 * slice of the block; t, a, lse the block's per-position values), without label smoothing:
 * dx = a_i·[c = t_i] - softmax_c · a_i, softmax_c = exp(x - lse_i).
 * Twice, for float32 and float64 data, so that V8 inlines one exponential in each.
 */
function gradSlice32(
  x: Float32Array,
  grad: Float32Array,
  c: number,
  t: Storage,
  a: Float64Array,
  lse: Float64Array,
): void {
  for (let s = 0; s < x.length; s++) {
    const as = a[s];
    grad[s] = (t[s] === c ? as : 0) - expFast32(x[s] - lse[s]) * as;
  }
}

function gradSlice64(
  x: Float64Array,
  grad: Float64Array,
  c: number,
  t: Storage,
  a: Float64Array,
  lse: Float64Array,
): void {
  for (let s = 0; s < x.length; s++) {
    const as = a[s];
    grad[s] = (t[s] === c ? as : 0) - expFast(x[s] - lse[s]) * as;
  }
}
