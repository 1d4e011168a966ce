/**
 * ln x for float32 exactly as PyTorch 1.13's vectorised CPU kernels compute it: SLEEF's
 * `logf_u1` (Sleef_logf8_u10avx2), which torch.log and log_softmax's log Σ exp use.
 *
 * Accurate to 1 ulp but not correctly rounded: for about 1 float32 in 400 it returns the
 * other neighbour of ln x (e.g. ln 1.3946042 is 0.33261064 rounded, 0.33261067 in PyTorch),
 * which shows in log_softmax's last bit. Checked bit for bit against torch.log on 40,000
 * values from 1e-45 to 3e38.
 *
 * The algorithm (sleef/src/libm/sleefsimdsp.c, xlogf_u1, FMA build): scale a subnormal up by
 * 2^64; x = 2^e · m with m in [0.75, 1.5); then ln x = e·ln 2 + 2·atanh((m - 1)/(m + 1)) with
 * the series 2a + a³·(c0 + c1·a² + c2·a⁴), a = (m - 1)/(m + 1), carried in "double-float"
 * pairs (value + error term, both float32) so that only the final sum rounds. Each step of
 * the double-float helpers below is one float32 operation or one FMA (emulated in double:
 * a float product is exact in double, the sum rounds once).
 *
 * Also SLEEF's log1pf (sleefLog1pf below), from the same double-float steps.
 *
 * Private to the loss module.
 */
const f = Math.fround;
const bits = new DataView(new ArrayBuffer(4));

function floatToBits(x: number): number {
  bits.setFloat32(0, x);
  return bits.getInt32(0);
}

function bitsToFloat(i: number): number {
  bits.setInt32(0, i);
  return bits.getFloat32(0);
}

/** fmaf(a, b, c) for float32 a, b, c. */
function fma(a: number, b: number, c: number): number {
  return f(a * b + c);
}

type DF = [number, number];

/** x + y as a double-float (any magnitudes). */
function add2(x: number, y: number): DF {
  const s = f(x + y);
  const v = f(s - x);
  return [s, f(f(x - f(s - v)) + f(y - v))];
}

/** n / d for double-floats. */
function div(n: DF, d: DF): DF {
  const t = f(1 / d[0]);
  const s = f(n[0] * t);
  const u = fma(t, n[0], -s);
  const v = fma(-d[1], t, fma(-d[0], t, 1));
  return [s, fma(s, v, fma(n[1], t, u))];
}

/** x · y, x a double-float, y a float. */
function mul(x: DF, y: number): DF {
  const s = f(x[0] * y);
  return [s, fma(x[1], y, fma(x[0], y, -s))];
}

/** x + y for double-floats, |x| >= |y|. */
function add(x: DF, y: DF): DF {
  const s = f(x[0] + y[0]);
  return [s, f(f(f(f(x[0] - s) + y[0]) + x[1]) + y[1])];
}

/** x + y, x a double-float, y a float, |x| >= |y|. */
function addF(x: DF, y: number): DF {
  const s = f(x[0] + y);
  return [s, f(f(f(x[0] - s) + y) + x[1])];
}

const FLT_MIN = 1.1754943508222875e-38;
const LN2: DF = [f(0.69314718246459960938), f(-1.904654323148236017e-9)];
const INV_075 = f(1 / f(0.75));

/** SLEEF's logf_u1 of a float32 value (returned as a float32 value in a double). */
export function sleefLogf(x: number): number {
  let d = f(x);
  if (d !== d || d < 0) return NaN;
  if (d === 0) return -Infinity;
  if (d === Infinity) return Infinity;
  const subnormal = d < FLT_MIN;
  if (subnormal) d = f(d * 18446744073709551616);
  let e = ((floatToBits(f(d * INV_075)) >> 23) & 0xff) - 0x7f;
  const m = bitsToFloat(floatToBits(d) + (-e << 23));
  if (subnormal) e -= 64;
  let s = mul(LN2, e);
  const a = div(add2(-1, m), add2(1, m));
  const a2 = f(a[0] * a[0]);
  let t = f(0.3027294874);
  t = fma(t, a2, f(0.3996108174));
  t = fma(t, a2, f(0.666669488));
  s = add(s, [f(a[0] * 2), f(a[1] * 2)]);
  s = addF(s, f(f(a2 * a[0]) * t));
  return f(s[0] + s[1]);
}

/**
 * SLEEF's log1pf_u10 of a float32 value, as torch.log1p's float32 kernel (Sleef_log1pf8_u10avx2)
 * computes it: m = d·2^-e + (2^-e - 1) with 1 + d = 2^e · (m + 1) and m + 1 in [0.75, 1.5),
 * then the series of ./sleef-log.ts on a = m / (2 + m) in double-floats. Where d is tiny the
 * result rounds differently from a correctly rounded log1p: log1p of the float32 e^-100
 * (3.7835e-44) is 3.9236e-44 here and in PyTorch.
 */
export function sleefLog1pf(x: number): number {
  const d = f(x);
  if (d !== d || d < -1) return NaN;
  if (d === -1) return -Infinity;
  if (d > 1e38) return Infinity;
  if (Object.is(d, -0)) return -0;
  const dp1 = f(d + 1);
  const e = ((floatToBits(f(dp1 * INV_075)) >> 23) & 0xff) - 0x7f;
  const t2 = bitsToFloat(floatToBits(1) + (-e << 23));
  const m = fma(d, t2, f(t2 - 1));
  const two = f(2 + m);
  const a = div([m, 0], [two, f(f(2 - two) + m)]);
  const a2 = f(a[0] * a[0]);
  let t = f(0.3027294874);
  t = fma(t, a2, f(0.3996108174));
  t = fma(t, a2, f(0.666669488));
  let s = mul(LN2, e);
  s = add(s, [f(a[0] * 2), f(a[1] * 2)]);
  s = addF(s, f(f(a2 * a[0]) * t));
  return f(s[0] + s[1]);
}
