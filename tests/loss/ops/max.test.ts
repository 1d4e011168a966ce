import { expect, test } from 'vitest';
import { tensor } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';

describeOpFixtures('max', ['max', 'maxIndices']);

test('max(dim) destructures as [values, indices] and prints like torch.return_types.max', () => {
  const x = tensor(
    [
      [1.5, 3.0],
      [4.0, -1.0],
    ],
    { requiresGrad: true },
  );
  const [values, indices] = x.max(1);
  expect(values.tolist()).toEqual([3, 4]);
  expect(indices.tolist()).toEqual([1, 0]);
  expect(String(x.max(1))).toBe(
    'torch.return_types.max(\nvalues=tensor([3., 4.], grad_fn=<MaxBackward0>),\nindices=tensor([1, 0]))',
  );
});
