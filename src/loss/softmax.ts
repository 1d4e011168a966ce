/**
 * softmax: exponentials normalised to sum to 1 along one dim; PyTorch's `F.softmax`.
 */
import { Tensor, allocStorage, type GradFn } from './tensor.ts';
import { checkDim, requireFloating, requireTensor } from './check.ts';
import { alongDim, sumAlong } from './along-dim.ts';
import { logSumExpAlong } from './logsumexp.ts';
import { expFast } from './fast-exp.ts';
import { MIRROR_LIMIT, expFor, roundFor, softmaxStats } from './torch-rounding.ts';

/**
 * The softmax along `dim`:
 *
 *   softmax(x)_c = exp(x_c) / Σ_k exp(x_k) = exp(x_c - lse),   lse = log Σ_k exp(x_k)
 *
 * Stable form: exp(x_c) overflows for x_c > 709.78 (88.7 in float32), but the ratio is
 * unchanged by subtracting any m from every x: exp(x_c - m) / Σ_k exp(x_k - m). With m the
 * max (or any shift that keeps the exponents from overflowing; see ./logsumexp.ts for the
 * derivation) every exponential is at most 1 and the denominator at least 1. We compute
 * lse stably once per slice and then exp(x_c - lse), whose exponent is always <= 0.
 *
 * Shape: input of any shape (*); output of the same shape. `dim` may be negative
 * (counting from the end); a 0-d input is treated as one element (dim 0 or -1).
 *
 * Dtypes: float32 or float64; the output has the input's dtype. Inputs of up to 65536
 * elements repeat PyTorch's float32 kernel step by step (./torch-rounding.ts), so printed
 * values match PyTorch's digit for digit; larger ones take the fused one-pass kernel in
 * double precision, rounded once (float32 results may differ from PyTorch's in the last bits).
 *
 * Autograd: grad_fn SoftmaxBackward0. With y = softmax(x) and upstream gradient g,
 *   dL/dx_c = y_c · (g_c - Σ_k g_k y_k)      (PyTorch's formula).
 *
 * NaN and ±Infinity follow PyTorch: a slice containing NaN or +Infinity, or made only of
 * -Infinity, is all NaN; a -Infinity entry among finite ones gets probability 0.
 *
 * Throws: input not a Tensor or not floating point; `dim` not an integer or out of range
 * ("Dimension out of range (expected to be in range of [-2, 1], but got 2)").
 *
 * NOTE: `dim` is required (PyTorch's implicit-dim choice is deprecated); there is no `dtype`
 * argument.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.nn.functional.softmax.html
 */
export function softmax(input: Tensor, dim: number): Tensor {
  requireTensor(input, 'softmax: input');
  requireFloating(input, 'softmax: input');
  const d = checkDim(dim, input.shape, 'softmax');
  const { outer, size, inner } = alongDim(input.shape, d);
  const x = input.data;
  const out = allocStorage(input.dtype, x.length);
  const round = roundFor(input.dtype);
  const mirror = x.length <= MIRROR_LIMIT;
  if (mirror) {
    // PyTorch's kernel step by step (./torch-rounding.ts): exp(x - max) · (1 / Σ exp(x - max)).
    const { max, sum } = softmaxStats(x, outer, size, inner, round);
    const exp = expFor(round);
    for (let o = 0; o < outer; o++) {
      for (let c = 0; c < size; c++) {
        const off = (o * size + c) * inner;
        const lo = o * inner;
        for (let s = 0; s < inner; s++) {
          const e = round(exp(round(x[off + s] - max[lo + s])));
          // PyTorch's last-dim kernel multiplies by 1/S; the kernel for other dims divides by S.
          out[off + s] = inner === 1 ? round(e * round(1 / sum[lo + s])) : round(e / sum[lo + s]);
        }
      }
    }
  } else {
    const lse = logSumExpAlong(x, outer, size, inner);
    for (let o = 0; o < outer; o++) {
      for (let c = 0; c < size; c++) {
        const off = (o * size + c) * inner;
        const lo = o * inner;
        for (let s = 0; s < inner; s++) out[off + s] = expFast(x[off + s] - lse[lo + s]);
      }
    }
  }
  if (!input.requiresGrad) return new Tensor(out, input.shape, input.dtype);

  const gradFn: GradFn = {
    name: 'SoftmaxBackward0',
    inputs: [input],
    backward(gradOutput: Tensor) {
      const g = gradOutput.data;
      const dots = sumAlong(g, outer, size, inner, out, mirror ? round : undefined);
      const grad = allocStorage(input.dtype, x.length);
      for (let o = 0; o < outer; o++) {
        for (let c = 0; c < size; c++) {
          const off = (o * size + c) * inner;
          const lo = o * inner;
          for (let s = 0; s < inner; s++)
            grad[off + s] = round(round(g[off + s] - dots[lo + s]) * out[off + s]);
        }
      }
      return [new Tensor(grad, input.shape, input.dtype)];
    },
  };
  return new Tensor(out, input.shape, input.dtype, { gradFn });
}
