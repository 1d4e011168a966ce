import { expect, test } from 'vitest';
import { tensor } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';

describeOpFixtures('comparisons', ['gt', 'lt', 'ge', 'le', 'eq', 'ne', 'logicalNot']);

test('a comparison is a bool tensor that prints as PyTorch and sums to a count', () => {
  const mask = tensor([0, 255, 2]).ne(255);
  expect(mask.dtype).toBe('bool');
  expect(mask.toString()).toBe('tensor([ True, False,  True])');
  expect(mask.sum().toString()).toBe('tensor(2)');
  expect(mask.logicalNot().toString()).toBe('tensor([False,  True, False])');
});
