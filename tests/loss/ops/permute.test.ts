import { expect, test } from 'vitest';
import { arange } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';

/** Cases where our message deliberately starts differently from PyTorch's. */
const OURS: Record<string, string> = {
  'permute too many': 'permute(): number of dimensions in the tensor input does not match',
  'permute too few': 'permute(): number of dimensions in the tensor input does not match',
};

describeOpFixtures('permute', ['permute'], OURS);

test('permute moves the class dim last and back', () => {
  const x = arange(24).reshape(2, 3, 4);
  const p = x.permute(0, 2, 1);
  expect(p.shape).toEqual([2, 4, 3]);
  expect(p.stride()).toEqual([12, 1, 4]);
  expect(p.isContiguous()).toBe(false);
  expect(p.permute([0, 2, 1]).tolist()).toEqual(x.tolist());
});
