import { describe, expect, it } from 'vitest';
import { Tensor, tensor, nllLoss, logSoftmax } from '../../src/loss/index.ts';
import { expectClose } from '../helpers/close.ts';
import { describeLossFixtures } from '../helpers/loss-fixture-suites.ts';

describeLossFixtures('nllLoss', 'loss-nll.json', {
  covers: 'the configurations of common_nn.py and the edge cases',
  atLeast: 50,
});

describe('nllLoss by hand', () => {
  it('picks -input[target], weighted, and the weighted mean divides by the summed weights', () => {
    const logp = tensor(
      [
        [-0.5, -1.0, -2.0],
        [-3.0, -0.25, -1.5],
      ],
      { dtype: 'float64' },
    );
    const t = tensor([2, 1]);
    const w = tensor([1, 2, 4], { dtype: 'float64' });
    expectClose(nllLoss(logp, t, { reduction: 'none' }).data, [2.0, 0.25], { atol: 0, rtol: 0 });
    expectClose(nllLoss(logp, t, { weight: w, reduction: 'none' }).data, [8.0, 0.5], { atol: 0, rtol: 0 });
    expectClose(nllLoss(logp, t, { weight: w }).item(), (8.0 + 0.5) / (4 + 2), { atol: 0, rtol: 1e-15 });
    expectClose(nllLoss(logp, t, { weight: w, reduction: 'sum' }).item(), 8.5, { atol: 0, rtol: 0 });
  });

  it('ignored targets add nothing and do not count in the mean', () => {
    const logp = tensor(
      [
        [-1, -2],
        [-3, -4],
        [-5, -6],
      ],
      { dtype: 'float64' },
    );
    expectClose(nllLoss(logp, tensor([0, -100, 1])).item(), (1 + 6) / 2, { atol: 0, rtol: 0 });
    expectClose(nllLoss(logp, tensor([0, 1, 1]), { ignoreIndex: 1 }).item(), 1, { atol: 0, rtol: 0 });
  });

  it('all targets ignored: mean is NaN, sum is 0, and the gradient is 0', () => {
    const x = tensor([[-1, -2]], { dtype: 'float64', requiresGrad: true });
    const mean = nllLoss(x, tensor([-100]));
    expect(Number.isNaN(mean.item())).toBe(true);
    mean.backward();
    expectClose(x.grad!.data, [0, 0], { atol: 0, rtol: 0 });
    expect(nllLoss(x, tensor([-100]), { reduction: 'sum' }).item()).toBe(0);
  });

  it('prints the grad_fn PyTorch 1.13 prints for each rank and reduction', () => {
    const names = (shape: number[], reduction: 'mean' | 'sum' | 'none'): string => {
      const n = shape.reduce((a, b) => a * b, 1);
      const x = tensor(
        Array.from({ length: n }, (_, i) => -i / n),
        { shape, requiresGrad: true },
      );
      const tShape = shape.length === 1 ? [] : [shape[0], ...shape.slice(2)];
      const t = tensor(new Array(tShape.reduce((a, b) => a * b, 1)).fill(0), { shape: tShape });
      return nllLoss(x, t, { reduction }).gradFn!.name;
    };
    expect(names([3], 'mean')).toBe('NllLossBackward0');
    expect(names([2, 3], 'none')).toBe('NllLossBackward0');
    expect(names([2, 3, 4], 'mean')).toBe('NllLoss2DBackward0');
    expect(names([2, 3, 4], 'none')).toBe('ViewBackward0');
    expect(names([2, 3, 2, 2], 'none')).toBe('NllLoss2DBackward0');
    expect(names([2, 3, 2, 2, 2], 'sum')).toBe('NllLoss2DBackward0');
    expect(names([2, 3, 2, 2, 2], 'none')).toBe('ViewBackward0');
  });

  it('composes with logSoftmax and backpropagates through both', () => {
    const x = tensor([[1, 2, 3]], { dtype: 'float64', requiresGrad: true });
    nllLoss(logSoftmax(x, 1), tensor([0])).backward();
    const e = [Math.exp(1), Math.exp(2), Math.exp(3)];
    const z = e[0] + e[1] + e[2];
    expectClose(x.grad!.data, [e[0] / z - 1, e[1] / z, e[2] / z], { atol: 1e-15, rtol: 1e-13 });
  });
});

describe('nllLoss on large inputs (double-precision sums above MIRROR_LIMIT)', () => {
  it('equals the sum of its parts, weighted and with ignored targets', () => {
    const N = 40000;
    const C = 3;
    const logp = new Float64Array(N * C).map((_, i) => -Math.abs(Math.sin(i)) * 4);
    const t = new Float64Array(N).map((_, i) => (i % 7 === 0 ? -100 : i % C));
    const w = tensor([0.5, 2, 1], { dtype: 'float64' });
    const whole = nllLoss(new Tensor(logp, [N, C], 'float64'), new Tensor(t, [N], 'int64'), { weight: w });
    let num = 0;
    let den = 0;
    for (let i = 0; i < N; i++) {
      if (t[i] === -100) continue;
      num += -logp[i * C + t[i]] * w.data[t[i]];
      den += w.data[t[i]];
    }
    expectClose(whole.item(), num / den, { atol: 0, rtol: 1e-12 });
  });
});
