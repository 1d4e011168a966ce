/**
 * logsigmoid: log σ(x) elementwise, computed stably; PyTorch's F.logsigmoid.
 *
 * Shape: unchanged. Dtypes: float32 or float64; the output has the input's dtype.
 *
 * Stable form (PyTorch's). log σ(x) = -log(1 + e^-x) = -softplus(-x). Taking the log of σ
 * itself fails at both ends: for x < -88.7 (float32) σ(x) has underflowed to 0 and log 0 =
 * -inf, where the true value is about x; for x > 17, σ(x) rounds to 1 and log 1 = 0, losing
 * the tiny -e^-x. Splitting off the larger term,
 *   log σ(x) = min(x, 0) - log(1 + e^-|x|)
 * (for x >= 0: -log(1 + e^-x); for x < 0: x - log(e^x + 1)). The exponent -|x| is <= 0, so
 * e^-|x| cannot overflow, and log1p keeps its digits when it is tiny: logsigmoid(-200) =
 * -200 and logsigmoid(100) = -3.9236e-44 in float32, both exact to the last printed digit.
 *
 * Gradient: d/dx log σ(x) = 1 - σ(x) = σ(-x), from the saved e^-|x| as PyTorch does:
 * grad · (1 - z/(1 + z)) for x < 0 and grad · z/(1 + z) for x >= 0, z = e^-|x|
 * (LogSigmoidBackward0).
 * Throws: for an input that is not a floating-point Tensor.
 *
 * float32 values follow PyTorch's kernel step by step (SLEEF's expf and log1pf, ./sleef-exp.ts
 * and ./sleef-log.ts, each step rounded); float64 values use Math.exp and Math.log1p.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.nn.functional.logsigmoid.html
 */
import { Tensor, allocStorage } from './tensor.ts';
import { requireFloating, requireTensor } from './check.ts';
import { roundFor } from './torch-rounding.ts';
import { sleefExpf } from './sleef-exp.ts';
import { sleefLog1pf } from './sleef-log.ts';
import { makeResult } from './ops/graph.ts';
import { elementwiseStrides } from './ops/strides.ts';

export function logsigmoid(input: Tensor): Tensor {
  requireTensor(input, 'logsigmoid: input');
  requireFloating(input, 'logsigmoid: input');
  const r = roundFor(input.dtype);
  const f32 = input.dtype === 'float32';
  const exp = f32 ? sleefExpf : Math.exp;
  const log1p = f32 ? sleefLog1pf : Math.log1p;
  const x = input.data;
  const z = new Float64Array(x.length);
  const out = allocStorage(input.dtype, x.length);
  for (let i = 0; i < x.length; i++) {
    z[i] = r(exp(-Math.abs(x[i])));
    out[i] = r(Math.min(x[i], 0) - log1p(z[i]));
  }
  return makeResult(out, input.shape, input.dtype, {
    name: 'LogSigmoidBackward0',
    inputs: [input],
    strides: elementwiseStrides(input.shape, [input]),
    backward: (g) => {
      const grad = allocStorage(g.dtype, x.length);
      for (let i = 0; i < x.length; i++) {
        const negative = x[i] < 0;
        const q = r(z[i] / r(1 + z[i]));
        grad[i] = r(r((negative ? 1 : 0) - (negative ? q : -q)) * g.data[i]);
      }
      return [new Tensor(grad, input.shape, g.dtype)];
    },
  });
}
