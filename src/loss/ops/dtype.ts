/**
 * Type promotion and casting, as PyTorch 1.13 does them for our three dtypes.
 *
 * `resultType` is `torch.result_type`: operands fall in three priority classes —
 * tensors with dims, 0-d tensors, and wrapped JS numbers. A lower class changes the
 * result only when it is of a higher *category* (float above integer); a float JS
 * number then contributes the default dtype float32, a 0-d tensor its own dtype.
 * So int64 + 1.5 -> float32, float32 + 0-d float64 -> float32, int64 + 0-d float64 -> float64.
 *
 * NOTE: JS has one number type, so an integral JS number (`2` or `2.0`) counts as a
 * Python int: `int64Tensor.mul(2.0)` stays int64 where PyTorch's `* 2.0` gives float32.
 *
 * See: https://pytorch.org/docs/1.13/tensor_attributes.html#type-promotion-doc
 */
import { Tensor, allocStorage, isFloating, type DType, type Storage } from '../tensor.ts';

export type Operand = Tensor | number;

/** `torch.promote_types` on int64 < float32 < float64. */
export function promoteTypes(a: DType, b: DType): DType {
  if (a === b) return a;
  if (a === 'float64' || b === 'float64') return 'float64';
  return 'float32';
}

/** c10's combine_categories: the higher class wins unless the lower one is a float over an int. */
function combineCategories(higher: DType | null, lower: DType | null): DType | null {
  if (higher === null) return lower;
  if (isFloating(higher)) return higher;
  if (lower !== null && isFloating(lower)) return promoteTypes(higher, lower);
  return higher;
}

/** `torch.result_type(*operands)`. */
export function resultType(operands: readonly Operand[]): DType {
  let dimResult: DType | null = null;
  let zeroResult: DType | null = null;
  let wrappedResult: DType | null = null;
  const merge = (acc: DType | null, d: DType): DType => (acc === null ? d : promoteTypes(acc, d));
  for (const op of operands) {
    if (typeof op === 'number') {
      wrappedResult = merge(wrappedResult, Number.isInteger(op) ? 'int64' : 'float32');
    } else if (op.ndim === 0) {
      zeroResult = merge(zeroResult, op.dtype);
    } else {
      dimResult = merge(dimResult, op.dtype);
    }
  }
  return combineCategories(dimResult, combineCategories(zeroResult, wrappedResult)) ?? 'float32';
}

/**
 * One value converted to `dtype`: rounded to float32, or truncated toward zero for int64.
 * Throws for NaN/±inf to int64 (PyTorch silently gives -9223372036854775808).
 */
export function castValue(v: number, dtype: DType): number {
  if (dtype === 'float32') return Math.fround(v);
  if (dtype === 'float64') return v;
  if (!Number.isFinite(v)) {
    throw new Error(`cannot convert ${v} to int64 (PyTorch would give -9223372036854775808)`);
  }
  if (!fitsInt64(Math.trunc(v))) {
    throw new Error(
      `value cannot be converted to type int64 without overflow (got ${v}; int64 holds [-2^63, 2^63))`,
    );
  }
  return Math.trunc(v) + 0; // + 0 turns -0 into 0
}

/** True for an integer in int64's range [-2^63, 2^63). */
export function fitsInt64(v: number): boolean {
  return Number.isInteger(v) && v >= -(2 ** 63) && v < 2 ** 63;
}

/** The values of `t` as a new storage of `dtype`. */
export function castStorage(t: Tensor, dtype: DType): Storage {
  const out = allocStorage(dtype, t.data.length);
  if (t.dtype === dtype || dtype === 'float64' || (dtype === 'float32' && t.dtype !== 'int64')) {
    out.set(t.data);
    return out;
  }
  for (let i = 0; i < out.length; i++) out[i] = castValue(t.data[i], dtype);
  return out;
}

/** `t` itself if it has `dtype`, else a plain (graph-free) converted copy. For backward passes. */
export function castTensor(t: Tensor, dtype: DType): Tensor {
  return t.dtype === dtype ? t : new Tensor(castStorage(t, dtype), t.shape, dtype);
}

/** PyTorch's short dtype name in messages: Float, Double, Long. */
export function scalarTypeName(dtype: DType): string {
  return dtype === 'float32' ? 'Float' : dtype === 'float64' ? 'Double' : 'Long';
}
