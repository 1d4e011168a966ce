/**
 * klDiv: the Kullback-Leibler divergence loss, PyTorch's `F.kl_div`.
 */
import { Tensor, allocStorage, isFloating } from './tensor.ts';
import { checkReduction, type Reduction } from './reduction.ts';
import { checkOptions, requireTensor } from './check.ts';
import { roundFor } from './torch-rounding.ts';
import { warnOnce } from './warn.ts';

export type KlDivReduction = Reduction | 'batchmean';

export interface KlDivOptions {
  /** 'mean' (default, with PyTorch's warning), 'batchmean', 'sum' or 'none'. */
  reduction?: KlDivReduction;
  /** True when the target holds log-probabilities. Default false. */
  logTarget?: boolean;
}

const REDUCTIONS = ['mean', 'batchmean', 'sum', 'none'];
const MEAN_WARNING =
  "reduction: 'mean' divides the total loss by both the batch size and the support size." +
  "'batchmean' divides only by the batch size, and aligns with the KL div math definition." +
  "'mean' will be changed to behave the same as 'batchmean' in the next major release.";

/**
 * The pointwise KL divergence between a target distribution y and the model's distribution,
 * given as log-probabilities x (input, e.g. `logSoftmax(z, 1)`; not probabilities):
 *
 *   loss_i = y_i · (log y_i - x_i)            (0 where y_i = 0, as xlogy: 0 · log 0 = 0)
 *   loss_i = e^(y_i) · (y_i - x_i)            with logTarget (y holds log-probabilities)
 *
 * Summed over a sample's classes this is KL(y ‖ q) = Σ_c y_c log(y_c / q_c) = H(y, q) - H(y):
 * cross-entropy minus the target's entropy, which does not depend on the model. So KL and
 * cross-entropy with soft targets have the same gradient in x; distillation uses it with
 * temperature-softened y and q (and multiplies by T²).
 *
 * Shape: input (*); target of the same shape or broadcastable with it. Output: the broadcast
 * shape for 'none', else a 0-d scalar.
 * Dtypes: float32 or float64, promoted between input and target.
 *
 * Reduction, as PyTorch 1.13: 'mean' (the default) averages over *every element*, i.e.
 * divides KL by the number of classes too, and PyTorch warns that this is not the KL
 * divergence ("reduction: 'mean' divides the total loss by both the batch size and the
 * support size. ..."; here once, through console.warn, see ./warn.ts); 'batchmean' divides
 * the sum by input.size(0), the batch size, which is the KL divergence per sample; 'sum';
 * 'none'. For a 0-d input 'batchmean' is the sum.
 *
 * Autograd: built from PyTorch 1.13's own composition, xlogy(y, y) - y·x (logTarget:
 * e^y · (y - x)), then mean, sum or sum / N: so grad_fn prints as PyTorch's does:
 * SubBackward0 (MulBackward0 with logTarget) for 'none', MeanBackward0, SumBackward0,
 * DivBackward0 for 'batchmean'. d loss_i / d x_i = -y_i (-e^(y_i) with logTarget).
 *
 * Throws: input/target not Tensors; an integer or bool input or target (PyTorch's "kl_div:
 * Integral inputs not supported."); shapes that do not broadcast; an unknown reduction or
 * option; a logTarget that is not a boolean.
 *
 * NOTE: gradients flow to the input only; the target is a constant (PyTorch also
 * differentiates the target).
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.nn.functional.kl_div.html
 *      https://pytorch.org/docs/1.13/generated/torch.nn.KLDivLoss.html
 */
export function klDiv(input: Tensor, target: Tensor, options: KlDivOptions = {}): Tensor {
  checkOptions(options, ['reduction', 'logTarget'], 'klDiv');
  requireTensor(input, 'klDiv: input');
  requireTensor(target, 'klDiv: target');
  const reduction = checkReduction<KlDivReduction>(options.reduction, 'klDiv', REDUCTIONS);
  const logTarget = options.logTarget ?? false;
  if (typeof logTarget !== 'boolean') {
    throw new Error(`klDiv: logTarget must be true or false, got ${String(logTarget)}`);
  }
  if (!isFloating(input.dtype) || !isFloating(target.dtype)) {
    throw new Error(
      `kl_div: Integral inputs not supported. (klDiv got input ${input.dtype} and target ${target.dtype}; ` +
        'both must be float32 or float64)',
    );
  }
  if (reduction === 'mean') warnOnce(MEAN_WARNING);
  const y = target.detach();
  let pointwise: Tensor;
  if (logTarget) {
    pointwise = y.exp().mul(y.sub(input));
  } else {
    // xlogy(y, y): y · log y, 0 where y = 0, NaN where y is NaN (PyTorch's scalar kernel, std::log).
    const r = roundFor(y.dtype);
    const xlogy = allocStorage(y.dtype, y.numel());
    for (let i = 0; i < xlogy.length; i++) {
      const v = y.data[i];
      xlogy[i] = v !== v ? NaN : v === 0 ? 0 : r(v * r(Math.log(v)));
    }
    pointwise = new Tensor(xlogy, y.shape, y.dtype).sub(y.mul(input));
  }
  if (reduction === 'none') return pointwise;
  if (reduction === 'mean') return pointwise.mean();
  const sum = pointwise.sum();
  return reduction === 'batchmean' && input.ndim !== 0 ? sum.div(input.shape[0]) : sum;
}
