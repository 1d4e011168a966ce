import { expect, test } from 'vitest';
import { full, ones, zeros } from '../../../src/loss/index.ts';
import { describeCreationFixtures } from '../../helpers/fixture-suites.ts';

describeCreationFixtures('fill', ['zeros', 'ones', 'full']);

test('shapes are checked', () => {
  expect(() => zeros([2.5])).toThrow(/sizes must be integers, but got 2.5 in \[2.5\]/);
  expect(() => ones([-1])).toThrow('Trying to create tensor with negative dimension -1: [-1]');
});

test('full infers int64 from an integral value', () => {
  expect(full([2], 3).dtype).toBe('int64');
  expect(full([2], 3.5).dtype).toBe('float32');
  expect(full([2], 3, { dtype: 'float64' }).dtype).toBe('float64');
});

test('zeros(2, 3) (sizes as separate arguments) throws rather than building a tensor of shape [2]', () => {
  expect(() => (zeros as (...a: unknown[]) => unknown)(2, 3)).toThrow(
    /zeros\(\): pass the shape as one array/,
  );
  expect(() => (ones as (...a: unknown[]) => unknown)(2, 3)).toThrow(/ones\(\): pass the shape as one array/);
  expect(() => zeros([1e9])).toThrow(/zeros\(\): a tensor of shape \[1000000000\] would hold/);
  expect(() => full([2], 1.5, { requires_grad: true } as never)).toThrow(
    /full\(\): unknown option 'requires_grad'/,
  );
});
