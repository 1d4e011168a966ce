import { describe, it } from 'vitest';
import { Tensor, tensor, softmax } from '../../src/loss/index.ts';
import { expectClose } from '../helpers/close.ts';
import { describeLossFixtures } from '../helpers/loss-fixture-suites.ts';

describeLossFixtures('softmax', 'loss-softmax.json', {
  covers: 'every dim, 0-d, float64, non-finite and empty inputs',
  atLeast: 15,
});

describe('softmax by hand', () => {
  it('sums to 1 along dim and matches exp(x)/Σexp(x)', () => {
    const x = tensor(
      [
        [1, 2, 3],
        [-1, 0, 1],
      ],
      { dtype: 'float64' },
    );
    const y = softmax(x, 1).data;
    const z = Math.exp(1) + Math.exp(2) + Math.exp(3);
    expectClose(y.slice(0, 3), [Math.exp(1) / z, Math.exp(2) / z, Math.exp(3) / z], { atol: 0, rtol: 1e-15 });
    expectClose(y[3] + y[4] + y[5], 1, { atol: 1e-15, rtol: 0 });
  });

  it('does not overflow for logits near 1e4', () => {
    const y = softmax(tensor([1e4, 1e4 - Math.LN2], { dtype: 'float64' }), 0).data;
    expectClose(y, [2 / 3, 1 / 3], { atol: 0, rtol: 1e-12 });
  });

  it('handles a slice longer than one block (5000 positions)', () => {
    const n = 5000;
    const data = Array.from({ length: 2 * n }, (_, i) => Math.sin(i) * 30);
    const y = softmax(tensor(data, { dtype: 'float64', shape: [2, n] }), 0).data;
    for (let s = 0; s < n; s += 997) {
      const a = Math.exp(data[s]);
      const b = Math.exp(data[n + s]);
      expectClose([y[s], y[n + s]], [a / (a + b), b / (a + b)], { atol: 1e-300, rtol: 1e-13 });
    }
  });
});

describe('softmax on large inputs (the one-pass kernel) agrees with the mirrored path', () => {
  for (const dtype of ['float32', 'float64'] as const) {
    for (const [shape, dim] of [
      [[8, 5, 2000], 1],
      [[16000, 5], 1],
      [[5, 16000], 0],
    ] as [number[], number][]) {
      it(`${dtype} shape [${shape.join(', ')}] dim ${dim}`, () => {
        const n = shape.reduce((a, b) => a * b, 1);
        const values = new Float64Array(n).map((_, i) => Math.sin(i * 2.3) * 7);
        values[3] = -Infinity;
        values[n - 1] = 1e4;
        const store = dtype === 'float32' ? Float32Array.from(values) : values;
        const x = new Tensor(store, shape, dtype, { requiresGrad: true });
        const y = softmax(x, dim);
        const g = new Tensor(
          dtype === 'float32'
            ? new Float32Array(n).map((_, i) => Math.cos(i))
            : new Float64Array(n).map((_, i) => Math.cos(i)),
          shape,
          dtype,
        );
        y.backward(g);
        // Reference: the same op on each slice along dim 0 (small enough to be mirrored).
        const tol = dtype === 'float32' ? { atol: 1e-6, rtol: 1e-5 } : { atol: 1e-14, rtol: 1e-12 };
        const outer = shape[0];
        const step = n / outer;
        if (dim === 0) {
          for (let s = 0; s < step; s += 1999) {
            const col = Array.from({ length: outer }, (_, o) => store[o * step + s]);
            const ref = softmax(
              new Tensor(
                dtype === 'float32' ? Float32Array.from(col) : Float64Array.from(col),
                [outer],
                dtype,
              ),
              0,
            );
            expectClose(
              Array.from({ length: outer }, (_, o) => y.data[o * step + s]),
              ref.data,
              tol,
            );
          }
          return;
        }
        for (let o = 0; o < outer; o += 997) {
          const part = new Tensor(store.slice(o * step, (o + 1) * step), [1, ...shape.slice(1)], dtype, {
            requiresGrad: true,
          });
          const ref = softmax(part, dim);
          ref.backward(new Tensor(g.data.slice(o * step, (o + 1) * step), [1, ...shape.slice(1)], dtype));
          expectClose(y.data.slice(o * step, (o + 1) * step), ref.data, tol);
          expectClose(x.grad!.data.slice(o * step, (o + 1) * step), part.grad!.data, tol);
        }
      });
    }
  }
});

describe('softmax prints the float32 bits PyTorch 1.13 computes', () => {
  it('along a dim other than the last it divides by the sum (the last-dim kernel multiplies by 1/sum)', () => {
    // torch.softmax(b, 0).flatten().tolist(); e * (1 / sum) would give 0.12746205925941467 at [6]
    const b = tensor([
      [
        [0.5, -1.25],
        [2.0, 0.75],
      ],
      [
        [-0.5, 1.5],
        [0.125, -2.0],
      ],
      [
        [1.0, 0.25],
        [-1.0, 3.0],
      ],
    ]);
    const expected = [
      0.3314989507198334, 0.04733879864215851, 0.8311570286750793, 0.09477178007364273, 0.12195165455341339,
      0.7405034303665161, 0.12746207416057587, 0.0060585574246943, 0.546549379825592, 0.21215778589248657,
      0.0413808710873127, 0.8991696238517761,
    ];
    expectClose(softmax(b, 0).data, expected, { atol: 0, rtol: 0 });
  });
});
