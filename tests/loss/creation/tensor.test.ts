import { expect, test } from 'vitest';
import { tensor, Tensor } from '../../../src/loss/index.ts';
import { describeCreationFixtures } from '../../helpers/fixture-suites.ts';

describeCreationFixtures('tensor', ['tensor']);

test('all-integer data infers int64, any fraction float32 (a JS 1.0 is an integer)', () => {
  expect(tensor([1, 2]).dtype).toBe('int64');
  expect(tensor([1, 2.5]).dtype).toBe('float32');
  expect(tensor([1.0, 2.0]).dtype).toBe('int64');
  expect(tensor([NaN, 1]).dtype).toBe('float32');
});

test('float32 values are stored rounded to float32', () => {
  const t = tensor([0.1]);
  expect(t.data).toBeInstanceOf(Float32Array);
  expect(t.item()).toBe(Math.fround(0.1));
});

test('the shape option reshapes, and must hold as many values as given', () => {
  expect(tensor([1, 2, 3, 4, 5, 6], { shape: [2, 3] }).tolist()).toEqual([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  expect(() => tensor([1, 2, 3], { shape: [2, 2] })).toThrow(
    /shape \[2, 2\] holds 4 elements, but 3 values were given/,
  );
});

test('ragged data names the dim and both lengths', () => {
  expect(() => tensor([[1, 2], 3] as never)).toThrow('expected sequence of length 2 at dim 1 (got 3)');
  expect(() => tensor([1, [2]] as never)).toThrow(
    /expected a number at dim 1 \(got a sequence of length 1\)/,
  );
  expect(() => tensor(['a'] as never)).toThrow(/Could not infer dtype of string/);
});

test('a Tensor argument is copied, detached, keeping its dtype', () => {
  const src = tensor([1.5, 2.5], { requiresGrad: true });
  const copy = tensor(src);
  expect(copy).toBeInstanceOf(Tensor);
  expect(copy.requiresGrad).toBe(false);
  expect(copy.dtype).toBe('float32');
  expect(copy.tolist()).toEqual([1.5, 2.5]);
});

test('tensor() refuses unknown options (requires_grad) instead of ignoring them', () => {
  expect(() => tensor([1.5, 2], { requires_grad: true } as never)).toThrow(
    "tensor(): unknown option 'requires_grad' (did you mean requiresGrad?); the options are dtype, requiresGrad, shape",
  );
});
