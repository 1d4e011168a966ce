import { expect, test } from 'vitest';
import { tensor } from '../../../src/loss/index.ts';
import { mapRaw, unaryOp } from '../../../src/loss/ops/unary.ts';

test('mapRaw casts inputs to the result dtype first and rounds the results', () => {
  const y = mapRaw(tensor([2 ** 24 + 1]), 'float32', (v) => v);
  expect(y.data[0]).toBe(2 ** 24);
  expect(mapRaw(tensor([1.5, -1.5]), 'int64', (v) => v * 3).tolist()).toEqual([3, -3]); // 1.5 -> 1 first
});

test('unaryOp wires the backward to the input and the result', () => {
  const x = tensor([1, 2], { dtype: 'float64', requiresGrad: true });
  const y = unaryOp(
    x,
    'float64',
    'SquareBackward0',
    (v) => v * v,
    (g, input) => mapRaw(input, 'float64', (v) => 2 * v * g.data[0]),
  );
  expect(y.gradFn?.name).toBe('SquareBackward0');
  y.backward(tensor([1, 1], { dtype: 'float64' }));
  expect(x.grad!.tolist()).toEqual([2, 4]);
});
