import { expect, test } from 'vitest';
import { tensor } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';

describeOpFixtures('clamp', ['clamp', 'clip'], {
  'clamp without bounds': "torch.clamp: At least one of 'min' or 'max' must not be None",
});

test('clamp(min, max), clamp({ min }), clamp(null, max) agree', () => {
  const x = tensor([-1, 0.5, 2], { dtype: 'float32' });
  expect(x.clamp(0, 1).tolist()).toEqual([0, 0.5, 1]);
  expect(x.clamp({ min: 0 }).tolist()).toEqual([0, 0.5, 2]);
  expect(x.clamp(null, 1).tolist()).toEqual([-1, 0.5, 1]);
  expect(() => x.clamp('1' as never)).toThrow(/min must be a number or null/);
});
