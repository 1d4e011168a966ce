import { describe, expect, test } from 'vitest';
import { tensor } from '../../../src/loss/index.ts';
import {
  casesUsing,
  checkErrorCase,
  checkOpCase,
  loadFixture,
  type ErrorCase,
  type OpCase,
} from '../../helpers/tensor-fixtures.ts';

const opCases = casesUsing(loadFixture<OpCase[]>('tensor-ops.json'), 'max', 'maxIndices');
const errorCases = casesUsing(loadFixture<ErrorCase[]>('tensor-errors.json'), 'max', 'maxIndices');
/** Cases where our message deliberately starts differently from PyTorch's. */
const OURS: Record<string, string> = {};

describe('max matches PyTorch 1.13 (values, strides, grad_fn, repr, gradients)', () => {
  test('the fixture has cases', () => expect(opCases.length).toBeGreaterThan(0));
  test.each(opCases.map((c) => [c.name, c] as const))('%s', (_name, c) => checkOpCase(c));
});

if (errorCases.length > 0) {
  describe('max throws as PyTorch does', () => {
    test.each(errorCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => checkErrorCase(c, OURS[c.name]));
  });
}

test('max(dim) destructures as [values, indices] and prints like torch.return_types.max', () => {
  const x = tensor([[1.5, 3.0], [4.0, -1.0]], { requiresGrad: true });
  const [values, indices] = x.max(1);
  expect(values.tolist()).toEqual([3, 4]);
  expect(indices.tolist()).toEqual([1, 0]);
  expect(String(x.max(1))).toBe(
    'torch.return_types.max(\nvalues=tensor([3., 4.], grad_fn=<MaxBackward0>),\nindices=tensor([1, 0]))',
  );
});
