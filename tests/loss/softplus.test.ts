import { expect, test } from 'vitest';
import { softplus, tensor } from '../../src/loss/index.ts';
import { describeOpFixtures } from '../helpers/fixture-suites.ts';

describeOpFixtures('softplus', ['F.softplus']);

test('above the threshold softplus is x itself; unknown options are named', () => {
  expect(softplus(tensor([25], { dtype: 'float32' })).item()).toBe(25);
  expect(softplus(tensor([3], { dtype: 'float32' }), { threshold: 1 }).item()).toBe(3);
  expect(() => softplus(tensor([1.5]), { Beta: 2 } as never)).toThrow(/unknown option 'Beta'/);
});
