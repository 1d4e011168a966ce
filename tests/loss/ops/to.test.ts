import { expect, test } from 'vitest';
import { tensor, ones } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';

describeOpFixtures('to', ['to', 'float', 'double', 'long', 'int', 'bool']);

test('to(own dtype) returns the tensor itself, as PyTorch does', () => {
  const x = ones([2]);
  expect(x.float()).toBe(x);
  expect(x.to('float32')).toBe(x);
});

test('long() truncates toward zero and refuses NaN and inf', () => {
  expect(tensor([1.7, -1.7]).long().tolist()).toEqual([1, -1]);
  expect(() => tensor([NaN]).long()).toThrow(/cannot convert NaN to int64/);
  expect(() => tensor([1, Infinity]).long()).toThrow(/cannot convert Infinity to int64/);
});

test('unknown dtypes are refused', () => {
  expect(() => ones([1]).to('float16' as never)).toThrow(/unknown dtype "float16"/);
});

test('int() truncates and wraps int64 around as PyTorch; bool() is value != 0, NaN included', () => {
  expect(tensor([1.7, -1.7]).int().tolist()).toEqual([1, -1]);
  expect(
    tensor([2 ** 31 + 5])
      .int()
      .tolist(),
  ).toEqual([-2147483643]);
  expect(() => tensor([3e9], { dtype: 'float32' }).int()).toThrow(
    /cannot be converted to type int32 without overflow/,
  );
  expect(tensor([0, 0.5, NaN]).bool().toString()).toBe('tensor([False,  True,  True])');
});
