/**
 * binaryCrossEntropy: the binary cross-entropy between probabilities and targets;
 * PyTorch's `F.binary_cross_entropy`.
 */
import { Tensor, allocStorage, type GradFn } from './tensor.ts';
import { applyReduction, checkReduction, reductionGrad, type Reduction } from './reduction.ts';
import {
  checkOptions,
  indexStr,
  requireFloating,
  requireTensor,
  sameShape,
  shapeStr,
  torchTypeName,
} from './check.ts';
import { expandTo } from './expand-to.ts';
import { roundFor } from './torch-rounding.ts';

export interface BinaryCrossEntropyOptions {
  /** A manual rescaling weight, broadcast to the input's shape. */
  weight?: Tensor | null;
  /** 'mean' (default), 'sum' or 'none'. */
  reduction?: Reduction;
}

const OPTIONS = ['weight', 'reduction'] as const;

/**
 * PyTorch's floor under the gradient's denominator x·(1 - x). ATen declares it a float
 * (`const float EPSILON = 1e-12`), so float64 inputs divide by 1e-12 rounded to float32,
 * 9.9999999600e-13: at x = 1, y = 0 the gradient is 1.000000004e12, not 1e12.
 */
const EPSILON = Math.fround(1e-12);

/**
 * The binary cross-entropy between predicted probabilities x and targets y:
 *
 *   loss_i = -w_i · ( y_i · max(log x_i, -100) + (1 - y_i) · max(log(1 - x_i), -100) )
 *
 * Each log is clamped at -100 (as PyTorch does), so x = 0 or 1 gives a finite loss (at most
 * 100·w) instead of Infinity, and 0·log 0 is 0·(-100) = 0 rather than NaN. Evaluated as
 * PyTorch 1.13's CPU kernel does: (y - 1)·max(log(1 - x), -100) - y·max(log x, -100), then
 * times w, each step rounded to the dtype (./torch-rounding.ts); so, as in PyTorch, a float32
 * x below 6e-8 with y = 0 gives exactly 0 (1 - x rounds to 1).
 *
 * Shape: input (*), any shape; target the same shape; weight broadcastable to it; output
 * (*) for 'none', else a 0-d scalar.
 *
 * Dtypes: input float32 or float64; target of the input's dtype; weight any dtype (read
 * as numbers). The output has the input's dtype.
 *
 * Reduction: 'mean' (default) divides the sum by the number of elements (NaN for an empty
 * input, as PyTorch); 'sum'; 'none'.
 *
 * Autograd: grad_fn BinaryCrossEntropyBackward0, with PyTorch's formula
 *   d loss_i / d x_i = w_i · (x_i - y_i) / max((1 - x_i) · x_i, 1e-12)
 * (times the reduction's factor). The floor keeps it finite at x = 0 or 1 (±1e12 · w).
 *
 * Throws: input/target not Tensors; a non-floating input; target shape different from the
 * input's (naming both) or of another dtype; a weight that does not broadcast to the input's
 * shape; any input element outside [0, 1], including NaN ("all elements of input should be
 * between 0 and 1", naming the first offending element); an unknown reduction or option.
 *
 * NOTE: gradients flow to `input` only (PyTorch can also differentiate the target).
 * Targets are not range-checked, as in PyTorch.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.nn.functional.binary_cross_entropy.html
 *      https://pytorch.org/docs/1.13/generated/torch.nn.BCELoss.html
 */
export function binaryCrossEntropy(
  input: Tensor,
  target: Tensor,
  options: BinaryCrossEntropyOptions = {},
): Tensor {
  checkOptions(options, OPTIONS, 'binaryCrossEntropy');
  requireTensor(input, 'binaryCrossEntropy: input');
  requireTensor(target, 'binaryCrossEntropy: target');
  requireFloating(input, 'binaryCrossEntropy: input');
  const reduction = checkReduction(options.reduction, 'binaryCrossEntropy');
  if (!sameShape(input.shape, target.shape)) {
    throw new Error(
      `binaryCrossEntropy: target size ${shapeStr(target.shape)} must be the same as input size ` +
        `${shapeStr(input.shape)} (PyTorch: "Using a target size that is different to the input size is ` +
        `deprecated")`,
    );
  }
  if (target.dtype !== input.dtype) {
    throw new Error(
      `Found dtype ${torchTypeName(target.dtype)} but expected ${torchTypeName(input.dtype)}: ` +
        `binaryCrossEntropy target must have the input's dtype ${input.dtype}, got ${target.dtype}`,
    );
  }
  const weight =
    options.weight === undefined || options.weight === null
      ? null
      : expandTo(requireTensor(options.weight, 'binaryCrossEntropy: weight'), input.shape, 'weight');

  const x = input.data;
  const y = target.data;
  const n = x.length;
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    if (!(xi >= 0 && xi <= 1)) {
      throw new Error(
        `all elements of input should be between 0 and 1: binaryCrossEntropy input${indexStr(i, input.shape)} ` +
          `is ${xi} (input shape ${shapeStr(input.shape)}); apply sigmoid first, or use binaryCrossEntropyWithLogits`,
      );
    }
  }
  const r = roundFor(input.dtype);
  const losses = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    const yi = y[i];
    const l = r(
      r(r(yi - 1) * Math.max(r(Math.log(r(1 - xi))), -100)) - r(yi * Math.max(r(Math.log(xi)), -100)),
    );
    losses[i] = weight === null ? l : r(l * weight[i]);
  }
  const out = applyReduction(losses, input.shape, input.dtype, reduction);
  if (!input.requiresGrad) return new Tensor(out.data, out.shape, input.dtype);

  const gradFn: GradFn = {
    name: 'BinaryCrossEntropyBackward0',
    inputs: [input],
    backward(gradOutput: Tensor) {
      const { perElement } = reductionGrad(gradOutput, reduction, n);
      const grad = allocStorage(input.dtype, n);
      // PyTorch: g · (x - y) / max((1 - x) · x, ε), then times w, then / numel for 'mean'.
      const g0 = perElement === null ? gradOutput.data[0] : 0;
      for (let i = 0; i < n; i++) {
        const xi = x[i];
        const u = perElement === null ? g0 : perElement[i];
        let g = r(r(u * r(xi - y[i])) / Math.max(r(r(1 - xi) * xi), EPSILON));
        if (weight !== null) g = r(g * weight[i]);
        grad[i] = reduction === 'mean' ? g / n : g;
      }
      return [new Tensor(grad, input.shape, input.dtype)];
    },
  };
  return new Tensor(out.data, out.shape, input.dtype, { gradFn });
}
