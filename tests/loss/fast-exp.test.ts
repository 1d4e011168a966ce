import { describe, expect, it } from 'vitest';
import { expFast, expFast32 } from '../../src/loss/fast-exp.ts';

function maxRelError(f: (x: number) => number, lo: number, hi: number, n: number): number {
  let worst = 0;
  for (let i = 0; i <= n; i++) {
    const x = lo + ((hi - lo) * i) / n + Math.sin(i) * 1e-3;
    const e = Math.exp(x);
    if (e === 0 || !Number.isFinite(e) || e < 1e-300) continue;
    worst = Math.max(worst, Math.abs(f(x) - e) / e);
  }
  return worst;
}

describe('expFast', () => {
  it('is within 4 ulp of Math.exp over the normal range', () => {
    expect(maxRelError(expFast, -700, 700, 200_000)).toBeLessThan(4 * Number.EPSILON);
  });
  it('gets the special values right', () => {
    expect(expFast(0)).toBe(1);
    expect(expFast(-Infinity)).toBe(0);
    expect(expFast(Infinity)).toBe(Infinity);
    expect(expFast(NaN)).toBeNaN();
    expect(expFast(-746)).toBe(0);
    expect(expFast(710)).toBe(Infinity);
    expect(Math.abs(expFast(709.7) / Math.exp(709.7) - 1)).toBeLessThan(1e-15);
  });
});

describe('expFast32', () => {
  it('is within 1e-11 relative of Math.exp (float32 resolution is 6e-8)', () => {
    expect(maxRelError(expFast32, -700, 700, 200_000)).toBeLessThan(1e-11);
  });
  it('gets the special values right', () => {
    expect(expFast32(0)).toBe(1);
    expect(expFast32(-Infinity)).toBe(0);
    expect(expFast32(Infinity)).toBe(Infinity);
    expect(expFast32(NaN)).toBeNaN();
  });
});
