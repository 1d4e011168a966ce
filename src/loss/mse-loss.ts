/**
 * mseLoss: the mean squared error, PyTorch's `F.mse_loss`.
 */
import { Tensor, allocStorage, isFloating, type GradFn } from './tensor.ts';
import { applyReduction, checkReduction, type Reduction } from './reduction.ts';
import { checkOptions, requireTensor, sameShape, torchTypeName } from './check.ts';
import { roundFor } from './torch-rounding.ts';
import { zipRaw } from './ops/binary.ts';
import { sumToShape } from './ops/broadcast.ts';
import { castTensor, resultType } from './ops/dtype.ts';
import { warnOnce } from './warn.ts';

export interface MseLossOptions {
  /** 'mean' (default), 'sum' or 'none'. */
  reduction?: Reduction;
}

/** PyTorch's torch.Size([2, 3]) in its warning. */
const torchSize = (shape: readonly number[]) => `torch.Size([${shape.join(', ')}])`;

/**
 * The squared error between input x and target y, elementwise:
 *
 *   loss_i = (x_i - y_i)²
 *
 * For classification this is the wrong loss on probabilities: with p = σ(z), its gradient
 * 2(p - y)·p(1 - p) vanishes when p is confidently wrong (p → 0 for y = 1), where
 * cross-entropy's p - y is largest. The gradients chapter shows it with this function.
 *
 * Shape: input and target of one shape (*), or shapes that broadcast: then PyTorch warns
 * "Using a target size (...) that is different to the input size (...)" (here once, through
 * console.warn; see ./warn.ts) and compares the broadcast tensors, which is rarely what was
 * meant (a (N) target against (N, 1) predictions gives N² pairs). Output: the broadcast
 * shape for 'none', else a 0-d scalar.
 *
 * Dtypes: promoted (./ops/dtype.ts): float32 with float64 gives float64, an int64 target with
 * float32 input float32. The promoted dtype must be floating. As in PyTorch 1.13, backward()
 * then throws "Found dtype Double but expected Float" (its backward needs one dtype): give
 * the target the input's dtype.
 *
 * Reduction: 'mean' (default) divides the sum by the number of elements (NaN for an empty
 * input, as PyTorch); 'sum'; 'none'.
 *
 * Autograd: d loss_i / d x_i = 2(x_i - y_i), times 1/n for 'mean' (PyTorch's order:
 * (2/n)·(x - y)·grad, each step rounded), and its negative for the target, each summed back
 * over broadcast dims (MseLossBackward0).
 *
 * Throws: input/target not Tensors; shapes that do not broadcast (PyTorch's "The size of
 * tensor a (3) must match ..."); an integer or bool promoted dtype (PyTorch's "mse_cpu" not
 * implemented for 'Long'); an unknown reduction or option.
 *
 * NOTE: 'sum' and 'mean' add in double precision and round once; PyTorch adds float32 in
 * float32, so the last bit may differ.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.nn.functional.mse_loss.html
 *      https://pytorch.org/docs/1.13/generated/torch.nn.MSELoss.html
 */
export function mseLoss(input: Tensor, target: Tensor, options: MseLossOptions = {}): Tensor {
  checkOptions(options, ['reduction'], 'mseLoss');
  requireTensor(input, 'mseLoss: input');
  requireTensor(target, 'mseLoss: target');
  const reduction = checkReduction(options.reduction, 'mseLoss');
  if (!sameShape(input.shape, target.shape)) {
    warnOnce(
      `Using a target size (${torchSize(target.shape)}) that is different to the input size ` +
        `(${torchSize(input.shape)}). This will likely lead to incorrect results due to broadcasting. ` +
        'Please ensure they have the same size.',
    );
  }
  const dtype = resultType([input, target]);
  if (!isFloating(dtype)) {
    throw new Error(
      `"mse_cpu" not implemented for '${torchTypeName(dtype)}': mseLoss needs a floating-point input or ` +
        `target, got ${input.dtype} and ${target.dtype} (call .float())`,
    );
  }
  const r = roundFor(dtype);
  // (x - y)², each step rounded to the dtype as PyTorch's kernel: diff = a - b; diff * diff.
  const diff = zipRaw(input, target, dtype, (a, b) => a - b);
  const losses = Float64Array.from(diff.data, (d) => r(d * d));
  const out = applyReduction(losses, diff.shape, dtype, reduction);
  const gradFn: GradFn = {
    name: 'MseLossBackward0',
    inputs: [input, target],
    backward(gradOutput: Tensor) {
      if (input.dtype !== target.dtype) {
        throw new Error(
          `Found dtype ${torchTypeName(target.dtype)} but expected ${torchTypeName(input.dtype)}: PyTorch 1.13's ` +
            `mse_loss backward needs the target in the input's dtype (${input.dtype}), got ${target.dtype}; ` +
            `convert it with target.to('${input.dtype}')`,
        );
      }
      // PyTorch: norm · (x - y) · grad, norm = 2/n for 'mean' else 2, in the dtype.
      const norm = r(reduction === 'mean' ? 2 / diff.data.length : 2);
      const g = gradOutput.data;
      const gx = allocStorage(dtype, diff.data.length);
      for (let i = 0; i < gx.length; i++)
        gx[i] = r(r(norm * diff.data[i]) * (reduction === 'none' ? g[i] : g[0]));
      const gradX = new Tensor(gx, diff.shape, dtype);
      const gradY = new Tensor(
        Float64Array.from(gx, (v) => -v),
        diff.shape,
        'float64',
      );
      return [
        input.requiresGrad ? castTensor(sumToShape(gradX, input.shape), input.dtype) : null,
        target.requiresGrad ? castTensor(sumToShape(gradY, target.shape), target.dtype) : null,
      ];
    },
  };
  return new Tensor(out.data, out.shape, dtype, {
    gradFn: input.requiresGrad || target.requiresGrad ? gradFn : null,
  });
}
