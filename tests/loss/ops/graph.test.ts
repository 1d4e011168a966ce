import { expect, test } from 'vitest';
import { ones, tensor } from '../../../src/loss/index.ts';
import { gradFor, makeResult, reshaped } from '../../../src/loss/ops/graph.ts';

test('makeResult records a node only for float results of inputs that require grad', () => {
  const w = ones([2], { requiresGrad: true });
  const spec = { name: 'TestBackward0', inputs: [w], backward: () => [null] };
  expect(makeResult(new Float32Array(2), [2], 'float32', spec).gradFn?.name).toBe('TestBackward0');
  expect(makeResult(new Float64Array(2), [2], 'int64', spec).gradFn).toBeNull();
  expect(makeResult(new Float32Array(2), [2], 'float32', { ...spec, inputs: [ones([2])] }).requiresGrad).toBe(
    false,
  );
});

test('gradFor sums over broadcast dims and casts to the input dtype', () => {
  const x = tensor([1], { dtype: 'float64' });
  const g = gradFor(x, tensor([[1.5], [2.5]]));
  expect(g.dtype).toBe('float64');
  expect(g.tolist()).toEqual([4]);
});

test('reshaped copies', () => {
  const t = tensor([1, 2, 3, 4]);
  const r = reshaped(t, [2, 2]);
  expect(r.shape).toEqual([2, 2]);
  expect(r.data).not.toBe(t.data);
});
