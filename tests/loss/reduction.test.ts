import { describe, expect, it } from 'vitest';
import { tensor } from '../../src/loss/index.ts';
import { applyReduction, checkReduction, reductionGrad } from '../../src/loss/reduction.ts';
import { expectClose } from '../helpers/close.ts';

describe('checkReduction', () => {
  it("defaults to 'mean' and accepts the three names", () => {
    expect(checkReduction(undefined, 'f')).toBe('mean');
    for (const r of ['mean', 'sum', 'none']) expect(checkReduction(r, 'f')).toBe(r);
  });
  it('rejects anything else, naming it', () => {
    expect(() => checkReduction('avg', 'crossEntropy')).toThrow(
      "'avg' is not a valid value for reduction in crossEntropy: use 'mean', 'sum' or 'none'",
    );
    expect(() => checkReduction(1, 'f')).toThrow(/1 is not a valid value for reduction/);
  });
});

describe('applyReduction', () => {
  const losses = new Float64Array([1, 2, 3.5, -0.5]);
  it("'none' keeps the shape and values, rounded to the dtype", () => {
    const r = applyReduction(losses, [2, 2], 'float32', 'none');
    expect(r.shape).toEqual([2, 2]);
    expect(r.data).toBeInstanceOf(Float32Array);
    expectClose(r.data, [1, 2, 3.5, -0.5], { atol: 0, rtol: 0 });
  });
  it("'sum' and 'mean' give a 0-d result; 'mean' divides by the denominator given", () => {
    expect(applyReduction(losses, [4], 'float64', 'sum')).toEqual({ data: new Float64Array([6]), shape: [] });
    expect(applyReduction(losses, [4], 'float64', 'mean').data[0]).toBe(1.5);
    expect(applyReduction(losses, [4], 'float64', 'mean', 3).data[0]).toBe(2);
  });
  it("an empty 'mean' is NaN and an empty 'sum' is 0, as PyTorch", () => {
    expect(applyReduction(new Float64Array(0), [0], 'float32', 'mean').data[0]).toBeNaN();
    expect(applyReduction(new Float64Array(0), [0], 'float32', 'sum').data[0]).toBe(0);
  });
});

describe('reductionGrad', () => {
  it("passes 'none' gradients through, spreads 'sum' and divides 'mean'", () => {
    const g = tensor([2], { dtype: 'float64' });
    expect(reductionGrad(tensor([1, 2], { dtype: 'float64' }), 'none', 2).perElement).not.toBeNull();
    expect(reductionGrad(g, 'sum', 4)).toEqual({ perElement: null, scalar: 2 });
    expect(reductionGrad(g, 'mean', 4)).toEqual({ perElement: null, scalar: 0.5 });
  });
});
