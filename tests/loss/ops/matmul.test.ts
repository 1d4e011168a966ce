import { expect, test } from 'vitest';
import { matmul, tensor } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';

describeOpFixtures('matmul', ['matmul']);

test('matmul(a, b) is a.matmul(b), and a batch of rows times a matrix keeps the batch dims', () => {
  const a = tensor([[[1, 2]], [[3, 4]]], { dtype: 'float32' });
  const b = tensor([[1], [10]], { dtype: 'float32' });
  expect(matmul(a, b).tolist()).toEqual([[[21]], [[43]]]);
  expect(() => matmul(a, a)).toThrow(/batched products are not supported/);
});
