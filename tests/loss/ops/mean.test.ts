import { expect, test } from 'vitest';
import { tensor } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';
import { expectClose } from '../../helpers/close.ts';

describeOpFixtures('mean', ['mean']);

test('mean over a dim and its gradient 1/n', () => {
  const x = tensor(
    [
      [1, 2, 3],
      [4, 5, 6],
    ],
    { dtype: 'float64', requiresGrad: true },
  );
  const m = x.mean(1);
  expect(m.tolist()).toEqual([2, 5]);
  m.sum().backward();
  expectClose(x.grad!.data, [1 / 3, 1 / 3, 1 / 3, 1 / 3, 1 / 3, 1 / 3], { atol: 0, rtol: 1e-15 });
});
