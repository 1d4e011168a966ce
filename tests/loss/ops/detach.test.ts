import { expect, test } from 'vitest';
import { ones } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';

describeOpFixtures('detach', ['detach']);

test('detach cuts the graph and copies the data', () => {
  const x = ones([2], { requiresGrad: true });
  const d = x.detach();
  expect(d.requiresGrad).toBe(false);
  expect(d.gradFn).toBeNull();
  d.data[0] = 5;
  expect(x.data[0]).toBe(1);
});
