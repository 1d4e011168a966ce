import { expect, test } from 'vitest';
import { tensor, zeros } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';
import { expectClose } from '../../helpers/close.ts';

describeOpFixtures('sum', ['sum']);

test('sum of a 0-d, of an empty tensor, and over all dims by list', () => {
  expect(tensor(2.5).sum().item()).toBe(2.5);
  expect(zeros([0, 3]).sum().item()).toBe(0);
  const x = tensor([
    [1, 2],
    [3, 4],
  ]);
  expect(x.sum([0, 1]).item()).toBe(10);
  expect(x.sum([0, 1]).shape).toEqual([]);
  expect(x.sum(undefined, true).shape).toEqual([]);
});

test('float32 sums are rounded to float32', () => {
  const s = tensor([0.1, 0.2, 0.3]).sum().item();
  expect(s).toBe(Math.fround(s));
  expectClose(s, 0.6, { atol: 1e-7, rtol: 0 });
});
