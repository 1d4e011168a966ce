/**
 * softplus: log(1 + e^(βx)) / β elementwise, a smooth max(x, 0); PyTorch's F.softplus.
 *
 *   softplus(x)                          β = 1, threshold 20
 *   softplus(x, { beta: 2, threshold: 10 })
 *
 * Shape: unchanged. Dtypes: float32 or float64; the output has the input's dtype.
 *
 * Stability (PyTorch's form). e^(βx) overflows for βx > 88.7 in float32, so above
 * `threshold` softplus returns x itself: there log(1 + e^(βx))/β = x + log(1 + e^(-βx))/β
 * differs from x by less than e^-20 = 2e-9, below float32's resolution at x > 20. Below the
 * threshold log1p keeps the digits when e^(βx) is tiny: softplus(-30) = 9.3576e-14, where
 * log(1 + e^-30) would give 0. Note -softplus(-x) = logsigmoid(x): the loss of a logit x
 * with label 1 in binaryCrossEntropyWithLogits is softplus(-x), with label 0 softplus(x).
 *
 * Gradient: σ(βx) = z/(z + 1) with z = e^(βx) below the threshold, 1 above (PyTorch's
 * formula: grad · z / (z + 1)) (SoftplusBackward0).
 * Throws: for an input that is not a floating-point Tensor; a non-number beta or threshold;
 * an unknown option.
 *
 * float32 values follow PyTorch's kernel: blocks of 16 elements on its vector path (SLEEF's
 * expf and log1pf, bit for bit), the last n mod 16 on its scalar path (std::exp and
 * std::log1p). NOTE: for the scalar path we use correctly rounded ones, and glibc's log1pf is
 * not always: the last bit of those elements may differ (4 values in 543 in our check).
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.nn.functional.softplus.html
 */
import { Tensor, allocStorage } from './tensor.ts';
import { checkOptions, requireFloating, requireTensor } from './check.ts';
import { roundFor } from './torch-rounding.ts';
import { sleefExpf } from './sleef-exp.ts';
import { sleefLog1pf } from './sleef-log.ts';
import { makeResult } from './ops/graph.ts';
import { elementwiseStrides } from './ops/strides.ts';
import { vectorPrefix } from './ops/unary.ts';

export interface SoftplusOptions {
  /** β in log(1 + e^(βx)) / β. Default 1. */
  beta?: number;
  /** Above βx > threshold the result is x. Default 20. */
  threshold?: number;
}

export function softplus(input: Tensor, options: SoftplusOptions = {}): Tensor {
  checkOptions(options, ['beta', 'threshold'], 'softplus');
  requireTensor(input, 'softplus: input');
  requireFloating(input, 'softplus: input');
  const { beta = 1, threshold = 20 } = options;
  if (typeof beta !== 'number' || typeof threshold !== 'number') {
    throw new Error(
      `softplus: beta and threshold must be numbers, got ${String(beta)} and ${String(threshold)}`,
    );
  }
  const r = roundFor(input.dtype);
  const b = r(beta);
  const t = r(threshold);
  const x = input.data;
  const vec = vectorPrefix(x.length, input.dtype);
  const onVector = (i: number) => input.dtype === 'float32' && i < vec;
  const log1pExp = (v: number, i: number) =>
    onVector(i) ? sleefLog1pf(sleefExpf(v)) : r(Math.log1p(r(Math.exp(v))));
  const out = allocStorage(input.dtype, x.length);
  for (let i = 0; i < x.length; i++) {
    const bx = r(x[i] * b);
    out[i] = bx > t ? x[i] : r(log1pExp(bx, i) / b);
  }
  return makeResult(out, input.shape, input.dtype, {
    name: 'SoftplusBackward0',
    inputs: [input],
    strides: elementwiseStrides(input.shape, [input]),
    backward: (g) => {
      const grad = allocStorage(g.dtype, x.length);
      const gvec = vectorPrefix(x.length, g.dtype);
      for (let i = 0; i < x.length; i++) {
        const bx = r(x[i] * b);
        const z = g.dtype === 'float32' && i < gvec ? sleefExpf(bx) : r(Math.exp(bx));
        grad[i] = bx > t ? g.data[i] : r(r(g.data[i] * z) / r(z + 1));
      }
      return [new Tensor(grad, input.shape, g.dtype)];
    },
  });
}
