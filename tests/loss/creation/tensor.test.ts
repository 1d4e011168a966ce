import { describe, expect, test } from 'vitest';
import { tensor, Tensor } from '../../../src/loss/index.ts';
import {
  callCreation,
  checkErrorCase,
  expectTensor,
  loadFixture,
  type ErrorCase,
  type TensorJson,
} from '../../helpers/tensor-fixtures.ts';

interface CreationCase {
  name: string;
  fn: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  out: TensorJson;
}

const FNS = ['tensor'];
const cases = loadFixture<CreationCase[]>('tensor-creation.json').filter((c) => FNS.includes(c.fn));
const errorCases = loadFixture<ErrorCase[]>('tensor-errors.json').filter((c) => c.kind === 'call' && FNS.includes(c.fn!));
/** Cases where our message deliberately starts differently from PyTorch's. */
const OURS: Record<string, string> = {};

describe('tensor matches PyTorch 1.13 (dtype, shape, values, repr)', () => {
  test('the fixture has cases', () => expect(cases.length).toBeGreaterThan(0));
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const t = await callCreation(c.fn, c.args, c.kwargs);
    expectTensor(t, c.out, c.name);
    expect(t.requiresGrad).toBe(c.out.requiresGrad);
    expect(t.toString()).toBe(c.out.repr);
  });
});

if (errorCases.length > 0) {
  describe('tensor throws as PyTorch does', () => {
    test.each(errorCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => checkErrorCase(c, OURS[c.name]));
  });
}

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
  expect(tensor([1, 2, 3, 4, 5, 6], { shape: [2, 3] }).tolist()).toEqual([[1, 2, 3], [4, 5, 6]]);
  expect(() => tensor([1, 2, 3], { shape: [2, 2] })).toThrow(/shape \[2, 2\] holds 4 elements, but 3 values were given/);
});

test('ragged data names the dim and both lengths', () => {
  expect(() => tensor([[1, 2], 3] as never)).toThrow('expected sequence of length 2 at dim 1 (got 3)');
  expect(() => tensor([1, [2]] as never)).toThrow(/expected a number at dim 1 \(got a sequence of length 1\)/);
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
