import { expect, test } from 'vitest';
import { zeros } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';

describeOpFixtures('squeeze', ['squeeze']);

test('squeeze() drops every size-1 dim and squeeze(dim) only that one', () => {
  const x = zeros([1, 2, 1, 3]);
  expect(x.squeeze().shape).toEqual([2, 3]);
  expect(x.squeeze(2).shape).toEqual([1, 2, 3]);
  expect(x.squeeze(-1).shape).toEqual([1, 2, 1, 3]);
});
