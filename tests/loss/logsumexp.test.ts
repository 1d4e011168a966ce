import { describe, expect, it } from 'vitest';
import { logSumExpAlong } from '../../src/loss/logsumexp.ts';
import { expectClose } from '../helpers/close.ts';

/** The textbook two-pass form with Math.exp, per position. */
function reference(x: ArrayLike<number>, outer: number, size: number, inner: number): number[] {
  const out: number[] = [];
  for (let o = 0; o < outer; o++) {
    for (let s = 0; s < inner; s++) {
      let m = -Infinity;
      for (let c = 0; c < size; c++) m = Math.max(m, x[(o * size + c) * inner + s]);
      let sum = 0;
      for (let c = 0; c < size; c++) sum += Math.exp(x[(o * size + c) * inner + s] - m);
      out.push(m + Math.log(sum));
    }
  }
  return out;
}

describe('logSumExpAlong', () => {
  it('matches the two-pass reference for rows, planes and blocks of every size', () => {
    for (const [outer, size, inner] of [
      [3, 5, 1],
      [1, 7, 1],
      [2, 4, 3],
      [2, 3, 2049],
      [1, 1, 5],
      [3, 2, 4096],
    ]) {
      const x = new Float64Array(outer * size * inner).map((_, i) => Math.sin(i * 0.77) * 12);
      expectClose(logSumExpAlong(x, outer, size, inner), reference(x, outer, size, inner), {
        atol: 1e-13,
        rtol: 1e-14,
      });
    }
  });

  it('float32 data give float32-accurate results', () => {
    const x = new Float32Array(4 * 21 * 100).map((_, i) => Math.cos(i) * 5);
    expectClose(logSumExpAlong(x, 4, 21, 100), reference(x, 4, 21, 100), { atol: 1e-12, rtol: 1e-11 });
  });

  it('recomputes with the max where the first entry is far below the others', () => {
    const x = new Float64Array([-1000, 0, 1000, -2000, 5, 1]); // rows: [-1000, 0, 1000], [-2000, 5, 1]
    expectClose(logSumExpAlong(x, 2, 3, 1), [1000, 5 + Math.log1p(Math.exp(-4))], { atol: 0, rtol: 1e-15 });
    const planes = new Float64Array([-1000, 3, 1000, 4]); // (1, 2, 2): positions [-1000, 1000] and [3, 4]
    expectClose(logSumExpAlong(planes, 1, 2, 2), [1000, 4 + Math.log1p(Math.exp(-1))], {
      atol: 0,
      rtol: 1e-15,
    });
  });

  it('propagates NaN and ±Infinity as PyTorch: NaN, +inf or all -inf give NaN; a -inf entry counts 0', () => {
    const x = new Float64Array([NaN, 0, 1, Infinity, 0, 1, -Infinity, -Infinity, -Infinity, -Infinity, 0, 0]);
    const lse = logSumExpAlong(x, 4, 3, 1);
    expect([...lse.slice(0, 3)].every(Number.isNaN)).toBe(true);
    expectClose(lse[3], Math.log(2), { atol: 0, rtol: 1e-15 });
  });

  it('visits each block after computing it, with its layout and lse', () => {
    const x = new Float64Array([1, 2, 3, 4, 5, 6]); // (1, 3, 2): positions [1, 3, 5] and [2, 4, 6]
    const seen: number[][] = [];
    const lse = logSumExpAlong(x, 1, 3, 2, (first, pos0, len, posStride, classStride, l) => {
      for (let k = 0; k < len; k++) seen.push([x[first + k * posStride + 2 * classStride], l[pos0 + k]]);
    });
    expect(seen).toEqual([
      [5, lse[0]],
      [6, lse[1]],
    ]);
    const rows: number[] = [];
    logSumExpAlong(x, 2, 3, 1, (first, pos0, len, posStride, classStride) => {
      for (let k = 0; k < len; k++) rows.push(x[first + k * posStride + 1 * classStride]);
    });
    expect(rows).toEqual([2, 5]);
  });

  it('an empty class dim gives -Infinity (log of an empty sum)', () => {
    expect([...logSumExpAlong(new Float64Array(0), 2, 0, 1)]).toEqual([-Infinity, -Infinity]);
  });
});
