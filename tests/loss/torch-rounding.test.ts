import { describe, expect, it } from 'vitest';
import { laneSum, nllCascadeSum, roundFor, softmaxStats } from '../../src/loss/torch-rounding.ts';

const f = Math.fround;

describe('softmaxStats (PyTorch float32 log-softmax, step by step)', () => {
  it('sums 1 + e^-10 + e^-10 in float32, as PyTorch does', () => {
    const { max, sum, logSum } = softmaxStats(new Float32Array([10, 0, 0]), 1, 3, 1, f);
    expect(max[0]).toBe(10);
    const e = f(Math.exp(-10));
    expect(sum[0]).toBe(f(f(1 + e) + e));
    expect(logSum[0]).toBe(f(Math.log(f(f(1 + e) + e))));
    expect(logSum[0]).not.toBe(f(Math.log(1 + 2 * Math.exp(-10))));
  });
  it('float64 takes the same steps without rounding', () => {
    const { logSum } = softmaxStats(new Float64Array([10, 0, 0]), 1, 3, 1, roundFor('float64'));
    expect(Math.abs(logSum[0] - Math.log1p(2 * Math.exp(-10)))).toBeLessThan(1e-16);
  });
  it('a NaN anywhere in the slice makes it NaN', () => {
    expect(softmaxStats(new Float32Array([1, NaN, 2]), 1, 3, 1, f).logSum[0]).toBeNaN();
  });
});

describe('laneSum (AVX2 reduce_all order)', () => {
  it('adds fewer than 8 terms in order and more as 8 lanes and a tree', () => {
    const terms = [1e8, 1, -1e8, 1, 1, 1, 1, 1, 1, 1];
    const seq = terms.reduce((a, b) => f(a + b));
    const lanes = [1e8 + 1, 1 + 1, -1e8, 1, 1, 1, 1, 1].map(f);
    const tree = f(
      f(f(lanes[0] + lanes[4]) + f(lanes[2] + lanes[6])) + f(f(lanes[1] + lanes[5]) + f(lanes[3] + lanes[7])),
    );
    expect(laneSum(terms.length, (c) => terms[c], f)).toBe(tree);
    expect(laneSum(5, (c) => terms[c], f)).toBe(terms.slice(0, 5).reduce((a, b) => f(a + b)));
    expect(tree).not.toBe(seq);
  });
});

describe('nllCascadeSum', () => {
  it('sums the non-ignored terms and their weights', () => {
    const terms = new Float64Array([1, 2, 0, 4]);
    const weights = new Float64Array([0.5, 1, 0, 2]);
    expect(nllCascadeSum(terms, weights, new Uint8Array([0, 0, 1, 0]), f)).toEqual({
      sum: 7,
      totalWeight: 3.5,
    });
    expect(nllCascadeSum(terms, null, new Uint8Array([0, 0, 1, 0]), f)).toEqual({ sum: 7, totalWeight: 3 });
  });
  it('for many float32 terms stays close to the exact sum (the cascade bounds the error)', () => {
    const n = 100_000;
    const terms = new Float64Array(n).fill(f(0.1));
    const { sum } = nllCascadeSum(terms, null, new Uint8Array(n), f);
    expect(Math.abs(sum - n * f(0.1)) / (n * 0.1)).toBeLessThan(1e-6);
  });
});
