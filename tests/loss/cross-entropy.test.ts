import { describe, expect, it } from 'vitest';
import { Tensor, tensor, crossEntropy, nllLoss, logSoftmax, softmax } from '../../src/loss/index.ts';
import type { CrossEntropyOptions } from '../../src/loss/index.ts';
import { MIRROR_LIMIT } from '../../src/loss/torch-rounding.ts';
import { expectClose } from '../helpers/close.ts';
import { describeLossFixtures } from '../helpers/loss-fixture-suites.ts';

describeLossFixtures('crossEntropy', 'loss-cross-entropy.json', {
  covers: 'the configurations of common_nn.py and the edge cases',
  atLeast: 100,
  errorsAtLeast: 20,
});

const seedInput = [
  [
    [
      [-0.2493, -0.9333],
      [0.0676, 1.2035],
    ],
    [
      [0.2987, -0.6044],
      [-0.1341, 0.0938],
    ],
    [
      [-1.3529, -0.2693],
      [-0.3259, -0.7915],
    ],
  ],
];

describe('crossEntropy, the seed worked example', () => {
  it('prints tensor(0.9862) and, with grad, NllLoss2DBackward0', () => {
    const target = tensor([
      [
        [0, 1],
        [2, 0],
      ],
    ]);
    expect(String(crossEntropy(tensor(seedInput), target))).toBe('tensor(0.9862)');
    const x = tensor(seedInput, { requiresGrad: true });
    const loss = crossEntropy(x, target);
    expect(String(loss)).toBe('tensor(0.9862, grad_fn=<NllLoss2DBackward0>)');
    // (1.1189 + 1.1371 + 1.3066 + 0.3823) / 4, from the blog post's log-softmax values
    expectClose(loss.item(), (1.1189 + 1.1371 + 1.3066 + 0.3823) / 4, { atol: 1e-4, rtol: 0 });
  });

  it('equals nllLoss(logSoftmax(x, 1)), value and gradient', () => {
    const target = tensor([
      [
        [0, 1],
        [2, 0],
      ],
    ]);
    const a = tensor(seedInput, { requiresGrad: true });
    const b = tensor(seedInput, { requiresGrad: true });
    const fused = crossEntropy(a, target);
    const composed = nllLoss(logSoftmax(b, 1), target);
    expectClose(fused.item(), composed.item(), { atol: 1e-7, rtol: 0 });
    fused.backward();
    composed.backward();
    expectClose(a.grad!.data, b.grad!.data, { atol: 1e-7, rtol: 0 });
  });
});

describe('crossEntropy gradient', () => {
  it('is (softmax - onehot) / N for the mean over a batch', () => {
    const x = tensor(
      [
        [1, 2, 3],
        [0.5, -1, 2],
      ],
      { dtype: 'float64', requiresGrad: true },
    );
    crossEntropy(x, tensor([2, 0])).backward();
    const p = softmax(x.detach(), 1).data;
    const expected = [p[0] / 2, p[1] / 2, (p[2] - 1) / 2, (p[3] - 1) / 2, p[4] / 2, p[5] / 2];
    expectClose(x.grad!.data, expected, { atol: 1e-15, rtol: 1e-12 });
  });

  it('has a grad_fn only when the input requires grad', () => {
    const t = tensor([0]);
    expect(crossEntropy(tensor([[1, 2]], { dtype: 'float32' }), t).gradFn).toBeNull();
    expect(crossEntropy(tensor([[1, 2]], { dtype: 'float32', requiresGrad: true }), t).gradFn?.name).toBe(
      'NllLossBackward0',
    );
  });

  it('accumulates into .grad across two backward calls, as PyTorch', () => {
    const x = tensor([[0.5, 1.5]], { requiresGrad: true });
    crossEntropy(x, tensor([1])).backward();
    const once = Array.from(x.grad!.data);
    crossEntropy(x, tensor([1])).backward();
    expectClose(
      x.grad!.data,
      once.map((v) => 2 * v),
      { atol: 1e-7, rtol: 0 },
    );
  });
});

describe('crossEntropy on large inputs (the one-pass kernel, above MIRROR_LIMIT elements)', () => {
  // Reference: the textbook two-pass formula with Math.exp/Math.log, per position.
  function reference(
    x: Float32Array | Float64Array,
    t: ArrayLike<number>,
    N: number,
    C: number,
    S: number,
  ): number {
    let total = 0;
    for (let n = 0; n < N; n++) {
      for (let s = 0; s < S; s++) {
        let m = -Infinity;
        for (let c = 0; c < C; c++) m = Math.max(m, x[(n * C + c) * S + s]);
        let sum = 0;
        for (let c = 0; c < C; c++) sum += Math.exp(x[(n * C + c) * S + s] - m);
        total += m + Math.log(sum) - x[(n * C + t[n * S + s]) * S + s];
      }
    }
    return total / (N * S);
  }

  it('uses the fused path here (inputs larger than MIRROR_LIMIT)', () => {
    expect(3 * 5 * 5000).toBeGreaterThan(MIRROR_LIMIT);
    expect(12000 * 7).toBeGreaterThan(MIRROR_LIMIT);
  });

  it('matches the reference across block boundaries (S = 5000 > the 2048 block)', () => {
    const N = 3;
    const C = 5;
    const S = 5000;
    const x = new Float64Array(N * C * S).map((_, i) => Math.sin(i * 12.9898) * 8);
    const t = new Float64Array(N * S).map((_, i) => (i * 7) % C);
    const loss = crossEntropy(
      new Tensor(x, [N, C, 100, 50], 'float64'),
      new Tensor(t, [N, 100, 50], 'int64'),
    );
    expectClose(loss.item(), reference(x, t, N, C, S), { atol: 0, rtol: 1e-13 });
  });

  it('matches the reference for many rows (N = 12000, the row path)', () => {
    const N = 12000;
    const C = 7;
    const x = new Float32Array(N * C).map((_, i) => Math.cos(i * 3.7) * 20);
    const t = new Float64Array(N).map((_, i) => (i * 3) % C);
    const loss = crossEntropy(new Tensor(x, [N, C], 'float32'), new Tensor(t, [N], 'int64'));
    expectClose(loss.item(), reference(x, t, N, C, 1), { atol: 0, rtol: 1e-6 });
  });

  it('reports the first out-of-bounds target in memory order, as PyTorch', () => {
    const N = 2;
    const C = 4;
    const S = 10000;
    const x = new Tensor(new Float32Array(N * C * S), [N, C, S], 'float32');
    const t = new Float64Array(N * S);
    t[S + 5] = 7;
    t[S + 9] = -3;
    expect(() => crossEntropy(x, new Tensor(t, [N, S], 'int64'))).toThrow(
      'Target 7 is out of bounds. Found at target[1, 5]; class indices must be in [0, 3] (C = 4) or equal ignoreIndex (-100)',
    );
  });

  it('stays exact where a logit is 1000 above the first class (the overflow fallback)', () => {
    // e^(x_c - x_0) overflows for both rows; the max-shifted recomputation gives
    // lse = 500 (+ e^-500, below double resolution) and lse = 1000.
    const rows = 12000;
    const data = new Float64Array(rows * 3);
    data.set([-500, 500, 0, 0, 0, 1000]);
    const x = new Tensor(data, [rows, 3], 'float64', { requiresGrad: true });
    const t = new Float64Array(rows);
    t[0] = 1;
    const loss = crossEntropy(x, new Tensor(t, [rows], 'int64'), { reduction: 'none' });
    expectClose(loss.data.slice(0, 2), [0, 1000], { atol: 0, rtol: 0 });
    loss.backward(new Tensor(new Float64Array(rows).fill(1), [rows], 'float64'));
    expectClose(x.grad!.data.slice(0, 6), [0, 0, Math.exp(-500), -1, 0, 1], { atol: 0, rtol: 1e-12 });
  });

  // The fused path must agree with the mirrored one (PyTorch's steps, checked against the
  // fixtures) on every option, on NaN / ±inf / extreme logits, values and gradients.
  for (const dtype of ['float32', 'float64'] as const) {
    for (const options of [
      {},
      { reduction: 'none' as const },
      { reduction: 'sum' as const, weight: true, ignoreIndex: 2 },
      { labelSmoothing: 0.2, weight: true, ignoreIndex: -1 },
      { labelSmoothing: 0.3, reduction: 'none' as const },
      { probabilities: true, weight: true, labelSmoothing: 0.1 },
      { probabilities: true, reduction: 'none' as const },
    ]) {
      it(`agrees with the mirrored path: ${dtype} ${JSON.stringify(options)}`, () => {
        const N = 40;
        const C = 5;
        const S = 400; // 80000 elements per call; each sample alone (2000) takes the mirrored path
        const x = new Float64Array(N * C * S).map((_, i) => Math.sin(i * 1.618) * 6);
        x[7] = NaN;
        x[S + 3] = Infinity;
        x[2 * S + 9] = -Infinity;
        x[C * S + 11] = 1e4;
        x[C * S + S + 11] = -1e4;
        const t = new Float64Array(N * S).map((_, i) => ((i * 13) % (C + 1)) - 1); // -1 .. C-1
        t[9] = 2; // the -inf logit is the target there: loss +Infinity
        const weightTensor = options.weight
          ? new Tensor(Float64Array.from([0.5, 1, 2, 0.25, 1.5]), [C], dtype)
          : undefined;
        const makeTarget = (n0: number, n: number): Tensor => {
          if (options.probabilities) {
            const p = new Float64Array(n * C * S).map((_, i) => Math.abs(Math.cos(i + n0 * C * S)));
            return new Tensor(dtype === 'float32' ? Float32Array.from(p) : p, [n, C, S], dtype);
          }
          const tt = t
            .slice(n0 * S, (n0 + n) * S)
            .map((v) => (v === -1 && options.ignoreIndex !== -1 ? 0 : v));
          return new Tensor(tt, [n, S], 'int64');
        };
        const ceOptions: CrossEntropyOptions = {
          reduction: options.reduction ?? 'mean',
          weight: weightTensor,
          ignoreIndex: options.probabilities ? undefined : options.ignoreIndex,
          labelSmoothing: options.labelSmoothing,
        };
        const store = (v: Float64Array): Float32Array | Float64Array =>
          dtype === 'float32' ? Float32Array.from(v) : v;
        const whole = new Tensor(store(x), [N, C, S], dtype, { requiresGrad: true });
        const fused = crossEntropy(whole, makeTarget(0, N), { ...ceOptions, reduction: 'none' });
        const g = new Tensor(store(new Float64Array(N * S).map((_, i) => Math.cos(i))), [N, S], dtype);
        fused.backward(g);
        const tol = dtype === 'float32' ? { atol: 1e-5, rtol: 1e-5 } : { atol: 1e-12, rtol: 1e-11 };
        for (let n = 0; n < N; n++) {
          const part = new Tensor(store(x.slice(n * C * S, (n + 1) * C * S)), [1, C, S], dtype, {
            requiresGrad: true,
          });
          const mirrored = crossEntropy(part, makeTarget(n, 1), { ...ceOptions, reduction: 'none' });
          mirrored.backward(new Tensor(g.data.slice(n * S, (n + 1) * S), [1, S], dtype));
          expectClose(fused.data.slice(n * S, (n + 1) * S), mirrored.data, tol, `loss of sample ${n}`);
          expectClose(
            whole.grad!.data.slice(n * C * S, (n + 1) * C * S),
            part.grad!.data,
            tol,
            `grad of sample ${n}`,
          );
        }
        // a NaN logit at a counted position makes the reduced loss NaN, as in PyTorch
        if (options.reduction === 'sum' || options.reduction === undefined) {
          const reduced = crossEntropy(new Tensor(store(x), [N, C, S], dtype), makeTarget(0, N), ceOptions);
          expect(Number.isNaN(reduced.item())).toBe(true);
        }
      });
    }
  }
});
