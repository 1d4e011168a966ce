import { describe, expect, test } from 'vitest';
import { crossEntropy, logSoftmax, softmax, tensor } from '../../src/loss/index.ts';
import { expectClose } from '../helpers/close.ts';

const logits = () =>
  tensor(
    [
      [1.5, -0.5, 0.25],
      [0.5, 2.5, -1.5],
    ],
    { requiresGrad: true },
  );
const SECOND_TIME = /^Trying to backward through the graph a second time/;

describe('a second backward() through the same graph (PyTorch 1.13 without retain_graph)', () => {
  test('throws when the graph saved tensors, naming the first node PyTorch would fail at', () => {
    const x = logits();
    const loss = crossEntropy(x, tensor([0, 2]));
    loss.backward();
    const once = Array.from(x.grad!.data);
    expect(() => loss.backward()).toThrow(SECOND_TIME);
    // The failed call left .grad alone (PyTorch would not double it either).
    expectClose(x.grad!.data, once, { atol: 0, rtol: 0 });

    const chain = logSoftmax(logits(), 1)
      .gather(1, tensor([[0], [2]]))
      .mean();
    chain.backward();
    expect(() => chain.backward()).toThrow(/a second time .*: GatherBackward0 of a tensor of shape \[2, 1\]/);

    // Fused nodes named AddBackward0 / DivBackward1 stand for graphs with a LogSoftmaxBackward0.
    const fusedLosses = [
      crossEntropy(logits(), tensor([0, 2]), { labelSmoothing: 0.1 }),
      crossEntropy(logits(), softmax(logits().detach(), 1)),
    ];
    for (const fused of fusedLosses) {
      fused.backward();
      expect(() => fused.backward()).toThrow(SECOND_TIME);
    }
  });

  test('runs again, accumulating, through nodes that save no tensor (x.sum() twice gives 2)', () => {
    const x = logits();
    const s = x.permute(1, 0).reshape(-1).sum();
    s.backward();
    s.backward();
    expectClose(x.grad!.data, [2, 2, 2, 2, 2, 2], { atol: 0, rtol: 0 });
  });
});

test('backward(gradient) casts the gradient to the output dtype first, as PyTorch does', () => {
  // PyTorch 1.13: softmax(tensor([1.5, 2.]), 0).backward(tensor([1., 1.], dtype=float64)) -> grad tensor([0., 0.])
  const x = tensor([1.5, 2], { requiresGrad: true });
  softmax(x, 0).backward(tensor([1, 1], { dtype: 'float64' }));
  expect(x.grad!.dtype).toBe('float32');
  expectClose(x.grad!.data, [0, 0], { atol: 0, rtol: 0 });
  const y = tensor([1.5, 2], { requiresGrad: true });
  softmax(y, 0).backward(tensor([1, 1]));
  expectClose(y.grad!.data, [0, 0], { atol: 0, rtol: 0 });
});
