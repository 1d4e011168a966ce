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
import { expectClose } from '../../helpers/close.ts';

const opCases = casesUsing(loadFixture<OpCase[]>('tensor-ops.json'), 'gather');
const errorCases = casesUsing(loadFixture<ErrorCase[]>('tensor-errors.json'), 'gather');
/** Cases where our message deliberately starts differently from PyTorch's. */
const OURS: Record<string, string> = {
  'gather dims mismatch': 'Index tensor must have the same number of dimensions as input tensor',
};

describe('gather matches PyTorch 1.13 (values, strides, grad_fn, repr, gradients)', () => {
  test('the fixture has cases', () => expect(opCases.length).toBeGreaterThan(0));
  test.each(opCases.map((c) => [c.name, c] as const))('%s', (_name, c) => checkOpCase(c));
});

if (errorCases.length > 0) {
  describe('gather throws as PyTorch does', () => {
    test.each(errorCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => checkErrorCase(c, OURS[c.name]));
  });
}

test('gather picks each row\'s target class', () => {
  const logp = tensor([[-0.1, -2.3, -3.0], [-1.2, -0.4, -2.0]], { requiresGrad: true });
  const target = tensor([0, 1]);
  const picked = logp.gather(1, target.unsqueeze(1));
  expect(picked.shape).toEqual([2, 1]);
  expectClose(picked.data, [-0.1, -0.4], { atol: 1e-7, rtol: 0 });
  picked.sum().backward();
  expect(Array.from(logp.grad!.data)).toEqual([1, 0, 0, 0, 1, 0]);
});
