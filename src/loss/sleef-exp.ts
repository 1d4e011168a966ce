/**
 * e^x for float32 exactly as PyTorch 1.13's vectorised CPU kernels compute it: SLEEF's
 * `expf_u10` (Sleef_expf8_u10avx2), which softmax, log_softmax and their backward use.
 *
 * SLEEF is accurate to 1 ulp, not correctly rounded: for about one float32 in ten its result
 * is the other neighbour of e^x, and log_softmax's log Σ exp then differs in the last bit
 * (e.g. log_softmax([[-0.2309, 0.6990]]) ends in ...6667 in PyTorch, ...6369 with a correctly
 * rounded exp). Matching it bit for bit (checked against torch.exp on 20,000 values of
 * randn·10) keeps the printed digits equal to PyTorch's.
 *
 * The algorithm (sleef/src/libm/sleefsimdsp.c, xexpf): q = rint(x / ln 2); s = x - q·ln 2 in
 * two FMA steps (ln 2 split in a high part with trailing zero bits and a low part); a degree-6
 * polynomial u ≈ (e^s - 1 - s) / s² by Horner's rule in FMAs; e^x = (1 + s + s²·u) · 2^q;
 * 0 below -104 and +inf above 104. An FMA of float32 operands is emulated in double: the
 * product of two floats is exact in double, and the sum is rounded once to float.
 *
 * Private to the loss module.
 */
const f = Math.fround;
const L2U = f(0.693145751953125);
const L2L = f(1.428606765330187045e-6);
const R_LN2 = f(1.4426950408889634);
const C0 = f(0.000198527617612853646278381);
const C1 = f(0.00139304355252534151077271);
const C2 = f(0.00833336077630519866943359);
const C3 = f(0.0416664853692054748535156);
const C4 = f(0.166666671633720397949219);

/** fmaf(a, b, c) for float32 a, b, c: a·b is exact in double, one rounding to float. */
function fma(a: number, b: number, c: number): number {
  return f(a * b + c);
}

/** Round half to even, as the vector instruction (_MM_FROUND_TO_NEAREST_INT) does. */
function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** SLEEF's expf_u10 of a float32 value (returned as a float32 value in a double). */
export function sleefExpf(x: number): number {
  const d = f(x);
  if (d !== d) return NaN;
  if (d < -104) return 0;
  if (d > 104) return Infinity;
  const q = rint(f(d * R_LN2));
  let s = fma(q, -L2U, d);
  s = fma(q, -L2L, s);
  let u = C0;
  u = fma(u, s, C1);
  u = fma(u, s, C2);
  u = fma(u, s, C3);
  u = fma(u, s, C4);
  u = fma(u, s, 0.5);
  u = f(1 + fma(f(s * s), u, s));
  return f(u * 2 ** q);
}
