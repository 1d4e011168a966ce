import { describe, expect, test } from 'vitest';
import { oneHot, tensor } from '../../../src/loss/index.ts';
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

const FNS = ['oneHot'];
const cases = loadFixture<CreationCase[]>('tensor-creation.json').filter((c) => FNS.includes(c.fn));
const errorCases = loadFixture<ErrorCase[]>('tensor-errors.json').filter((c) => c.kind === 'call' && FNS.includes(c.fn!));
/** Cases where our message deliberately starts differently from PyTorch's. */
const OURS: Record<string, string> = {};

describe('one-hot matches PyTorch 1.13 (dtype, shape, values, repr)', () => {
  test('the fixture has cases', () => expect(cases.length).toBeGreaterThan(0));
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const t = await callCreation(c.fn, c.args, c.kwargs);
    expectTensor(t, c.out, c.name);
    expect(t.requiresGrad).toBe(c.out.requiresGrad);
    expect(t.toString()).toBe(c.out.repr);
  });
});

if (errorCases.length > 0) {
  describe('one-hot throws as PyTorch does', () => {
    test.each(errorCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => checkErrorCase(c, OURS[c.name]));
  });
}

test('oneHot rows sum to one and index the target', () => {
  const target = tensor([1, 0, 2, 1]);
  const h = oneHot(target, 3);
  expect(h.shape).toEqual([4, 3]);
  expect(h.sum(1).tolist()).toEqual([1, 1, 1, 1]);
  expect(h.argmax(1).tolist()).toEqual(target.tolist());
});

test('error messages name the offending class', () => {
  expect(() => oneHot(tensor([0, 5]), 3)).toThrow('Class values must be smaller than num_classes. (got 5 with numClasses 3)');
  expect(() => oneHot(tensor([0, -2]), 3)).toThrow('Class values must be non-negative. (got -2)');
  expect(() => oneHot(tensor([0]), -3)).toThrow(/numClasses must be a non-negative integer or -1, but got -3/);
});
