/**
 * sigmoid: the logistic function σ(x) = 1 / (1 + e^-x) elementwise; torch.sigmoid.
 *
 * Shape: unchanged. Dtypes: float32 -> float32, float64 -> float64, integers and bool -> float32.
 * Gradient: grad · (1 - σ(x)) · σ(x), from the saved result (SigmoidBackward0).
 *
 * Why this form is safe for large |x|. Written as e^x / (1 + e^x), σ overflows: e^x is +inf
 * for x > 88.7 in float32 (709.8 in float64) and inf / inf is NaN. Written as 1 / (1 + e^-x),
 * only e^-x can overflow, for x < -88.7, and then 1 / (1 + inf) = 0: no NaN anywhere, and
 * e^-x underflows harmlessly to 0 for large positive x, giving exactly 1.
 * This is PyTorch's kernel, evaluated as it does in float32 (each step rounded): so, as in
 * PyTorch, σ(-90) prints 0. in float32 although the true 8.2e-40 is a float32 subnormal:
 * e^90 has already overflowed (σ(-88) = 6.0546e-39 still comes out). In float64 the same
 * happens only below x = -709.8. What no float format can hold is 1 - σ(x) for large x:
 * σ(20) rounds to exactly 1 in float32, so log(1 - σ(20)) = -inf. That is why the losses
 * take logits (binaryCrossEntropyWithLogits, logsigmoid) and never form σ first.
 *
 * float32 values follow PyTorch 1.13's CPU kernel: blocks of 16 elements take the vector
 * path (SLEEF's expf, ../sleef-exp.ts), the last n mod 16 elements the scalar path (std::exp,
 * here a correctly rounded exp); then 1 + e and 1 / (1 + e), each rounded to float32.
 * float64 values use Math.exp, which may differ from PyTorch's in the last bit.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.sigmoid.html
 */
import type { Tensor } from '../tensor.ts';
import { floatDtypeOf, gradOf, unaryOp, vectorPrefix } from './unary.ts';
import { sleefExpf } from '../sleef-exp.ts';
import { roundFor } from '../torch-rounding.ts';

export function sigmoid(x: Tensor): Tensor {
  const dtype = floatDtypeOf(x);
  const r = roundFor(dtype);
  const vec = vectorPrefix(x.numel(), dtype);
  const expAt = (v: number, i: number) => (dtype === 'float32' && i < vec ? sleefExpf(v) : r(Math.exp(v)));
  return unaryOp(
    x,
    dtype,
    'SigmoidBackward0',
    (v, i) => r(1 / r(1 + expAt(r(-v), i))),
    (g, input, y) => gradOf(g, input, y, (gi, _xi, yi) => r(r(gi * r(1 - yi)) * yi)),
  );
}
