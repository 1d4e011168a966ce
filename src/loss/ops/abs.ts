/**
 * abs: |x| elementwise.
 *
 * Shape: unchanged. Dtypes: float32, float64, int64, int32; the result keeps the dtype.
 * Gradient: grad · sign(x), with sign(0) = sign(NaN) = 0, as PyTorch (AbsBackward0): the
 * subgradient 0 at the kink, so a weight exactly at 0 gets no push from |w|.
 * Throws: for a bool tensor, PyTorch's "abs_cpu" not implemented for 'Bool'.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.abs.html
 */
import type { Tensor } from '../tensor.ts';
import { gradOf, unaryOp } from './unary.ts';
import { roundFor } from '../torch-rounding.ts';

export function abs(x: Tensor): Tensor {
  if (x.dtype === 'bool') throw new Error(`"abs_cpu" not implemented for 'Bool' (abs of a bool tensor)`);
  const r = roundFor(x.dtype);
  return unaryOp(x, x.dtype, 'AbsBackward0', Math.abs, (g, input, y) =>
    // PyTorch's sign: 1, -1, or 0 for ±0 and NaN; grad · 0 keeps grad's sign (-1.5 · 0 = -0).
    gradOf(g, input, y, (gi, xi) => r(gi * (xi > 0 ? 1 : xi < 0 ? -1 : 0))),
  );
}
