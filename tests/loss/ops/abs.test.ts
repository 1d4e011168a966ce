import { expect, test } from 'vitest';
import { tensor } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';

describeOpFixtures('abs', ['abs']);

test('the gradient of |x| at 0 is 0 (the subgradient PyTorch picks)', () => {
  const x = tensor([0, -2, 3], { dtype: 'float32', requiresGrad: true });
  x.abs().sum().backward();
  expect(x.grad!.tolist()).toEqual([0, -1, 1]);
});
