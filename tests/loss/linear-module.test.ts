import { expect, test } from 'vitest';
import { manualSeed, nn, tensor } from '../../src/loss/index.ts';

test('nn.Linear: uniform(-1/√in, 1/√in) weights from the seeded generator, reproducible, PyTorch repr', () => {
  manualSeed(0);
  const a = nn.Linear(4, 3);
  manualSeed(0);
  const b = new nn.Linear(4, 3);
  expect(Array.from(a.weight.data)).toEqual(Array.from(b.weight.data));
  for (const v of [...a.weight.data, ...a.bias!.data]) expect(Math.abs(v)).toBeLessThanOrEqual(0.5);
  expect(String(a)).toBe('Linear(in_features=4, out_features=3, bias=True)');
  expect(String(nn.Linear(2, 1, { bias: false }))).toBe('Linear(in_features=2, out_features=1, bias=False)');
  expect(a.parameters()).toEqual([a.weight, a.bias]);
});

test('weights set by hand print as PyTorch Parameters; the layer computes x·Wᵀ + b', () => {
  const layer = nn.Linear(2, 1);
  layer.weight = nn.Parameter(tensor([[0.5, -0.25]], { dtype: 'float32' }));
  layer.bias = nn.Parameter(tensor([1], { dtype: 'float32' }));
  expect(String(layer.weight)).toBe(
    'Parameter containing:\ntensor([[ 0.5000, -0.2500]], requires_grad=True)',
  );
  const y = layer(tensor([[2, 4]], { dtype: 'float32' }));
  expect(y.toString()).toBe('tensor([[1.]], grad_fn=<AddmmBackward0>)');
  y.sum().backward();
  expect(layer.weight.grad!.tolist()).toEqual([[2, 4]]);
  layer.zeroGrad();
  expect(layer.weight.grad!.tolist()).toEqual([[0, 0]]);
  layer.bias = null;
  expect(layer(tensor([[2, 4]], { dtype: 'float32' })).item()).toBe(0);
});
