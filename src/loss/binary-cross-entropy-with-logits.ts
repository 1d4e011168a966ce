/**
 * binaryCrossEntropyWithLogits: sigmoid and binary cross-entropy in one stable op;
 * PyTorch's `F.binary_cross_entropy_with_logits`.
 */
import { Tensor, allocStorage, isFloating, type GradFn } from './tensor.ts';
import { applyReduction, checkReduction, reductionGrad, type Reduction } from './reduction.ts';
import { checkOptions, promoteFloat, requireFloating, requireTensor, sameShape, shapeStr } from './check.ts';
import { expandTo } from './expand-to.ts';
import { roundFor } from './torch-rounding.ts';

export interface BinaryCrossEntropyWithLogitsOptions {
  /** A manual rescaling weight, broadcast to the input's shape. */
  weight?: Tensor | null;
  /**
   * A weight of positive examples, broadcast to the input's shape: usually a vector with
   * one entry per class, matching the last dim.
   */
  posWeight?: Tensor | null;
  /** 'mean' (default), 'sum' or 'none'. */
  reduction?: Reduction;
}

const OPTIONS = ['weight', 'posWeight', 'reduction'] as const;

/**
 * The binary cross-entropy between logits x (pre-sigmoid scores) and targets y, with
 * σ(x) = 1 / (1 + e^-x):
 *
 *   loss_i = -w_i · ( pw_i · y_i · log σ(x_i) + (1 - y_i) · log(1 - σ(x_i)) )
 *
 * Stable form (PyTorch's). Since log σ(x) = -log(1 + e^-x) and log(1 - σ(x)) = -x - log(1 + e^-x),
 *   loss = (1 - y)·x + (1 + (pw - 1)·y) · log(1 + e^-x)          (times w)
 * and with m = max(-x, 0),
 *   log(1 + e^-x) = m + log(e^-m + e^(-x-m)).
 * Both exponents -m and -x-m are <= 0, so neither exponential overflows, and one of them is
 * e^0 = 1, so the log's argument lies in [1, 2]. Computing σ(x) first and then log would give
 * log(0) = -Infinity once σ underflows (x < -104 in float32, about -745 in float64) and
 * lose all digits of 1 - σ(x) for x > 17; here |x| up to 1e4 and beyond is exact.
 * Without posWeight the factor (1 + (pw - 1)·y) is 1.
 *
 * Shape: input (*), any shape; target the same shape; weight and posWeight broadcastable to
 * it (posWeight of shape (C) weights class c = the last dim, as PyTorch broadcasts it);
 * output (*) for 'none', else a 0-d scalar.
 *
 * Dtypes: input float32 or float64; target float32 or float64 (the output is float64 if
 * either is, as PyTorch); weight and posWeight any dtype (read as numbers).
 *
 * Reduction: 'mean' (default) divides the sum by the number of elements (NaN for an empty
 * input, as PyTorch); 'sum'; 'none'.
 *
 * Autograd: grad_fn BinaryCrossEntropyWithLogitsBackward0, with PyTorch's formula
 *   d loss_i / d x_i = w_i · ((pw_i·y_i + 1 - y_i) · σ(x_i) - pw_i·y_i)     (σ(x) - y without pw)
 * (times the reduction's factor).
 *
 * NaN and ±Infinity follow PyTorch's formula exactly: e.g. x = +Infinity with y = 1 gives
 * (1 - 1)·Infinity = NaN, and x = -Infinity gives NaN for every y; their gradients stay finite.
 *
 * Throws: input/target not Tensors; a non-floating input or target; target shape different
 * from the input's (naming both); a weight or posWeight that does not broadcast to the
 * input's shape (naming both shapes); an unknown reduction or option.
 *
 * NOTE: gradients flow to `input` only (PyTorch can also differentiate target, weight and
 * pos_weight). NOTE: PyTorch lets weight/pos_weight of more dims enlarge a 'none' result
 * when it can; we require them to broadcast to the input's shape (PyTorch's backward needs
 * that too).
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.nn.functional.binary_cross_entropy_with_logits.html
 *      https://pytorch.org/docs/1.13/generated/torch.nn.BCEWithLogitsLoss.html
 */
export function binaryCrossEntropyWithLogits(
  input: Tensor,
  target: Tensor,
  options: BinaryCrossEntropyWithLogitsOptions = {},
): Tensor {
  const fn = 'binaryCrossEntropyWithLogits';
  checkOptions(options, OPTIONS, fn);
  requireTensor(input, `${fn}: input`);
  requireTensor(target, `${fn}: target`);
  requireFloating(input, `${fn}: input`);
  const reduction = checkReduction(options.reduction, fn);
  if (!sameShape(input.shape, target.shape)) {
    throw new Error(
      `Target size ${shapeStr(target.shape)} must be the same as input size ${shapeStr(input.shape)} (${fn})`,
    );
  }
  if (!isFloating(target.dtype)) {
    throw new Error(
      `${fn}: target must be a floating-point tensor (float32 or float64) of 0/1 labels or probabilities, ` +
        `got ${target.dtype} of shape ${shapeStr(target.shape)}`,
    );
  }
  const dtype = promoteFloat(input.dtype, target.dtype);
  const weight =
    options.weight === undefined || options.weight === null
      ? null
      : expandTo(requireTensor(options.weight, `${fn}: weight`), input.shape, 'weight');
  const posWeight =
    options.posWeight === undefined || options.posWeight === null
      ? null
      : expandTo(requireTensor(options.posWeight, `${fn}: posWeight`), input.shape, 'posWeight');

  const x = input.data;
  const y = target.data;
  const n = x.length;
  // Each step rounded to the result dtype, in PyTorch's order (./torch-rounding.ts): e.g. for
  // float32, log(1 + e^-30) is log(1) = 0 there, not 9.4e-14.
  const r = roundFor(dtype);
  const losses = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    const yi = y[i];
    const m = Math.max(-xi, 0);
    // log(1 + e^-x) = m + log(e^-m + e^(-x-m)), both exponents <= 0.
    const logSum = r(Math.log(r(r(Math.exp(-m)) + r(Math.exp(r(-xi - m))))));
    const linear = r(r(1 - yi) * xi);
    let l: number;
    if (posWeight === null) {
      l = r(r(linear + m) + logSum);
    } else {
      const logWeight = r(r(r(posWeight[i] - 1) * yi) + 1);
      l = r(linear + r(logWeight * r(logSum + m)));
    }
    losses[i] = weight === null ? l : r(l * weight[i]);
  }
  const out = applyReduction(losses, input.shape, dtype, reduction);
  if (!input.requiresGrad) return new Tensor(out.data, out.shape, dtype);

  const gradFn: GradFn = {
    name: 'BinaryCrossEntropyWithLogitsBackward0',
    inputs: [input],
    backward(gradOutput: Tensor) {
      // PyTorch: (σ(x) - y)·g, or ((pw·y + 1 - y)·σ(x) - pw·y)·g; times w; then / numel for 'mean'.
      const { perElement } = reductionGrad(gradOutput, reduction, n);
      const g0 = gradOutput.data[0];
      const grad = allocStorage(input.dtype, n);
      for (let i = 0; i < n; i++) {
        const xi = x[i];
        const yi = y[i];
        const u = perElement === null ? g0 : perElement[i];
        const sig = r(1 / (1 + Math.exp(-xi)));
        let g: number;
        if (posWeight === null) {
          g = r(r(sig - yi) * u);
        } else {
          const py = r(posWeight[i] * yi);
          g = r(r(r(r(r(py + 1) - yi) * sig) - py) * u);
        }
        if (weight !== null) g = r(g * weight[i]);
        grad[i] = reduction === 'mean' ? g / n : g;
      }
      return [new Tensor(grad, input.shape, input.dtype)];
    },
  };
  return new Tensor(out.data, out.shape, dtype, { gradFn });
}
