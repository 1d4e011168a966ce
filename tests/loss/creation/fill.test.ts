import { describe, expect, test } from 'vitest';
import { full, ones, zeros } from '../../../src/loss/index.ts';
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

const FNS = ['zeros', 'ones', 'full'];
const cases = loadFixture<CreationCase[]>('tensor-creation.json').filter((c) => FNS.includes(c.fn));
const errorCases = loadFixture<ErrorCase[]>('tensor-errors.json').filter((c) => c.kind === 'call' && FNS.includes(c.fn!));
/** Cases where our message deliberately starts differently from PyTorch's. */
const OURS: Record<string, string> = {};

describe('fill matches PyTorch 1.13 (dtype, shape, values, repr)', () => {
  test('the fixture has cases', () => expect(cases.length).toBeGreaterThan(0));
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const t = await callCreation(c.fn, c.args, c.kwargs);
    expectTensor(t, c.out, c.name);
    expect(t.requiresGrad).toBe(c.out.requiresGrad);
    expect(t.toString()).toBe(c.out.repr);
  });
});

if (errorCases.length > 0) {
  describe('fill throws as PyTorch does', () => {
    test.each(errorCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => checkErrorCase(c, OURS[c.name]));
  });
}

test('shapes are checked', () => {
  expect(() => zeros([2.5])).toThrow(/sizes must be integers, but got 2.5 in \[2.5\]/);
  expect(() => ones([-1])).toThrow('Trying to create tensor with negative dimension -1: [-1]');
});

test('full infers int64 from an integral value', () => {
  expect(full([2], 3).dtype).toBe('int64');
  expect(full([2], 3.5).dtype).toBe('float32');
  expect(full([2], 3, { dtype: 'float64' }).dtype).toBe('float64');
});

test('zeros(2, 3) (sizes as separate arguments) throws rather than building a tensor of shape [2]', () => {
  expect(() => (zeros as (...a: unknown[]) => unknown)(2, 3)).toThrow(/zeros\(\): pass the shape as one array/);
  expect(() => (ones as (...a: unknown[]) => unknown)(2, 3)).toThrow(/ones\(\): pass the shape as one array/);
  expect(() => zeros([1e9])).toThrow(/zeros\(\): a tensor of shape \[1000000000\] would hold/);
  expect(() => full([2], 1.5, { requires_grad: true } as never)).toThrow(/full\(\): unknown option 'requires_grad'/);
});
