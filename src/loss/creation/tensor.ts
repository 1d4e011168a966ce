/**
 * tensor: a tensor from a number or nested arrays of numbers.
 *
 * Shape: read from the nesting: `tensor(2)` is 0-d, `tensor([1, 2])` is (2,),
 * `tensor([[1, 2], [3, 4]])` is (2, 2), `tensor([])` is (0,). The `shape` option
 * reshapes the values given (e.g. `tensor([], { shape: [0, 3] })` for an empty (0, 3)).
 * Dtypes: inferred as bool when every value is `true` or `false`, int64 when every value is
 * an integer in int64's range (a boolean counts as 0 or 1), else float32 (so tensor([1e20]) is
 * float32, as torch.tensor([1e20])); or `dtype` (float32, float64, int64, int32, bool). An explicit int64 value
 * outside [-2^63, 2^63) throws, as PyTorch's "value cannot be converted to type int64 without overflow".
 * An empty tensor defaults to float32. float32 values are rounded to float32.
 * Float values given with dtype int64 are truncated toward zero (as PyTorch does).
 * Throws: for ragged arrays ("expected sequence of length 2 at dim 1 (got 3)"), for
 * values that are not numbers, for `requiresGrad` on int64, for a `shape` whose size
 * differs from the number of values.
 *
 * Float literals: in the book's cells, data written with a float literal (`tensor([1.0, 0.0])`,
 * `const t = [1.0, 0]; tensor(t)`, `tensor(1.0)`) is float32, as in PyTorch: the cell transpiler
 * marks it (./float-literal.ts).
 *
 * NOTE: JS has one number type, so outside the cells (this module imported from Node) nothing
 * marks `1.0`, and `tensor([1.0, 2.0])` is int64 there. Write `{ dtype: 'float32' }`, or `.float()`.
 * NOTE: the `shape` option is ours; PyTorch's torch.tensor has none.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.tensor.html
 */
import { Tensor, allocStorage, numelOf, type DType, type NestedNumbers } from '../tensor.ts';
import { castValue, fitsInt64 } from '../ops/dtype.ts';
import { checkOptions } from '../check.ts';
import { checkDtype, checkRequiresGrad, checkShape, type CreationOptions } from './shape.ts';
import { isFloatLiteral, withFloatLiteralArgs } from './float-literal.ts';

export type TensorData = number | boolean | readonly (number | boolean | TensorData)[] | ArrayLike<number>;

export interface TensorOptions extends CreationOptions {
  /** Reshape the given values to this shape (same number of elements). */
  shape?: readonly number[];
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return `a sequence of length ${v.length}`;
  if (typeof v === 'string') return `'${v}'`;
  return String(v);
}

/**
 * Shape from the first element at each level, then every value (booleans as 0/1), checked
 * against it; whether every value is a boolean; and whether any of the arrays carries the
 * float-literal mark.
 */
function flatten(data: unknown): {
  shape: number[];
  values: number[];
  allBool: boolean;
  floatLiteral: boolean;
} {
  const shape: number[] = [];
  let probe: unknown = data;
  while (Array.isArray(probe) || ArrayBuffer.isView(probe)) {
    const seq = probe as ArrayLike<unknown>;
    shape.push(seq.length);
    if (seq.length === 0) break;
    probe = seq[0];
  }
  const values: number[] = [];
  let allBool = true;
  let floatLiteral = false;
  const walk = (v: unknown, dim: number): void => {
    if (dim === shape.length) {
      if (typeof v === 'boolean') {
        values.push(v ? 1 : 0);
        return;
      }
      allBool = false;
      if (typeof v !== 'number') {
        throw new Error(
          Array.isArray(v)
            ? `expected a number at dim ${dim} (got ${describe(v)}): the nested arrays are ragged`
            : `Could not infer dtype of ${typeof v} (got ${describe(v)})`,
        );
      }
      values.push(v);
      return;
    }
    if (!Array.isArray(v) && !ArrayBuffer.isView(v)) {
      throw new Error(`expected sequence of length ${shape[dim]} at dim ${dim} (got ${describe(v)})`);
    }
    const seq = v as ArrayLike<unknown>;
    if (!floatLiteral && isFloatLiteral(seq)) floatLiteral = true;
    if (seq.length !== shape[dim]) {
      throw new Error(`expected sequence of length ${shape[dim]} at dim ${dim} (got ${seq.length})`);
    }
    for (let i = 0; i < seq.length; i++) walk(seq[i], dim + 1);
  };
  walk(data, 0);
  return { shape, values, allBool: allBool && values.length > 0, floatLiteral };
}

export function tensor(data: TensorData | Tensor | NestedNumbers, options: TensorOptions = {}): Tensor {
  return createTensor(data, options, false);
}

// A cell's `tensor(1.0)`: the scalar data was written as a float literal.
withFloatLiteralArgs(tensor, (positions) =>
  positions.includes(0)
    ? (data, options = {}) => createTensor(data, options, typeof data === 'number')
    : tensor,
);

/** `scalarFloatLiteral`: the data is a number written as a float literal (`tensor(1.0)` in a cell). */
function createTensor(
  data: TensorData | Tensor | NestedNumbers,
  options: TensorOptions,
  scalarFloatLiteral: boolean,
): Tensor {
  checkOptions(options, ['dtype', 'requiresGrad', 'shape'], 'tensor()');
  let shape: number[];
  let values: number[];
  let inferred: DType | null = null;
  if (data instanceof Tensor) {
    shape = [...data.shape];
    values = Array.from(data.data);
    inferred = data.dtype === 'int64' ? 'int64' : 'float32';
    if (options.dtype === undefined) options = { ...options, dtype: data.dtype };
  } else {
    const flat = flatten(data);
    ({ shape, values } = flat);
    if (flat.allBool) inferred = 'bool';
    else if (flat.floatLiteral || scalarFloatLiteral) inferred = 'float32';
  }
  const dtype =
    options.dtype !== undefined
      ? checkDtype('tensor', options.dtype)
      : (inferred ?? (values.length > 0 && values.every(fitsInt64) ? 'int64' : 'float32'));
  const requiresGrad = checkRequiresGrad(dtype, options.requiresGrad);
  if (options.shape !== undefined) {
    const target = checkShape('tensor', options.shape);
    if (numelOf(target) !== values.length) {
      throw new Error(
        `tensor(): shape [${target.join(', ')}] holds ${numelOf(target)} elements, but ${values.length} values were given (shape [${shape.join(', ')}])`,
      );
    }
    shape = target;
  }
  const storage = allocStorage(dtype, values.length);
  for (let i = 0; i < values.length; i++) storage[i] = castValue(values[i], dtype);
  return new Tensor(storage, shape, dtype, { requiresGrad });
}
