import { expect, test } from 'vitest';
import { checkDtype, checkRequiresGrad, checkShape } from '../../../src/loss/creation/shape.ts';

test('checkShape accepts a number or a list of non-negative integers', () => {
  expect(checkShape('zeros', 3)).toEqual([3]);
  expect(checkShape('zeros', [])).toEqual([]);
  expect(checkShape('zeros', [2, 0])).toEqual([2, 0]);
  expect(() => checkShape('zeros', [2, -3])).toThrow('Trying to create tensor with negative dimension -3: [2, -3]');
  expect(() => checkShape('zeros', [NaN])).toThrow('zeros(): sizes must be integers, but got NaN in [NaN]');
  expect(() => checkShape('zeros', 'x' as never)).toThrow(/shape must be a number or an array/);
});

test('checkDtype and checkRequiresGrad', () => {
  expect(checkDtype('zeros', 'float64')).toBe('float64');
  expect(() => checkDtype('zeros', 'bool')).toThrow('zeros(): unknown dtype "bool"; expected one of float32, float64, int64');
  expect(checkRequiresGrad('float32', true)).toBe(true);
  expect(checkRequiresGrad('int64', undefined)).toBe(false);
  expect(() => checkRequiresGrad('int64', true)).toThrow(
    'Only Tensors of floating point and complex dtype can require gradients (got dtype int64)',
  );
});
