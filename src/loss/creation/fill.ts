/**
 * zeros, ones, full: tensors of one repeated value.
 *
 * Shape: `zeros([2, 3])`, `zeros(2)`; sizes must be non-negative integers.
 * Dtypes: zeros/ones default to float32; `full` infers int64 from an integral value and
 * float32 otherwise (as PyTorch 1.13 does); `dtype` overrides.
 * Throws: for a negative or non-integral size; for `requiresGrad` on int64.
 *
 * In the book's cells `full([2], 3.0)` is float32, as in PyTorch: the cell transpiler tells
 * `full` that the value was written as a float literal (./float-literal.ts).
 *
 * NOTE: JS has one number type, so outside the cells `full([2], 3.0)` is int64 (float32 in
 * PyTorch). Write `{ dtype: 'float32' }`.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.zeros.html
 *      https://pytorch.org/docs/1.13/generated/torch.full.html
 */
import { Tensor, allocStorage, numelOf } from '../tensor.ts';
import { castValue, fitsInt64 } from '../ops/dtype.ts';
import {
  checkCreationOptions,
  checkDtype,
  checkRequiresGrad,
  checkShape,
  type CreationOptions,
} from './shape.ts';
import { withFloatLiteralArgs } from './float-literal.ts';

const OPTIONS = ['dtype', 'requiresGrad'] as const;

export function full(
  shape: number | readonly number[],
  fillValue: number,
  options: CreationOptions = {},
): Tensor {
  return fullOf(shape, fillValue, options, false);
}

// A cell's `full([2], 1.0)`: the fill value was written as a float literal.
withFloatLiteralArgs(full, (positions) =>
  positions.includes(1) ? (shape, fillValue, options = {}) => fullOf(shape, fillValue, options, true) : full,
);

function fullOf(
  shape: number | readonly number[],
  fillValue: number,
  options: CreationOptions,
  floatLiteral: boolean,
): Tensor {
  checkCreationOptions('full', options, OPTIONS);
  const dims = checkShape('full', shape);
  if (typeof fillValue !== 'number')
    throw new Error(`full(): fill value must be a number, but got ${String(fillValue)}`);
  const inferred = fitsInt64(fillValue) && !floatLiteral ? 'int64' : 'float32';
  const dtype = checkDtype('full', options.dtype ?? inferred);
  const requiresGrad = checkRequiresGrad(dtype, options.requiresGrad);
  const data = allocStorage(dtype, numelOf(dims));
  data.fill(castValue(fillValue, dtype));
  return new Tensor(data, dims, dtype, { requiresGrad });
}

export function zeros(shape: number | readonly number[], options: CreationOptions = {}): Tensor {
  checkCreationOptions('zeros', options, OPTIONS);
  checkShape('zeros', shape);
  return full(shape, 0, { dtype: 'float32', ...options });
}

export function ones(shape: number | readonly number[], options: CreationOptions = {}): Tensor {
  checkCreationOptions('ones', options, OPTIONS);
  checkShape('ones', shape);
  return full(shape, 1, { dtype: 'float32', ...options });
}
