import { describe, expect, test } from 'vitest';
import { inspect } from 'node:util';
import { Tensor, arange, ones, tensor, zeros } from '../../src/loss/index.ts';
import { isContiguousStrides, normalizeDim, numelOf, stridesOf } from '../../src/loss/tensor.ts';

describe('Tensor basics', () => {
  test('shape, ndim, numel, size, item, tolist', () => {
    const x = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(x.shape).toEqual([2, 3]);
    expect(x.ndim).toBe(2);
    expect(x.dim()).toBe(2);
    expect(x.numel()).toBe(6);
    expect(x.size()).toEqual([2, 3]);
    expect(x.size(-1)).toBe(3);
    expect(x.tolist()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(tensor(2.5).item()).toBe(2.5);
    expect(() => x.item()).toThrow('a Tensor with 6 elements cannot be converted to a number (shape [2, 3])');
  });

  test('storage by dtype', () => {
    expect(tensor([1.5]).data).toBeInstanceOf(Float32Array);
    expect(tensor([1.5], { dtype: 'float64' }).data).toBeInstanceOf(Float64Array);
    expect(tensor([1]).data).toBeInstanceOf(Float64Array);
  });

  test('stride() and isContiguous() follow PyTorch, data stays row-major', () => {
    const x = arange(6).reshape(2, 3);
    expect(x.stride()).toEqual([3, 1]);
    expect(x.stride(0)).toBe(3);
    expect(x.isContiguous()).toBe(true);
    const p = x.permute(1, 0);
    expect(p.stride()).toEqual([1, 3]);
    expect(p.isContiguous()).toBe(false);
    expect(Array.from(p.data)).toEqual([0, 3, 1, 4, 2, 5]);
  });

  test('toString and Node inspect print the PyTorch repr', () => {
    const x = tensor([
      [1.5, -2],
      [0, 3],
    ]);
    const repr = 'tensor([[ 1.5000, -2.0000],\n        [ 0.0000,  3.0000]])';
    expect(String(x)).toBe(repr);
    expect(inspect(x)).toBe(repr);
  });

  test('method chains build the graph PyTorch builds', () => {
    const logits = tensor(
      [
        [2.0, 0.5, -1.0],
        [0.1, 0.2, 3.0],
      ],
      { requiresGrad: true },
    );
    const target = tensor([0, 2]);
    const logp = logits.sub(logits.exp().sum(1, true).log());
    const loss = logp.gather(1, target.unsqueeze(1)).neg().mean();
    expect(loss.gradFn?.name).toBe('MeanBackward0');
    loss.backward();
    // d/dlogits of mean NLL = (softmax - onehot) / N.
    const g = logits.grad!.tolist() as number[][];
    for (const [row, t] of [
      [0, 0],
      [1, 2],
    ]) {
      const e = (logits.tolist() as number[][])[row].map(Math.exp);
      const z = e.reduce((a, b) => a + b, 0);
      e.forEach((v, j) => expect(Math.abs(g[row][j] - (v / z - (j === t ? 1 : 0)) / 2)).toBeLessThan(1e-6));
    }
  });

  test('constructor checks storage length and strides length', () => {
    expect(() => new Tensor(new Float32Array(3), [2, 2], 'float32')).toThrow(
      /storage of 3 elements for shape \[2, 2\]/,
    );
    expect(() => new Tensor(new Float32Array(4), [2, 2], 'float32', { strides: [1] })).toThrow(
      /strides \[1\]/,
    );
  });

  test('a leaf that requires grad prints requires_grad=True; ops on it print grad_fn', () => {
    const w = ones([2], { requiresGrad: true });
    expect(String(w)).toBe('tensor([1., 1.], requires_grad=True)');
    expect(String(w.mul(2))).toBe('tensor([2., 2.], grad_fn=<MulBackward0>)');
    expect(String(zeros([2]).mul(2))).toBe('tensor([0., 0.])');
  });
});

describe('shape helpers', () => {
  test('numelOf, stridesOf (size-0 dims count as 1, as in PyTorch)', () => {
    expect(numelOf([])).toBe(1);
    expect(numelOf([2, 0, 3])).toBe(0);
    expect(stridesOf([2, 3, 4])).toEqual([12, 4, 1]);
    expect(stridesOf([2, 0])).toEqual([1, 1]);
  });

  test('isContiguousStrides ignores size-1 dims', () => {
    expect(isContiguousStrides([2, 1, 3], [3, 99, 1])).toBe(true);
    expect(isContiguousStrides([2, 3], [1, 2])).toBe(false);
    expect(isContiguousStrides([0, 3], [7, 7])).toBe(true);
  });

  test('normalizeDim wraps negatives and names the range', () => {
    expect(normalizeDim(-1, 3)).toBe(2);
    expect(normalizeDim(0, 0)).toBe(0);
    expect(normalizeDim(-1, 0)).toBe(0);
    expect(() => normalizeDim(3, 3)).toThrow(
      'Dimension out of range (expected to be in range of [-3, 2], but got 3)',
    );
  });
});
