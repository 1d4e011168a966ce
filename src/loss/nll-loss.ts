/**
 * nllLoss: the negative log likelihood loss, PyTorch's `F.nll_loss`.
 */
import { Tensor, allocStorage, type DType, type GradFn, type Storage } from './tensor.ts';
import { checkReduction, type Reduction } from './reduction.ts';
import { MIRROR_LIMIT, nllCascadeSum, roundFor, type Round } from './torch-rounding.ts';
import { checkOptions, requireFloating, requireTensor } from './check.ts';
import {
  checkClassWeight,
  checkIgnoreIndex,
  checkIndexTarget,
  checkTargetRange,
  classLayout,
  type ClassLayout,
} from './class-target.ts';

export interface NllLossOptions {
  /** A manual rescaling weight per class: a 1-d tensor of C entries, of the input's dtype. */
  weight?: Tensor | null;
  /** A target value that is ignored and does not count towards the mean. Default -100. */
  ignoreIndex?: number;
  /** 'mean' (default), 'sum' or 'none'. */
  reduction?: Reduction;
}

const OPTIONS = ['weight', 'ignoreIndex', 'reduction'] as const;

/**
 * The negative log likelihood loss: for each position, minus the input entry of the
 * target class, times that class's weight:
 *
 *   loss_i = -weight[t_i] · input[i, t_i]     (0 where t_i = ignoreIndex)
 *
 * The input holds log-probabilities (e.g. from `logSoftmax(x, 1)`); nllLoss does not take
 * the log itself. `nllLoss(logSoftmax(x, 1), t)` equals `crossEntropy(x, t)`.
 *
 * Shape:
 * - input: (C), (N, C) or (N, C, d1, d2, ..., dk) with k >= 1, C = number of classes.
 * - target: () for a (C) input, (N) for (N, C), (N, d1, ..., dk) for (N, C, d1, ..., dk).
 *   Each entry a class index in [0, C-1] or `ignoreIndex`.
 * - output: the target's shape for reduction 'none', else a 0-d scalar.
 *
 * Dtypes: input float32 or float64; target int64; weight of the input's dtype. The
 * output has the input's dtype.
 *
 * Reduction (summed in PyTorch's cascade order and float32 rounding for inputs of up to
 * 65536 elements, in double precision above; ./torch-rounding.ts):
 * 'mean' (default) divides the sum by the summed weights of the non-ignored
 * targets (by their count without `weight`): Σ_i loss_i / Σ_i weight[t_i]. If every target
 * is ignored (or the batch is empty) that is 0/0 = NaN, as in PyTorch. 'sum' adds the
 * losses; 'none' returns them.
 *
 * Autograd: when `input.requiresGrad`, the result's grad_fn is NllLossBackward0 for (C)
 * and (N, C) input, NllLoss2DBackward0 for 4-d input and, since PyTorch reshapes other
 * ranks to 4-d, NllLoss2DBackward0 for 3-d and 5+-d input with 'mean'/'sum' but
 * ViewBackward0 with 'none'. d loss_i / d input[i, t_i] = -weight[t_i] (then the reduction's
 * factor); every other entry gets 0.
 *
 * Throws: input or target not a Tensor; a 0-d input; a non-floating input; a target of the
 * wrong shape (naming the expected one; a (N, 1, d1, ...) target is told to `squeeze(1)`)
 * or not int64 (int32, float and bool targets get PyTorch's "expected scalar type Long but
 * found Int" / "Float" / "Bool"); a target outside [0, C-1] that is not ignoreIndex ("Target 3 is out of
 * bounds."); a weight that is not 1-d of C entries or not of the input's dtype; a
 * non-integer ignoreIndex; an unknown reduction or option.
 *
 * NOTE: gradients flow to `input` only (`weight` is treated as a constant; PyTorch does not
 * differentiate it either). NOTE: for an unbatched (C) input PyTorch also accepts a 1-d
 * target and silently uses only its first entry; we require the 0-d target. NOTE: PyTorch 1.13
 * accepts a float, int32 or bool target when the batch is empty (N = 0); we reject it as for
 * any N.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.nn.functional.nll_loss.html
 *      https://pytorch.org/docs/1.13/generated/torch.nn.NLLLoss.html
 */
export function nllLoss(input: Tensor, target: Tensor, options: NllLossOptions = {}): Tensor {
  checkOptions(options, OPTIONS, 'nllLoss');
  requireTensor(input, 'nllLoss: input');
  requireTensor(target, 'nllLoss: target');
  requireFloating(input, 'nllLoss: input');
  const layout = classLayout(input, 'nllLoss');
  checkIndexTarget(input, target, layout, 'nllLoss', false);
  const weight = checkClassWeight(options.weight, layout.C, input.dtype, 'nllLoss');
  const ignoreIndex = checkIgnoreIndex(options.ignoreIndex, 'nllLoss');
  const reduction = checkReduction(options.reduction, 'nllLoss');

  checkTargetRange(target.data, layout, ignoreIndex);
  const round = roundFor(input.dtype);
  const logpT = gatherTargetEntries(input.data, target.data, layout, ignoreIndex);
  const picked = weighTargets(
    logpT,
    target.data,
    weight,
    ignoreIndex,
    round,
    input.data.length <= MIRROR_LIMIT,
  );
  const out = reduceNll(picked, reduction, layout.targetShape, input.dtype);
  if (!input.requiresGrad) return new Tensor(out.data, out.shape, input.dtype);

  const gradFn: GradFn = {
    name: nllGradFnName(input.ndim, reduction),
    savesTensors: true,
    inputs: [input],
    backward(gradOutput: Tensor) {
      const dlogp = nllGradAtTargets(picked, gradOutput.data, 1, reduction, round);
      const grad = allocStorage(input.dtype, input.data.length);
      const { N, C, S } = layout;
      const t = target.data;
      for (let n = 0; n < N; n++) {
        for (let s = 0, i = n * S; s < S; s++, i++) {
          if (t[i] !== ignoreIndex) grad[(n * C + t[i]) * S + s] = dlogp[i];
        }
      }
      return [new Tensor(grad, input.shape, input.dtype)];
    },
  };
  return new Tensor(out.data, out.shape, input.dtype, { gradFn });
}

/**
 * The grad_fn name PyTorch 1.13 prints for nll_loss (and for cross_entropy without label
 * smoothing): nll_loss_nd calls nll_loss for 1-2 d input, nll_loss2d for 4-d, and for other
 * ranks reshapes to 4-d, calls nll_loss2d and, for 'none', views the result back.
 */
export function nllGradFnName(ndim: number, reduction: Reduction): string {
  if (ndim <= 2) return 'NllLossBackward0';
  if (ndim === 4 || reduction !== 'none') return 'NllLoss2DBackward0';
  return 'ViewBackward0';
}

export interface PickedTargets {
  /** Per position: -logp[t]·weight[t] rounded to the dtype, or 0 where ignored. */
  losses: Float64Array;
  /** Per position: weight[t], or 0 where ignored; null without a class weight. */
  weightOf: Float64Array | null;
  /** 1 where the position's target is ignoreIndex. */
  ignored: Uint8Array;
  /** Σ losses in PyTorch's cascade order: the 'sum'. */
  sum: number;
  /** Σ weight[t] over non-ignored positions (their count without weight): the 'mean' denominator. */
  totalWeight: number;
}

/**
 * Per position, the input entry of its target class: x[n, t, s] (0 where ignored).
 * Targets must have passed checkTargetRange.
 */
function gatherTargetEntries(
  x: Storage,
  target: Storage,
  layout: ClassLayout,
  ignoreIndex: number,
): Float64Array {
  const { N, C, S } = layout;
  const out = new Float64Array(N * S);
  for (let n = 0; n < N; n++) {
    for (let s = 0, i = n * S; s < S; s++, i++) {
      const t = target[i];
      if (t !== ignoreIndex) out[i] = x[(n * C + t) * S + s];
    }
  }
  return out;
}

/**
 * The core of nll_loss once each position's target log-probability logpT[i] is known
 * (nllLoss: the input entry; crossEntropy: its log-softmax): loss_i = -logpT[i] · weight[t_i]
 * (PyTorch's kernel: -input·weight, rounded to the dtype), 0 where ignored, and their sum
 * and total weight: with `mirror` in PyTorch's cascade order (./torch-rounding.ts), else in
 * double precision.
 */
export function weighTargets(
  logpT: Float64Array,
  target: Storage,
  weight: Float64Array | null,
  ignoreIndex: number,
  round: Round,
  mirror: boolean,
): PickedTargets {
  const P = target.length;
  const losses = logpT; // overwritten in place: logpT is not needed afterwards
  const weightOf = weight === null ? null : new Float64Array(P);
  const ignored = new Uint8Array(P);
  const f32 = round === Math.fround;
  // Without `mirror`, the sums are taken on the way, in double precision (./torch-rounding.ts).
  let sum = 0;
  let totalWeight = 0;
  for (let i = 0; i < P; i++) {
    const t = target[i];
    if (t === ignoreIndex) {
      ignored[i] = 1;
      losses[i] = 0;
      continue;
    }
    const w = weight === null ? 1 : weight[t];
    const l = f32 ? Math.fround(-logpT[i] * w) : -logpT[i] * w;
    losses[i] = l;
    sum += l;
    totalWeight += w;
    if (weightOf !== null) weightOf[i] = w;
  }
  if (mirror) ({ sum, totalWeight } = nllCascadeSum(losses, weightOf, ignored, round));
  return { losses, weightOf, ignored, sum, totalWeight };
}

/** The nll result: per-position losses for 'none', else the cascade sum (divided by the total weight for 'mean'). */
export function reduceNll(
  picked: PickedTargets,
  reduction: Reduction,
  targetShape: readonly number[],
  dtype: DType,
): { data: Storage; shape: number[] } {
  if (reduction === 'none' && targetShape.length > 0) {
    const data = allocStorage(dtype, picked.losses.length);
    data.set(picked.losses);
    return { data, shape: [...targetShape] };
  }
  // A (C) input with a 0-d target takes PyTorch's summing path even for 'none': its loss is
  // 0 + (-w·logp), so a loss of -0 (C = 1, logp = 0) prints as 0., as PyTorch prints it.
  const data = allocStorage(dtype, 1);
  if (reduction === 'none') {
    data[0] = picked.sum;
    return { data, shape: [] };
  }
  data[0] = reduction === 'sum' ? picked.sum : picked.sum / picked.totalWeight;
  return { data, shape: [] };
}

/**
 * d loss / d logp at each position's target class, as PyTorch's nll backward computes it:
 * 'none': -w · g_i; 'sum': w · (-g); 'mean': w · (-(g / totalWeight)); 0 where ignored.
 * `g` is the gradient reaching the nll result, times `scale` (crossEntropy's 1 - ε).
 */
export function nllGradAtTargets(
  picked: PickedTargets,
  g: Storage,
  scale: number,
  reduction: Reduction,
  round: Round,
): Float64Array {
  const P = picked.losses.length;
  const out = new Float64Array(P);
  if (reduction === 'none') {
    for (let i = 0; i < P; i++) {
      if (picked.ignored[i] === 0) {
        const w = picked.weightOf === null ? 1 : picked.weightOf[i];
        out[i] = round(-w * round(g[i] * scale));
      }
    }
    return out;
  }
  const gs = round(g[0] * scale);
  const grad = -(reduction === 'mean' ? round(gs / picked.totalWeight) : gs);
  for (let i = 0; i < P; i++) {
    if (picked.ignored[i] === 0) out[i] = picked.weightOf !== null ? round(picked.weightOf[i] * grad) : grad;
  }
  return out;
}
