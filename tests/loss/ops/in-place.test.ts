import { expect, test } from 'vitest';
import { noGrad, tensor } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';
import { loadFixture } from '../../helpers/tensor-fixtures.ts';

describeOpFixtures('in-place ops', ['add_', 'sub_', 'mul_', 'zero_', 'copy_', 'requiresGrad_', 'retainGrad']);

const scenarios = loadFixture<{ scenarios: { name: string; torchMessage: string }[] }>(
  'tensor-training.json',
).scenarios;
/** PyTorch's message up to its anomaly-detection hint (ours gives another hint). */
const torchMessage = (name: string) =>
  scenarios.find((s) => s.name === name)!.torchMessage.split(' Hint:')[0];

test('an update under noGrad changes the leaf in place, bumps its version and records no graph', () => {
  const w = tensor([1, 2], { dtype: 'float32', requiresGrad: true });
  noGrad(() => w.sub_(tensor([2, 4], { dtype: 'float32' }), { alpha: 0.5 }));
  expect(w.tolist()).toEqual([0, 0]);
  expect(w._version).toBe(1);
  expect(w.isLeaf && w.requiresGrad).toBe(true);
});

test("backward() after an in-place change of a saved input throws PyTorch's error", () => {
  const q = tensor([1, 2, 3], { dtype: 'float32', requiresGrad: true });
  const s = q.mul(q).sum();
  noGrad(() => q.mul_(2));
  expect(() => s.backward()).toThrow(torchMessage('backward after an in-place change of a saved input'));
});

test("backward() after an in-place change of a saved output throws PyTorch's error", () => {
  const q = tensor([1, 2, 3], { dtype: 'float32', requiresGrad: true });
  const z = q.exp();
  const s = z.sum();
  noGrad(() => z.mul_(2));
  expect(() => s.backward()).toThrow(torchMessage('backward after an in-place change of a saved output'));
});

test('an input of an op that saves nothing (add) may change: backward works, as in PyTorch', () => {
  const q = tensor([1, 2, 3], { dtype: 'float32', requiresGrad: true });
  const s = q.add(1).sum();
  noGrad(() => q.mul_(2));
  s.backward();
  expect(q.grad!.tolist()).toEqual([1, 1, 1]);
});

test('outside noGrad, in-place ops on graph tensors are refused with the out-of-place op named', () => {
  const q = tensor([1, 2], { dtype: 'float32', requiresGrad: true });
  expect(() => q.exp().add_(1)).toThrow(/use the out-of-place add\(\.\.\.\)/);
  expect(() => tensor([0, 0], { dtype: 'float32' }).add_(q)).toThrow(/does not record in-place ops/);
});

test('retainGrad keeps the gradient of a non-leaf: dL/dz = softmax(z) - y for cross-entropy logits', () => {
  const x = tensor([[1, 2]], { dtype: 'float32', requiresGrad: true });
  const z = x.mul(2).retainGrad();
  z.sum().backward();
  expect(z.grad!.tolist()).toEqual([[1, 1]]);
  expect(x.grad!.tolist()).toEqual([[2, 2]]);
});
