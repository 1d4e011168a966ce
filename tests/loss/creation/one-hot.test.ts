import { expect, test } from 'vitest';
import { oneHot, tensor } from '../../../src/loss/index.ts';
import { describeCreationFixtures } from '../../helpers/fixture-suites.ts';

describeCreationFixtures('one-hot', ['oneHot']);

test('oneHot rows sum to one and index the target', () => {
  const target = tensor([1, 0, 2, 1]);
  const h = oneHot(target, 3);
  expect(h.shape).toEqual([4, 3]);
  expect(h.sum(1).tolist()).toEqual([1, 1, 1, 1]);
  expect(h.argmax(1).tolist()).toEqual(target.tolist());
});

test('error messages name the offending class', () => {
  expect(() => oneHot(tensor([0, 5]), 3)).toThrow(
    'Class values must be smaller than num_classes. (got 5 with numClasses 3)',
  );
  expect(() => oneHot(tensor([0, -2]), 3)).toThrow('Class values must be non-negative. (got -2)');
  expect(() => oneHot(tensor([0]), -3)).toThrow(
    /numClasses must be a non-negative integer or -1, but got -3/,
  );
});
