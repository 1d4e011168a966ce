/**
 * log1p: log(1 + x) elementwise, accurate for small x.
 *
 * Shape: unchanged. Dtypes: float32 -> float32, float64 -> float64, integers and bool -> float32.
 * Values: log1p(-1) = -inf, log1p(x < -1) = nan (IEEE, no throw).
 * Gradient: grad / (1 + x) (Log1PBackward0).
 *
 * Why not log(1 + x): for |x| below the dtype's epsilon (1.2e-7 in float32) 1 + x rounds to
 * exactly 1 and log(1 + x) = 0, all digits lost; log1p(x) ≈ x - x²/2 keeps them. This is
 * what makes softplus, logsigmoid and the stable BCE-with-logits exact where e^-|x| is tiny:
 * log1p(e^-30) = 9.3576e-14, log(1 + e^-30) = 0.
 *
 * float32 values are SLEEF's log1pf, bit for bit PyTorch's (../sleef-log.ts; checked on 40,000
 * values); float64 values are Math.log1p (PyTorch's may differ in the last bit).
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.log1p.html
 */
import type { Tensor } from '../tensor.ts';
import { floatDtypeOf, gradOf, unaryOp } from './unary.ts';
import { roundFor } from '../torch-rounding.ts';
import { sleefLog1pf } from '../sleef-log.ts';

export function log1p(x: Tensor): Tensor {
  const dtype = floatDtypeOf(x);
  const r = roundFor(dtype);
  const fn = dtype === 'float32' ? sleefLog1pf : Math.log1p;
  return unaryOp(x, dtype, 'Log1PBackward0', fn, (g, input, y) =>
    gradOf(g, input, y, (gi, xi) => r(gi / r(xi + 1))),
  );
}
