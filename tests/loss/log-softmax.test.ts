import { describe, it } from 'vitest';
import { Tensor, tensor, logSoftmax } from '../../src/loss/index.ts';
import { expectClose } from '../helpers/close.ts';
import { describeLossFixtures } from '../helpers/loss-fixture-suites.ts';

describeLossFixtures('logSoftmax', 'loss-softmax.json', {
  covers: 'every dim, 0-d, float64, non-finite and empty inputs',
  atLeast: 15,
});

describe('logSoftmax by hand', () => {
  it('is x - log Σ exp(x), finite where softmax underflows', () => {
    const y = logSoftmax(tensor([0, -800, -1e4], { dtype: 'float64' }), 0).data;
    expectClose(y, [0, -800, -1e4], { atol: 0, rtol: 1e-15 });
  });

  it('a -Infinity logit gives -Infinity, the others stay finite', () => {
    const y = logSoftmax(tensor([-Infinity, 0, 0], { dtype: 'float64' }), 0).data;
    expectClose(y, [-Infinity, -Math.LN2, -Math.LN2], { atol: 0, rtol: 1e-15 });
  });
});

describe('logSoftmax on large inputs (the one-pass kernel) agrees with the mirrored path', () => {
  for (const dtype of ['float32', 'float64'] as const) {
    for (const shape of [
      [8, 5, 2000],
      [16000, 5],
    ]) {
      it(`${dtype} shape [${shape.join(', ')}] dim 1`, () => {
        const n = shape.reduce((a, b) => a * b, 1);
        const values = new Float64Array(n).map((_, i) => Math.sin(i * 2.3) * 7);
        values[3] = -Infinity;
        values[11] = NaN;
        values[n - 1] = 1e4;
        const store = dtype === 'float32' ? Float32Array.from(values) : values;
        const x = new Tensor(store, shape, dtype, { requiresGrad: true });
        const y = logSoftmax(x, 1);
        const gv = new Float64Array(n).map((_, i) => Math.cos(i));
        const g = new Tensor(dtype === 'float32' ? Float32Array.from(gv) : gv, shape, dtype);
        y.backward(g);
        const tol = dtype === 'float32' ? { atol: 1e-5, rtol: 1e-5 } : { atol: 1e-12, rtol: 1e-12 };
        const step = n / shape[0];
        for (let o = 0; o < shape[0]; o += 997) {
          const part = new Tensor(store.slice(o * step, (o + 1) * step), [1, ...shape.slice(1)], dtype, {
            requiresGrad: true,
          });
          const ref = logSoftmax(part, 1);
          ref.backward(new Tensor(g.data.slice(o * step, (o + 1) * step), [1, ...shape.slice(1)], dtype));
          expectClose(y.data.slice(o * step, (o + 1) * step), ref.data, tol);
          expectClose(x.grad!.data.slice(o * step, (o + 1) * step), part.grad!.data, tol);
        }
      });
    }
  }
});

describe('logSoftmax uses PyTorch 1.13 float32 exp (SLEEF), bit for bit', () => {
  it('a row where a correctly rounded exp changes the last bit', () => {
    // torch.log_softmax(tensor([[-0.02600995823740959, -0.5677530765533447],
    //                           [-0.0051958514377474785, 0.7713869214057922]]), 1).tolist()
    const x = tensor([
      [-0.02600995823740959, -0.5677530765533447],
      [-0.0051958514377474785, 0.7713869214057922],
    ]);
    const expected = [-0.45852130651474, -1.0002644062042236, -1.155002236366272, -0.3784194886684418];
    expectClose(logSoftmax(x, 1).data, expected, { atol: 0, rtol: 0 });
  });
  it("a row where a correctly rounded log changes the last bit (PyTorch's log is SLEEF's too)", () => {
    // torch.log_softmax(tensor([[-0.2308875024318695, 0.6989844441413879]]), 1).tolist():
    // log(1.3946042) is 0.33261067 in SLEEF, 0.33261064 correctly rounded.
    const x = tensor([[-0.2308875024318695, 0.6989844441413879]]);
    expectClose(logSoftmax(x, 1).data, [-1.2624826431274414, -0.3326106667518616], { atol: 0, rtol: 0 });
  });
});
