/**
 * Explicit-tolerance comparison for tests: |actual - expected| <= atol + rtol * |expected|,
 * elementwise. NaN matches only NaN and ±inf only the same infinity. Lengths must agree.
 * Throws (failing the test) with the first mismatching index and both values.
 */
export interface Tolerance {
  atol: number;
  rtol: number;
}

function closeEnough(a: number, e: number, { atol, rtol }: Tolerance): boolean {
  if (Number.isNaN(e)) return Number.isNaN(a);
  if (!Number.isFinite(e)) return a === e;
  return Math.abs(a - e) <= atol + rtol * Math.abs(e);
}

export function expectClose(
  actual: number | ArrayLike<number>,
  expected: number | ArrayLike<number>,
  tol: Tolerance,
  label = '',
): void {
  const a = typeof actual === 'number' ? [actual] : Array.from(actual);
  const e = typeof expected === 'number' ? [expected] : Array.from(expected);
  const where = label ? `${label}: ` : '';
  if (a.length !== e.length) {
    throw new Error(`${where}expected ${e.length} values, got ${a.length}`);
  }
  for (let i = 0; i < e.length; i++) {
    if (!closeEnough(a[i], e[i], tol)) {
      throw new Error(
        `${where}element ${i}: got ${a[i]}, expected ${e[i]} (atol ${tol.atol}, rtol ${tol.rtol}, diff ${Math.abs(a[i] - e[i])})`,
      );
    }
  }
}
