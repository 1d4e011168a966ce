import { expect, test } from 'vitest';
import { ones } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';

describeOpFixtures('clone', ['clone', 'contiguous']);

test('clone stays in the graph and contiguous() returns a contiguous tensor as is', () => {
  const x = ones([2, 3], { requiresGrad: true });
  expect(x.clone().gradFn?.name).toBe('CloneBackward0');
  expect(x.contiguous()).toBe(x);
  expect(x.permute(1, 0).contiguous().isContiguous()).toBe(true);
});
