/**
 * zeros, ones, full: tensors of one repeated value.
 *
 * Shape: `zeros([2, 3])`, `zeros(2)`; sizes must be non-negative integers.
 * Dtypes: zeros/ones default to float32; `full` infers int64 from an integral value and
 * float32 otherwise (as PyTorch 1.13 does); `dtype` overrides.
 * Throws: for a negative or non-integral size; for `requiresGrad` on int64.
 *
 * NOTE: JS has one number type, so `full([2], 3.0)` is int64 here (float32 in PyTorch).
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

const OPTIONS = ['dtype', 'requiresGrad'] as const;

export function full(
  shape: number | readonly number[],
  fillValue: number,
  options: CreationOptions = {},
): Tensor {
  checkCreationOptions('full', options, OPTIONS);
  const dims = checkShape('full', shape);
  if (typeof fillValue !== 'number')
    throw new Error(`full(): fill value must be a number, but got ${String(fillValue)}`);
  const dtype = checkDtype('full', options.dtype ?? (fitsInt64(fillValue) ? 'int64' : 'float32'));
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
