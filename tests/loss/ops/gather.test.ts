import { expect, test } from 'vitest';
import { tensor } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';
import { expectClose } from '../../helpers/close.ts';

/** Cases where our message deliberately starts differently from PyTorch's. */
const OURS: Record<string, string> = {
  'gather dims mismatch': 'Index tensor must have the same number of dimensions as input tensor',
};

describeOpFixtures('gather', ['gather'], OURS);

test("gather picks each row's target class", () => {
  const logp = tensor(
    [
      [-0.1, -2.3, -3.0],
      [-1.2, -0.4, -2.0],
    ],
    { requiresGrad: true },
  );
  const target = tensor([0, 1]);
  const picked = logp.gather(1, target.unsqueeze(1));
  expect(picked.shape).toEqual([2, 1]);
  expectClose(picked.data, [-0.1, -0.4], { atol: 1e-7, rtol: 0 });
  picked.sum().backward();
  expect(Array.from(logp.grad!.data)).toEqual([1, 0, 0, 0, 1, 0]);
});
