import { expect, test } from 'vitest';
import { tensor } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';

describeOpFixtures('unsqueeze', ['unsqueeze']);

test('unsqueeze(1) turns (N,) targets into the (N, 1) index gather needs', () => {
  const t = tensor([2, 0, 1]).unsqueeze(1);
  expect(t.shape).toEqual([3, 1]);
  expect(t.tolist()).toEqual([[2], [0], [1]]);
  expect(t.dtype).toBe('int64');
  expect(t.gradFn).toBeNull();
});
