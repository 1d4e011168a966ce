/**
 * exp: e^x elementwise.
 *
 * Shape: unchanged. Dtypes: float32 -> float32, float64 -> float64, int64 -> float32.
 * Gradient: grad * exp(x), reusing the result (ExpBackward0).
 *
 * float32 values are SLEEF's expf_u10 of the float32 input, bit for bit PyTorch's exp (its
 * CPU kernel uses SLEEF for every element, tails and 0-d tensors included; ../sleef-exp.ts).
 * float64 values are Math.exp (PyTorch's double exp may differ in the last bit).
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.exp.html
 */
import { Tensor, isFloating } from '../tensor.ts';
import { unaryOp } from './unary.ts';
import { sleefExpf } from '../sleef-exp.ts';
import { zipRaw } from './binary.ts';

export function exp(x: Tensor): Tensor {
  const dtype = isFloating(x.dtype) ? x.dtype : 'float32';
  return unaryOp(x, dtype, 'ExpBackward0', dtype === 'float32' ? sleefExpf : Math.exp, (g, _x, result) =>
    zipRaw(g, result, g.dtype, (a, b) => a * b),
  );
}
