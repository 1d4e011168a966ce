/**
 * Argument checks shared by the losses, each throwing an Error that names the shapes,
 * dtypes or values at fault (PyTorch's own wording first where it has one).
 * Private to the loss module.
 */
import { Tensor, isFloating, type DType } from './tensor.ts';

/** `[2, 3, 4]`: a shape as messages print it. */
export function shapeStr(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** True when two shapes are equal. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/** The multi-index `[n, h, w]` of flat position `i` in a contiguous tensor of `shape`. */
export function indexStr(i: number, shape: readonly number[]): string {
  const idx = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    idx[d] = i % shape[d];
    i = Math.floor(i / shape[d]);
  }
  return shapeStr(idx);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined (was an argument left out?)';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `an object (${(value as object).constructor?.name ?? 'Object'})`;
  return `${typeof value} ${String(value)}`;
}

/** Throws unless `value` is a Tensor. `what` reads like "crossEntropy: input". */
export function requireTensor(value: unknown, what: string): Tensor {
  if (!(value instanceof Tensor)) {
    const hint = Array.isArray(value) || typeof value === 'number' ? '; build one with tensor(...)' : '';
    throw new Error(`${what} must be a Tensor, got ${describe(value)}${hint}`);
  }
  return value;
}

/** Throws unless `t` is float32 or float64. */
export function requireFloating(t: Tensor, what: string): void {
  if (!isFloating(t.dtype)) {
    throw new Error(
      `${what} must be a floating-point tensor (float32 or float64), got ${t.dtype} of shape ${shapeStr(t.shape)}`,
    );
  }
}

/** PyTorch's scalar type names, as in "expected scalar type Float but found Double". */
export { scalarTypeName as torchTypeName } from './ops/dtype.ts';

/** float64 if either is float64, else float32 (both floating). */
export function promoteFloat(a: DType, b: DType): DType {
  return a === 'float64' || b === 'float64' ? 'float64' : 'float32';
}

/**
 * Throws when `options` is not a plain options object or has a key not in `allowed`,
 * suggesting the camelCase name for PyTorch's snake_case spelling.
 */
export function checkOptions(options: unknown, allowed: readonly string[], fn: string): void {
  if (options === undefined) return;
  if (
    options === null ||
    typeof options !== 'object' ||
    Array.isArray(options) ||
    options instanceof Tensor
  ) {
    throw new Error(
      `${fn}: options must be an object such as { ${allowed.join(', ')} }, got ${describe(options)}`,
    );
  }
  for (const key of Object.keys(options)) {
    if (allowed.includes(key)) continue;
    const camel = key.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());
    const hint = allowed.includes(camel) ? ` (did you mean ${camel}?)` : '';
    throw new Error(`${fn}: unknown option '${key}'${hint}; the options are ${allowed.join(', ')}`);
  }
}

/** The wrapped dim in [0, ndim), or PyTorch's "Dimension out of range" naming the shape. */
export function checkDim(dim: unknown, shape: readonly number[], fn: string): number {
  const ndim = shape.length;
  const lo = ndim === 0 ? -1 : -ndim;
  const hi = ndim === 0 ? 0 : ndim - 1;
  if (typeof dim !== 'number' || !Number.isInteger(dim)) {
    throw new Error(
      `${fn}: dim must be an integer in [${lo}, ${hi}] for input of shape ${shapeStr(shape)}, got ${describe(dim)}`,
    );
  }
  if (dim < lo || dim > hi) {
    throw new Error(
      `Dimension out of range (expected to be in range of [${lo}, ${hi}], but got ${dim}): ` +
        `${fn} input has shape ${shapeStr(shape)}`,
    );
  }
  return dim < 0 ? dim + Math.max(ndim, 1) : dim;
}
