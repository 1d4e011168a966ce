/**
 * linear: y = x·Wᵀ + b, a fully connected layer's map; PyTorch's `F.linear`.
 *
 *   linear(x, w, b)        x (N, in), w (out, in), b (out)  ->  (N, out)
 *
 * Shape: input (*, in) with 1 or more dims (a (in) vector gives (out)); weight (out, in);
 * bias (out) or none. Output (*, out).
 * Dtypes: input, weight and bias of one floating dtype (PyTorch refuses to mix them).
 * Values: each output Σ_k x_k·W_jk summed in order, then + b_j, each step rounded to the dtype
 * as PyTorch's CPU kernels do (bit for bit in float32 on our checks; ./ops/matmul.ts).
 * Gradient: to x, grad·W; to W, gradᵀ·x; to b, grad summed over the batch. grad_fn as
 * PyTorch 1.13 prints it: AddmmBackward0 for (N, in) with bias, MmBackward0 without;
 * AddBackward0 / SqueezeBackward3 for a 1-d input; ViewBackward0 / UnsafeViewBackward0 for
 * more dims.
 * Throws, with PyTorch's messages: inner sizes that differ ("mat1 and mat2 shapes cannot be
 * multiplied (2x3 and 5x4)"); a bias of the wrong size ("The expanded size of the tensor (4)
 * must match the existing size (5) at non-singleton dimension 1. ..."); mixed dtypes
 * ("mat1 and mat2 must have the same dtype"); a 0-d input.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.nn.functional.linear.html
 */
import { Tensor, allocStorage, isFloating } from './tensor.ts';
import { requireTensor } from './check.ts';
import { makeResult, reshaped } from './ops/graph.ts';
import { mmRaw } from './ops/matmul.ts';
import { roundFor } from './torch-rounding.ts';

export function linear(input: Tensor, weight: Tensor, bias?: Tensor | null): Tensor {
  requireTensor(input, 'linear: input');
  requireTensor(weight, 'linear: weight');
  if (bias !== undefined && bias !== null) requireTensor(bias, 'linear: bias');
  const b = bias ?? null;
  if (input.ndim === 0) {
    throw new Error(`both arguments to matmul need to be at least 1D, but they are 0D and ${weight.ndim}D`);
  }
  if (weight.ndim !== 2) {
    throw new Error(
      `linear: weight must be 2-d (out_features, in_features), got shape [${weight.shape.join(', ')}]`,
    );
  }
  const [outF, inF] = weight.shape;
  const n = input.shape[input.ndim - 1];
  const rows = input.numel() / Math.max(n, 1);
  if (n !== inF) {
    throw new Error(
      `mat1 and mat2 shapes cannot be multiplied (${input.ndim === 1 ? 1 : rows}x${n} and ${inF}x${outF})`,
    );
  }
  if (input.dtype !== weight.dtype || !isFloating(input.dtype)) {
    throw new Error(
      `mat1 and mat2 must have the same dtype: linear got input ${input.dtype} and weight ${weight.dtype}` +
        (isFloating(input.dtype) ? '' : ' (both must be float32 or float64)'),
    );
  }
  const shape = [...input.shape.slice(0, -1), outF];
  if (b !== null) {
    if (b.numel() !== outF || b.ndim > 1) {
      const target = input.ndim === 1 ? `[${outF}]` : `[${rows}, ${outF}]`;
      throw new Error(
        `The expanded size of the tensor (${outF}) must match the existing size (${b.shape.at(-1) ?? 1}) at ` +
          `non-singleton dimension ${input.ndim === 1 ? 0 : 1}.  Target sizes: ${target}.  Tensor sizes: ` +
          `[${b.shape.join(', ')}]`,
      );
    }
    if (b.dtype !== input.dtype)
      throw new Error(`self and mat2 must have the same dtype: linear got bias ${b.dtype}`);
  }
  const dtype = input.dtype;
  // x·Wᵀ summed as PyTorch's kernel sums (./ops/matmul.ts), then + b, rounded (addmm's order).
  const out = mmRaw(input.data, weight.data, rows, n, outF, dtype, false, true).data;
  const r = roundFor(dtype);
  if (b !== null) for (let i = 0; i < out.length; i++) out[i] = r(out[i] + b.data[i % outF]);
  let name: string;
  if (input.ndim === 2) name = b === null ? 'MmBackward0' : 'AddmmBackward0';
  else if (input.ndim === 1) name = b === null ? 'SqueezeBackward3' : 'AddBackward0';
  else name = b === null ? 'UnsafeViewBackward0' : 'ViewBackward0';
  return makeResult(out, shape, dtype, {
    name,
    inputs: b === null ? [input, weight] : [input, weight, b],
    backward: (g) => {
      const gx = reshaped(mmRaw(g.data, weight.data, rows, outF, n, g.dtype), input.shape);
      const gw = mmRaw(g.data, input.data, outF, rows, n, g.dtype, true);
      if (b === null) return [gx, gw];
      // grad.sum(0): the rows added in order, each step rounded.
      const gr = roundFor(g.dtype);
      const gbias = allocStorage(g.dtype, outF);
      for (let i = 0; i < g.data.length; i++) gbias[i % outF] = gr(gbias[i % outF] + g.data[i]);
      return [gx, gw, new Tensor(gbias, b.shape, g.dtype)];
    },
  });
}
