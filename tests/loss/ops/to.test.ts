import { expect, test } from 'vitest';
import { tensor, ones } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';

describeOpFixtures('to', ['to', 'float', 'double', 'long']);

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
