/**
 * logSoftmax: log(softmax(x)) along one dim, computed stably; PyTorch's `F.log_softmax`.
 */
import { Tensor, allocStorage, type GradFn } from './tensor.ts';
import { checkDim, requireFloating, requireTensor } from './check.ts';
import { alongDim, sumAlong } from './along-dim.ts';
import { logSumExpAlong } from './logsumexp.ts';
import { expFast } from './fast-exp.ts';
import { MIRROR_LIMIT, expFor, roundFor, softmaxStats } from './torch-rounding.ts';

/**
 * The log of the softmax along `dim`:
 *
 *   logSoftmax(x)_c = x_c - log Σ_k exp(x_k)
 *
 * Stable form: log Σ_k exp(x_k) = m + log Σ_k exp(x_k - m) for any shift m; with m
 * the max every exponent is <= 0 so nothing overflows and the sum is >= 1 so its log is
 * finite (derivation and the kernel in ./logsumexp.ts). Taking log(softmax(x)) instead
 * would give log(0) = -Infinity as soon as a probability underflows (x_c - m < -745).
 *
 * Shape: input of any shape (*); output of the same shape. `dim` may be negative
 * (counting from the end); a 0-d input is treated as one element (dim 0 or -1).
 *
 * Dtypes: float32 or float64; the output has the input's dtype. Inputs of up to 65536
 * elements repeat PyTorch's float32 kernel step by step (./torch-rounding.ts), so printed
 * values match PyTorch's digit for digit; larger ones take the fused one-pass kernel in
 * double precision, rounded once (float32 results may differ from PyTorch's in the last bits).
 *
 * Autograd: grad_fn LogSoftmaxBackward0. With y = logSoftmax(x) and upstream gradient g,
 *   dL/dx_c = g_c - exp(y_c) · Σ_k g_k      (PyTorch's formula).
 *
 * NaN and ±Infinity follow PyTorch: a slice containing NaN or +Infinity, or made only of
 * -Infinity, is all NaN; a -Infinity entry among finite ones gives -Infinity.
 *
 * Throws: input not a Tensor or not floating point; `dim` not an integer or out of range
 * ("Dimension out of range (expected to be in range of [-2, 1], but got 2)").
 *
 * NOTE: `dim` is required (PyTorch's implicit-dim choice is deprecated); there is no `dtype`
 * argument.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.nn.functional.log_softmax.html
 */
export function logSoftmax(input: Tensor, dim: number): Tensor {
  requireTensor(input, 'logSoftmax: input');
  requireFloating(input, 'logSoftmax: input');
  const d = checkDim(dim, input.shape, 'logSoftmax');
  const { outer, size, inner } = alongDim(input.shape, d);
  const x = input.data;
  const out = allocStorage(input.dtype, x.length);
  const round = roundFor(input.dtype);
  const mirror = x.length <= MIRROR_LIMIT;
  if (mirror) {
    // PyTorch's kernel step by step (./torch-rounding.ts): (x - max) - log Σ exp(x - max).
    const { max, logSum } = softmaxStats(x, outer, size, inner, round);
    for (let o = 0; o < outer; o++) {
      for (let c = 0; c < size; c++) {
        const off = (o * size + c) * inner;
        const lo = o * inner;
        for (let s = 0; s < inner; s++)
          out[off + s] = round(round(x[off + s] - max[lo + s]) - logSum[lo + s]);
      }
    }
  } else {
    const lse = logSumExpAlong(x, outer, size, inner);
    for (let o = 0; o < outer; o++) {
      for (let c = 0; c < size; c++) {
        const off = (o * size + c) * inner;
        const lo = o * inner;
        for (let s = 0; s < inner; s++) out[off + s] = x[off + s] - lse[lo + s];
      }
    }
  }
  if (!input.requiresGrad) return new Tensor(out, input.shape, input.dtype);

  const gradFn: GradFn = {
    name: 'LogSoftmaxBackward0',
    inputs: [input],
    backward(gradOutput: Tensor) {
      const g = gradOutput.data;
      const sums = sumAlong(g, outer, size, inner, undefined, mirror ? round : undefined);
      const grad = allocStorage(input.dtype, x.length);
      const exp = expFor(round);
      for (let o = 0; o < outer; o++) {
        for (let c = 0; c < size; c++) {
          const off = (o * size + c) * inner;
          const lo = o * inner;
          for (let s = 0; s < inner; s++) {
            const e = mirror ? round(exp(out[off + s])) : expFast(out[off + s]);
            grad[off + s] = round(g[off + s] - round(e * sums[lo + s]));
          }
        }
      }
      return [new Tensor(grad, input.shape, input.dtype)];
    },
  };
  return new Tensor(out, input.shape, input.dtype, { gradFn });
}
