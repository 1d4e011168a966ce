import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { mseLoss, nn, sigmoid, tensor } from '../../src/loss/index.ts';
import { describeLossFixtures } from '../helpers/loss-fixture-suites.ts';

describeLossFixtures('mseLoss', 'loss-mse.json', {
  covers: 'every reduction, 0-d to 4-d, float64, broadcasting, nan/inf, empty, mixed dtypes',
  atLeast: 35,
  errorsAtLeast: 2,
});

// PyTorch's UserWarnings go to console.warn; the fixture cases need not print them.
beforeEach(() => void vi.spyOn(console, 'warn').mockImplementation(() => {}));
afterEach(() => vi.restoreAllMocks());

test("a target of another shape broadcasts, with PyTorch's warning on console.warn", () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const out = mseLoss(tensor([[1], [2]], { dtype: 'float32' }), tensor([1, 2], { dtype: 'float32' }));
  expect(out.item()).toBe(0.5);
  expect(warn.mock.calls.flat().join('\n')).toContain(
    'UserWarning: Using a target size (torch.Size([2])) that is different to the input size (torch.Size([2, 1])).',
  );
});

test('on probabilities the MSE gradient vanishes for a confident mistake, cross-entropy-style p - y does not', () => {
  const z = tensor([-8], { dtype: 'float32', requiresGrad: true });
  mseLoss(sigmoid(z), tensor([1], { dtype: 'float32' })).backward();
  // d/dz (σ(z) - 1)² = 2(σ - 1)σ(1 - σ) ≈ -6.7e-4, while σ - y ≈ -1.
  expect(Math.abs(z.grad!.item())).toBeLessThan(1e-3);
  expect(nn.MSELoss({ reduction: 'sum' }).toString()).toBe('MSELoss()');
});
