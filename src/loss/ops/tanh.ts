/**
 * tanh: the hyperbolic tangent elementwise, (e^x - e^-x) / (e^x + e^-x) = 2σ(2x) - 1.
 *
 * Shape: unchanged. Dtypes: float32 -> float32, float64 -> float64, integers and bool -> float32.
 * Values: in (-1, 1); ±1 exactly once |x| > 9.01 in float32 (19.06 in float64); tanh(±inf) = ±1.
 * Gradient: grad · (1 - tanh(x)²), from the saved result, with 1 - y² rounded once as the
 * fused multiply-add of PyTorch's compiled kernel (TanhBackward0).
 *
 * NOTE: values are Math.tanh rounded to the dtype; PyTorch's float32 kernel uses SLEEF's
 * tanhf (1-ulp accurate), so the last bit of a float32 result may differ (about 1 value in
 * 100 for randn·10 inputs).
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.tanh.html
 */
import type { Tensor } from '../tensor.ts';
import { floatDtypeOf, gradOf, unaryOp } from './unary.ts';
import { roundFor } from '../torch-rounding.ts';

export function tanh(x: Tensor): Tensor {
  const dtype = floatDtypeOf(x);
  const r = roundFor(dtype);
  return unaryOp(x, dtype, 'TanhBackward0', Math.tanh, (g, input, y) =>
    gradOf(g, input, y, (gi, _xi, yi) => r(gi * r(1 - yi * yi))),
  );
}
