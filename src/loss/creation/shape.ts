/**
 * Shared checks of the creation functions.
 */
import { isFloating, type DType } from '../tensor.ts';

/** A shape given as `2` or `[2, 3]`, checked: non-negative integer sizes. */
export function checkShape(op: string, shape: number | readonly number[]): number[] {
  const list = typeof shape === 'number' ? [shape] : Array.isArray(shape) ? [...shape] : null;
  if (list === null) throw new Error(`${op}(): shape must be a number or an array of numbers, but got ${String(shape)}`);
  for (const s of list) {
    if (typeof s !== 'number' || !Number.isInteger(s)) {
      throw new Error(`${op}(): sizes must be integers, but got ${String(s)} in [${list.join(', ')}]`);
    }
    if (s < 0) throw new Error(`Trying to create tensor with negative dimension ${s}: [${list.join(', ')}]`);
  }
  return list;
}

const DTYPES: readonly DType[] = ['float32', 'float64', 'int64'];

/** The dtype option checked against our three dtypes. */
export function checkDtype(op: string, dtype: unknown): DType {
  if (!DTYPES.includes(dtype as DType)) {
    throw new Error(`${op}(): unknown dtype ${JSON.stringify(dtype)}; expected one of ${DTYPES.join(', ')}`);
  }
  return dtype as DType;
}

/** PyTorch's refusal to let an integer tensor require grad. */
export function checkRequiresGrad(dtype: DType, requiresGrad: boolean | undefined): boolean {
  if (requiresGrad && !isFloating(dtype)) {
    throw new Error(`Only Tensors of floating point and complex dtype can require gradients (got dtype ${dtype})`);
  }
  return requiresGrad ?? false;
}

export interface CreationOptions {
  dtype?: DType;
  requiresGrad?: boolean;
}
