import { expect, test } from 'vitest';
import {
  checkCreationOptions,
  checkDtype,
  checkRequiresGrad,
  checkShape,
} from '../../../src/loss/creation/shape.ts';

test('checkShape accepts a number or a list of non-negative integers', () => {
  expect(checkShape('zeros', 3)).toEqual([3]);
  expect(checkShape('zeros', [])).toEqual([]);
  expect(checkShape('zeros', [2, 0])).toEqual([2, 0]);
  expect(() => checkShape('zeros', [2, -3])).toThrow(
    'Trying to create tensor with negative dimension -3: [2, -3]',
  );
  expect(() => checkShape('zeros', [NaN])).toThrow('zeros(): sizes must be integers, but got NaN in [NaN]');
  expect(() => checkShape('zeros', 'x' as never)).toThrow(/shape must be a number or an array/);
});

test('checkDtype and checkRequiresGrad', () => {
  expect(checkDtype('zeros', 'float64')).toBe('float64');
  expect(checkDtype('zeros', 'bool')).toBe('bool');
  expect(() => checkDtype('zeros', 'float16')).toThrow(
    'zeros(): unknown dtype "float16"; expected one of float32, float64, int64, int32, bool',
  );
  expect(checkRequiresGrad('float32', true)).toBe(true);
  expect(checkRequiresGrad('int64', undefined)).toBe(false);
  expect(() => checkRequiresGrad('int64', true)).toThrow(
    'Only Tensors of floating point and complex dtype can require gradients (got dtype int64)',
  );
});

test('creation refuses a tensor too big to allocate, naming its shape, instead of crashing the tab', () => {
  expect(checkShape('zeros', [2 ** 14, 2 ** 14])).toEqual([2 ** 14, 2 ** 14]);
  expect(() => checkShape('zeros', [1e9])).toThrow(
    'zeros(): a tensor of shape [1000000000] would hold 1000000000 elements; the loss module allows at most 268435456 (2^28) elements per tensor',
  );
  expect(() => checkShape('randn', [100000, 100000])).toThrow(
    /shape \[100000, 100000\] would hold 10000000000 elements/,
  );
});

test('requiresGrad must be a boolean', () => {
  expect(() => checkRequiresGrad('float32', 'yes' as never)).toThrow(
    'requiresGrad must be true or false, got string yes',
  );
});

test('creation options: a typo, a snake_case name or separate sizes throw instead of being ignored', () => {
  expect(() => checkCreationOptions('zeros', 3, ['dtype', 'requiresGrad'])).toThrow(
    'zeros(): pass the shape as one array, e.g. zeros([2, 3]), not as separate sizes (got 3 where the options go)',
  );
  expect(() => checkCreationOptions('zeros', { requires_grad: true }, ['dtype', 'requiresGrad'])).toThrow(
    "zeros(): unknown option 'requires_grad' (did you mean requiresGrad?); the options are dtype, requiresGrad",
  );
  expect(() => checkCreationOptions('zeros', {}, ['dtype'])).not.toThrow();
});
