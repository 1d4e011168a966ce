/**
 * Type promotion and casting, as PyTorch 1.13 does them for our five dtypes, ordered
 * bool < int32 < int64 < float32 < float64 in three categories (bool, integer, floating).
 *
 * `resultType` is `torch.result_type`: operands fall in three priority classes —
 * tensors with dims, 0-d tensors, and wrapped JS numbers. A lower class changes the
 * result only when it is of a higher *category* (float above integer); a float JS
 * number then contributes the default dtype float32, a 0-d tensor its own dtype.
 * So int64 + 1.5 -> float32, float32 + 0-d float64 -> float32, int64 + 0-d float64 -> float64,
 * int32 + 2 -> int32, bool + 2 -> int64 (a bool tensor always gives way to a higher category).
 *
 * NOTE: JS has one number type, so an integral JS number (`2` or `2.0`) counts as a
 * Python int: `int64Tensor.mul(2.0)` stays int64 where PyTorch's `* 2.0` gives float32.
 *
 * See: https://pytorch.org/docs/1.13/tensor_attributes.html#type-promotion-doc
 */
import { Tensor, allocStorage, isFloating, type DType, type Storage } from '../tensor.ts';

export type Operand = Tensor | number;

const ORDER: readonly DType[] = ['bool', 'int32', 'int64', 'float32', 'float64'];

/** `torch.promote_types` on bool < int32 < int64 < float32 < float64 (the later one wins). */
export function promoteTypes(a: DType, b: DType): DType {
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}

/**
 * c10's combine_categories: the higher class wins unless it is bool, or the lower one is a
 * float over an integer.
 */
function combineCategories(higher: DType | null, lower: DType | null): DType | null {
  if (higher === null) return lower;
  if (isFloating(higher)) return higher;
  if (lower !== null && (higher === 'bool' || isFloating(lower))) return promoteTypes(higher, lower);
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
 * One value converted to `dtype`: rounded to float32, truncated toward zero for int64 and
 * int32, nonzero (NaN included) -> 1 for bool.
 * Throws for NaN/±inf to an integer dtype (PyTorch silently gives its most negative value)
 * and for a value outside the integer dtype's range (PyTorch's "value cannot be converted
 * to type int32 without overflow", as torch.tensor(2**31, dtype=torch.int32) raises).
 */
export function castValue(v: number, dtype: DType): number {
  if (dtype === 'float32') return Math.fround(v);
  if (dtype === 'float64') return v;
  if (dtype === 'bool') return v !== 0 ? 1 : 0;
  const min = dtype === 'int32' ? -(2 ** 31) : -(2 ** 63);
  if (!Number.isFinite(v)) {
    throw new Error(`cannot convert ${v} to ${dtype} (PyTorch would give ${BigInt(min)})`);
  }
  const t = Math.trunc(v);
  if (t < min || t >= -min) {
    throw new Error(
      `value cannot be converted to type ${dtype} without overflow (got ${v}; ${dtype} holds [${min}, ${-min}))`,
    );
  }
  return t + 0; // + 0 turns -0 into 0
}

/** An integer result of integer arithmetic stored as `dtype`: int32 wraps around as in PyTorch. */
export function wrapInteger(v: number, dtype: DType): number {
  return dtype === 'int32' ? v | 0 : dtype === 'bool' ? (v !== 0 ? 1 : 0) : v + 0;
}

/** True for an integer in int64's range [-2^63, 2^63). */
export function fitsInt64(v: number): boolean {
  return Number.isInteger(v) && v >= -(2 ** 63) && v < 2 ** 63;
}

/**
 * The values of `t` as a new storage of `dtype`. An integer source converted to int32 wraps
 * around (int64 2^31 + 5 -> -2147483643), as PyTorch's `.int()` does.
 */
export function castStorage(t: Tensor, dtype: DType): Storage {
  const out = allocStorage(dtype, t.data.length);
  if (t.dtype === dtype || dtype === 'float64' || (dtype === 'float32' && t.dtype !== 'int64')) {
    out.set(t.data);
    return out;
  }
  const wrap = dtype === 'int32' && !isFloating(t.dtype);
  for (let i = 0; i < out.length; i++) out[i] = wrap ? t.data[i] | 0 : castValue(t.data[i], dtype);
  return out;
}

/** `t` itself if it has `dtype`, else a plain (graph-free) converted copy. For backward passes. */
export function castTensor(t: Tensor, dtype: DType): Tensor {
  return t.dtype === dtype ? t : new Tensor(castStorage(t, dtype), t.shape, dtype);
}

const SCALAR_TYPE_NAMES: Record<DType, string> = {
  float32: 'Float',
  float64: 'Double',
  int64: 'Long',
  int32: 'Int',
  bool: 'Bool',
};

/** PyTorch's short dtype name in messages: Float, Double, Long, Int, Bool. */
export function scalarTypeName(dtype: DType): string {
  return SCALAR_TYPE_NAMES[dtype];
}
