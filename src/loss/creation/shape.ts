/**
 * Shared checks of the creation functions.
 */
import { isFloating, type DType } from '../tensor.ts';
import { checkOptions } from '../check.ts';

/** A shape given as `2` or `[2, 3]`, checked: non-negative integer sizes. */
export function checkShape(op: string, shape: number | readonly number[]): number[] {
  const list = typeof shape === 'number' ? [shape] : Array.isArray(shape) ? [...shape] : null;
  if (list === null)
    throw new Error(`${op}(): shape must be a number or an array of numbers, but got ${String(shape)}`);
  for (const s of list) {
    if (typeof s !== 'number' || !Number.isInteger(s)) {
      throw new Error(`${op}(): sizes must be integers, but got ${String(s)} in [${list.join(', ')}]`);
    }
    if (s < 0) throw new Error(`Trying to create tensor with negative dimension ${s}: [${list.join(', ')}]`);
  }
  checkNumel(op, list);
  return list;
}

/**
 * The most elements one tensor may hold: 2^28 (1 GiB of float32, 2 GiB of float64).
 * NOTE: PyTorch allocates whatever memory allows; a reader's tab or worker would instead
 * hang or die of an out-of-memory crash, so creation stops here with an Error.
 */
export const MAX_NUMEL = 2 ** 28;

/** Throws when a tensor of `shape` would hold more than MAX_NUMEL elements. */
export function checkNumel(op: string, shape: readonly number[]): void {
  let n = 1;
  for (const s of shape) n *= s;
  if (n > MAX_NUMEL) {
    throw new Error(
      `${op}(): a tensor of shape [${shape.join(', ')}] would hold ${n} elements; ` +
        `the loss module allows at most ${MAX_NUMEL} (2^28) elements per tensor`,
    );
  }
}

export const DTYPES: readonly DType[] = ['float32', 'float64', 'int64', 'int32', 'bool'];

/** The dtype option checked against our three dtypes. */
export function checkDtype(op: string, dtype: unknown): DType {
  if (!DTYPES.includes(dtype as DType)) {
    throw new Error(`${op}(): unknown dtype ${JSON.stringify(dtype)}; expected one of ${DTYPES.join(', ')}`);
  }
  return dtype as DType;
}

/** PyTorch's refusal to let an integer tensor require grad. */
export function checkRequiresGrad(dtype: DType, requiresGrad: boolean | undefined): boolean {
  if (requiresGrad !== undefined && typeof requiresGrad !== 'boolean') {
    throw new Error(`requiresGrad must be true or false, got ${typeof requiresGrad} ${String(requiresGrad)}`);
  }
  if (requiresGrad && !isFloating(dtype)) {
    throw new Error(
      `Only Tensors of floating point and complex dtype can require gradients (got dtype ${dtype})`,
    );
  }
  return requiresGrad ?? false;
}

export interface CreationOptions {
  dtype?: DType;
  requiresGrad?: boolean;
}

/**
 * Throws for an unknown option (`requires_grad`, a typo) or options that are not an
 * object. A number where the options go is a shape given as separate sizes, as
 * torch.zeros(2, 3) takes it: say to pass an array, never build a tensor of another shape.
 */
export function checkCreationOptions(op: string, options: unknown, allowed: readonly string[]): void {
  if (typeof options === 'number') {
    throw new Error(
      `${op}(): pass the shape as one array, e.g. ${op}([2, 3]), not as separate sizes (got ${options} where the options go)`,
    );
  }
  checkOptions(options, allowed, `${op}()`);
}
