/**
 * pow: x ** exponent elementwise, for a number or a tensor exponent (broadcast with x).
 *
 * Shape: x and a tensor exponent broadcast; a number exponent keeps x's shape.
 * Dtypes: promoted as for mul (./dtype.ts): int64 ** 2 -> int64 (exact integer powers),
 * int64 ** 0.5 -> float32, float32 ** 0-d float64 tensor -> float32.
 * Values: as PyTorch's kernels, a number exponent 0 gives 1 (even for nan and inf), 1 a copy,
 * 2 and 3 x·x and x·x·x, -2 1/(x·x), 0.5 sqrt(x), -0.5 1/sqrt(x), -1 1/x; any other
 * exponent Math.pow rounded to the dtype. So (-0) ** -0.5 is -inf as in PyTorch.
 * Gradient, with PyTorch's conventions at 0:
 * - number exponent e (PowBackward0): grad · e · x^(e-1), and 0 everywhere when e = 0
 *   (not 0 · x^-1, which would be nan at x = 0).
 * - tensor exponent (PowBackward1): to x the same, 0 where e = 0; to e grad · x^e · log x,
 *   and 0 where x = 0 and e >= 0 (the limit of 0^e · log 0 from the right), so
 *   d(0^e)/de is 0, not nan.
 * Throws: for an integer tensor to a negative number power (PyTorch's "Integers to negative
 * integer powers are not allowed."; a negative integer *tensor* exponent gives 0, or ±1 for a
 * base of ±1, as in PyTorch); when the shapes do not broadcast.
 *
 * NOTE: general float32 powers are Math.pow rounded to float32; PyTorch's kernels use SLEEF's
 * powf (1-ulp accurate), so their last bit may differ. Integer powers are exact up to 2^53
 * (where PyTorch's int64 wraps around).
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.pow.html
 */
import { Tensor, allocStorage, isFloating } from '../tensor.ts';
import { binaryOp, checkOperand, zipRaw } from './binary.ts';
import { resultType } from './dtype.ts';
import { gradOf, mapRaw, unaryOp } from './unary.ts';
import { roundFor } from '../torch-rounding.ts';
import { sleefLogf } from '../sleef-log.ts';

/** x ** e for one number exponent, with the special cases of PyTorch's pow kernels. */
function powerOf(e: number, r: (v: number) => number): (v: number) => number {
  if (e === 0) return () => 1;
  if (e === 1) return (v) => v;
  if (e === 2) return (v) => v * v;
  if (e === 3) return (v) => r(v * v) * v;
  if (e === -2) return (v) => 1 / r(v * v);
  if (e === 0.5) return Math.sqrt;
  if (e === -0.5) return (v) => 1 / r(Math.sqrt(v));
  if (e === -1) return (v) => 1 / v;
  return (v) => Math.pow(v, e);
}

/**
 * An integer power as PyTorch's integer kernel computes it: a negative exponent gives 1 for
 * base 1, ±1 for base -1 and 0 for any other base (0 included), as integer division would.
 */
function intPow(v: number, e: number): number {
  if (e >= 0) return Math.pow(v, e);
  if (v === 1) return 1;
  return v === -1 ? (e % 2 === 0 ? 1 : -1) : 0;
}

export function pow(x: Tensor, exponent: Tensor | number): Tensor {
  checkOperand('pow', exponent);
  const dtype = resultType([x, exponent]);
  const integer = !isFloating(dtype);
  if (integer && typeof exponent === 'number' && exponent < 0) {
    throw new Error('Integers to negative integer powers are not allowed.');
  }
  const r = roundFor(dtype);
  if (typeof exponent === 'number') {
    const e = integer ? exponent : r(exponent);
    const power = integer ? (v: number) => Math.pow(v, e) : powerOf(e, r);
    const below = powerOf(r(exponent - 1), r);
    return unaryOp(x, dtype, 'PowBackward0', power, (g, input, y) =>
      e === 0 ? mapRaw(g, g.dtype, () => 0) : gradOf(g, input, y, (gi, xi) => r(gi * r(e * r(below(xi))))),
    );
  }
  const log = dtype === 'float32' ? sleefLogf : Math.log;
  return binaryOp(
    x,
    exponent,
    'PowBackward1',
    () => dtype,
    integer ? intPow : (v, e) => Math.pow(v, e),
    (g, y) => {
      // Everything at the broadcast shape (g's); binaryOp sums each gradient back.
      const dt = g.dtype;
      const xs = zipRaw(x, g, dt, (v) => v).data;
      const es = zipRaw(exponent, g, dt, (v) => v).data;
      const gx = allocStorage(dt, xs.length);
      const ge = allocStorage(dt, xs.length);
      for (let i = 0; i < xs.length; i++) {
        const [gi, xi, ei] = [g.data[i], xs[i], es[i]];
        gx[i] = ei === 0 ? 0 : r(gi * r(ei * r(Math.pow(xi, r(ei - 1)))));
        ge[i] = xi === 0 && ei >= 0 ? 0 : r(gi * r(y.data[i] * r(log(xi))));
      }
      return [new Tensor(gx, g.shape, dt), new Tensor(ge, g.shape, dt)];
    },
  );
}
