import { describe, it } from 'vitest';
import { tensor, binaryCrossEntropyWithLogits, binaryCrossEntropy } from '../../src/loss/index.ts';
import { expectClose } from '../helpers/close.ts';
import { describeLossFixtures } from '../helpers/loss-fixture-suites.ts';

describeLossFixtures('binaryCrossEntropyWithLogits', 'loss-binary-cross-entropy-with-logits.json', {
  covers: 'the BCEWithLogitsLoss configurations of common_nn.py, posWeight and extremes',
  atLeast: 30,
});

describe('binaryCrossEntropyWithLogits by hand', () => {
  it('equals binaryCrossEntropy(sigmoid(x)) where that is accurate', () => {
    const xs = [-3, -0.5, 0, 0.25, 2.5];
    const ys = [0, 1, 0.5, 1, 0];
    const sig = xs.map((v) => 1 / (1 + Math.exp(-v)));
    const a = binaryCrossEntropyWithLogits(
      tensor(xs, { dtype: 'float64' }),
      tensor(ys, { dtype: 'float64' }),
    );
    const b = binaryCrossEntropy(tensor(sig, { dtype: 'float64' }), tensor(ys, { dtype: 'float64' }));
    expectClose(a.item(), b.item(), { atol: 0, rtol: 1e-14 });
  });

  it('is exact for logits of size 1e4, where sigmoid then log would give Infinity', () => {
    const x = tensor([1e4, -1e4, 1e4, -1e4], { dtype: 'float64', requiresGrad: true });
    const y = tensor([0, 1, 1, 0], { dtype: 'float64' });
    const loss = binaryCrossEntropyWithLogits(x, y, { reduction: 'none' });
    expectClose(loss.data, [1e4, 1e4, 0, 0], { atol: 0, rtol: 0 });
    loss.backward(tensor([1, 1, 1, 1], { dtype: 'float64' }));
    expectClose(x.grad!.data, [1, -1, 0, 0], { atol: 0, rtol: 0 });
  });

  it('weighs positives by posWeight along the last dim', () => {
    const x = tensor(
      [
        [0, 0],
        [0, 0],
      ],
      { dtype: 'float64' },
    );
    const y = tensor(
      [
        [1, 1],
        [0, 1],
      ],
      { dtype: 'float64' },
    );
    const pw = tensor([1, 3], { dtype: 'float64' });
    const loss = binaryCrossEntropyWithLogits(x, y, { posWeight: pw, reduction: 'none' });
    expectClose(loss.data, [Math.LN2, 3 * Math.LN2, Math.LN2, 3 * Math.LN2], { atol: 0, rtol: 1e-15 });
  });
});
