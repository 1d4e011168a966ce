import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { crossEntropy, klDiv, logSoftmax, nn, softmax, tensor } from '../../src/loss/index.ts';
import { describeLossFixtures } from '../helpers/loss-fixture-suites.ts';
import { expectClose } from '../helpers/close.ts';

describeLossFixtures('klDiv', 'loss-kl-div.json', {
  covers: "every reduction incl. 'batchmean', logTarget, zeros, nan, broadcasting, float64, 0-d, empty",
  atLeast: 60,
  errorsAtLeast: 3,
});

// PyTorch's UserWarnings go to console.warn; the fixture cases need not print them.
beforeEach(() => void vi.spyOn(console, 'warn').mockImplementation(() => {}));
afterEach(() => vi.restoreAllMocks());

test("reduction 'mean' warns as PyTorch 1.13 does, once; 'batchmean' does not", async () => {
  vi.resetModules();
  const fresh = await import('../../src/loss/index.ts');
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const x = fresh.tensor([[-1.2, -0.4]], { dtype: 'float32' });
  const y = fresh.tensor([[0.3, 0.7]], { dtype: 'float32' });
  fresh.klDiv(x, y, { reduction: 'batchmean' });
  expect(warn).not.toHaveBeenCalled();
  fresh.klDiv(x, y);
  fresh.nn.KLDivLoss()(x, y);
  expect(warn).toHaveBeenCalledTimes(1);
  expect(String(warn.mock.calls[0][0])).toMatch(
    /^UserWarning: reduction: 'mean' divides the total loss by both the batch size and the support size\./,
  );
});

test('KL(y ‖ q) = H(y, q) - H(y): batchmean KL plus the target entropy is cross-entropy (float64, 1e-12)', () => {
  const z = tensor(
    [
      [2, -1, 0.5],
      [0, 0, 3],
    ],
    { dtype: 'float64' },
  );
  const y = softmax(
    tensor(
      [
        [1, 0, -1],
        [0.5, 0.5, 2],
      ],
      { dtype: 'float64' },
    ),
    1,
  );
  const kl = klDiv(logSoftmax(z, 1), y, { reduction: 'batchmean' }).item();
  const entropy = -y.mul(y.log()).sum().item() / 2;
  expectClose(kl + entropy, crossEntropy(z, y).item(), { atol: 1e-12, rtol: 1e-12 });
  expect(nn.KLDivLoss({ reduction: 'batchmean', logTarget: true }).logTarget).toBe(true);
  expect(() => nn.KLDivLoss({ reduction: 'avg' as never })).toThrow(
    "'avg' is not a valid value for reduction in nn.KLDivLoss: use 'mean', 'batchmean', 'sum' or 'none'",
  );
});
