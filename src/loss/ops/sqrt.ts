/**
 * sqrt: the square root elementwise.
 *
 * Shape: unchanged. Dtypes: float32 -> float32, float64 -> float64, integers and bool -> float32.
 * Values: correctly rounded, as PyTorch's; sqrt(-1) = nan and sqrt(-0) = -0 (IEEE, no throw).
 * Gradient: grad / (2·sqrt(x)), PyTorch's formula from the saved result; at x = 0 that is
 * grad / 0 = inf (nan where grad is 0) (SqrtBackward0).
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.sqrt.html
 */
import type { Tensor } from '../tensor.ts';
import { floatDtypeOf, gradOf, unaryOp } from './unary.ts';
import { roundFor } from '../torch-rounding.ts';

export function sqrt(x: Tensor): Tensor {
  const dtype = floatDtypeOf(x);
  const r = roundFor(dtype);
  return unaryOp(x, dtype, 'SqrtBackward0', Math.sqrt, (g, input, y) =>
    gradOf(g, input, y, (gi, _xi, yi) => r(gi / r(2 * yi))),
  );
}
