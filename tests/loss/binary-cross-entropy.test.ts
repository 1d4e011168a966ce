import { describe, expect, it } from 'vitest';
import { tensor, binaryCrossEntropy } from '../../src/loss/index.ts';
import { expectClose } from '../helpers/close.ts';
import { describeLossFixtures } from '../helpers/loss-fixture-suites.ts';

describeLossFixtures('binaryCrossEntropy', 'loss-binary-cross-entropy.json', {
  covers: 'the BCELoss configurations of common_nn.py and the clamp',
  atLeast: 20,
});

describe('binaryCrossEntropy by hand', () => {
  it('is -(y log x + (1 - y) log(1 - x)), weighted', () => {
    const x = tensor([0.9, 0.2], { dtype: 'float64' });
    const y = tensor([1, 0], { dtype: 'float64' });
    const w = tensor([2, 0.5], { dtype: 'float64' });
    const none = binaryCrossEntropy(x, y, { weight: w, reduction: 'none' });
    expectClose(none.data, [-2 * Math.log(0.9), -0.5 * Math.log(0.8)], { atol: 0, rtol: 1e-15 });
  });

  it('clamps each log at -100, so x = 0 or 1 gives at most 100 and never NaN', () => {
    const x = tensor([0, 1, 0, 1], { dtype: 'float64', requiresGrad: true });
    const y = tensor([1, 0, 0, 1], { dtype: 'float64' });
    const loss = binaryCrossEntropy(x, y, { reduction: 'none' });
    expectClose(loss.data, [100, 100, 0, 0], { atol: 0, rtol: 0 });
    loss.backward(tensor([1, 1, 1, 1], { dtype: 'float64' }));
    // PyTorch 1.13: x.grad = [-1000000003995.8029, 1000000003995.8029, 0, 0], i.e. ±1 / fround(1e-12):
    // ATen's EPSILON is a float even for float64 inputs.
    expectClose(x.grad!.data, [-1 / Math.fround(1e-12), 1 / Math.fround(1e-12), 0, 0], {
      atol: 0,
      rtol: 1e-15,
    });
    expectClose(x.grad!.data, [-1000000003995.8029, 1000000003995.8029, 0, 0], { atol: 0, rtol: 1e-15 });
  });

  it('says which element is out of [0, 1]', () => {
    expect(() =>
      binaryCrossEntropy(
        tensor([
          [0.5, 0.1],
          [2, 0.3],
        ]),
        tensor(
          [
            [0, 1],
            [1, 0],
          ],
          { dtype: 'float32' },
        ),
      ),
    ).toThrow(/all elements of input should be between 0 and 1: .*input\[1, 0\] is 2/);
  });
});
