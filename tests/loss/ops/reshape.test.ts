import { expect, test } from 'vitest';
import { ones, arange } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';

/** Cases where our message deliberately starts differently from PyTorch's. */
const OURS: Record<string, string> = {
  // We name the shape too; PyTorch's own text follows our prefix.
};

describeOpFixtures('reshape', ['reshape', 'view'], OURS);

test('reshape accepts sizes or one array, and -1', () => {
  const x = arange(6);
  expect(x.reshape(2, 3).shape).toEqual([2, 3]);
  expect(x.reshape([3, -1]).shape).toEqual([3, 2]);
  expect(x.view(-1, 1).shape).toEqual([6, 1]);
  expect(x.reshape(3, 2).tolist()).toEqual([
    [0, 1],
    [2, 3],
    [4, 5],
  ]);
});

test('view after permute fails and names the strides; reshape copies instead', () => {
  const x = ones([2, 3], { requiresGrad: true });
  const p = x.permute(1, 0);
  expect(() => p.view(-1)).toThrow(/strides \[1, 3\]/);
  const r = p.reshape(-1);
  expect(r.gradFn?.name).toBe('UnsafeViewBackward0');
  expect(r.gradFn?.inputs[0].gradFn?.name).toBe('CloneBackward0');
  expect(r.isContiguous()).toBe(true);
});
