import { describe, expect, test } from 'vitest';
import { arange } from '../../../src/loss/index.ts';
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

const FNS = ['arange'];
const cases = loadFixture<CreationCase[]>('tensor-creation.json').filter((c) => FNS.includes(c.fn));
const errorCases = loadFixture<ErrorCase[]>('tensor-errors.json').filter((c) => c.kind === 'call' && FNS.includes(c.fn!));
/** Cases where our message deliberately starts differently from PyTorch's. */
const OURS: Record<string, string> = {};

describe('arange matches PyTorch 1.13 (dtype, shape, values, repr)', () => {
  test('the fixture has cases', () => expect(cases.length).toBeGreaterThan(0));
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const t = await callCreation(c.fn, c.args, c.kwargs);
    expectTensor(t, c.out, c.name);
    expect(t.requiresGrad).toBe(c.out.requiresGrad);
    expect(t.toString()).toBe(c.out.repr);
  });
});

if (errorCases.length > 0) {
  describe('arange throws as PyTorch does', () => {
    test.each(errorCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => checkErrorCase(c, OURS[c.name]));
  });
}

test('arange(end), (start, end), (start, end, step), each with options', () => {
  expect(arange(3).tolist()).toEqual([0, 1, 2]);
  expect(arange(1, 3).tolist()).toEqual([1, 2]);
  expect(arange(0, 6, 2, { dtype: 'float64' }).dtype).toBe('float64');
  expect(arange(2, { dtype: 'float32', requiresGrad: true }).requiresGrad).toBe(true);
});

test('bad bounds are refused', () => {
  expect(() => arange(Infinity)).toThrow(/unsupported range/);
  expect(() => (arange as (...a: unknown[]) => unknown)('3')).toThrow(/expected \(end\), \(start, end\) or \(start, end, step\)/);
});

test('a NaN step, a huge range and unknown options are refused with a clear message', () => {
  expect(() => arange(0, 1, NaN)).toThrow('step must be nonzero (got step NaN)');
  expect(() => arange(1e10)).toThrow(/arange\(\): a tensor of shape \[10000000000\] would hold/);
  expect(() => arange(3, { requires_grad: true } as never)).toThrow(/arange\(\): unknown option 'requires_grad'/);
});
