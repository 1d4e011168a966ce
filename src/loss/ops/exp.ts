/**
 * exp: e^x elementwise.
 *
 * Shape: unchanged. Dtypes: float32 -> float32, float64 -> float64, int64 -> float32.
 * Gradient: grad * exp(x), reusing the result (ExpBackward0).
 *
 * NOTE: float32 values are Math.exp of the float32 input, rounded to float32; PyTorch's
 * vectorised float32 exp may differ in the last bit.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.exp.html
 */
import { Tensor, isFloating } from '../tensor.ts';
import { unaryOp } from './unary.ts';
import { zipRaw } from './binary.ts';

export function exp(x: Tensor): Tensor {
  const dtype = isFloating(x.dtype) ? x.dtype : 'float32';
  return unaryOp(x, dtype, 'ExpBackward0', Math.exp, (g, _x, result) => zipRaw(g, result, g.dtype, (a, b) => a * b));
}
