import { expect, test } from 'vitest';
import { tensor } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';

describeOpFixtures('argmax', ['argmax']);

test('argmax of a row of logits is the predicted class (int64, no grad)', () => {
  const logits = tensor(
    [
      [0.1, 2.0, -1.0],
      [3.0, 0.0, 0.5],
    ],
    { requiresGrad: true },
  );
  const pred = logits.argmax(1);
  expect(pred.dtype).toBe('int64');
  expect(pred.requiresGrad).toBe(false);
  expect(pred.tolist()).toEqual([1, 0]);
  expect(logits.argmax().item()).toBe(3);
});
