/**
 * The shared loop of elementwise two-input ops (add, sub, mul, div): broadcasting,
 * type promotion (see ./dtype.ts) and PyTorch's result layout (see ./strides.ts).
 *
 * Values are cast to the result dtype first and the op is computed in float64, then
 * stored in the result's storage; for float32 that equals PyTorch's float32 arithmetic,
 * since +, -, *, / rounded twice (to 53 then 24 bits) give the correctly rounded result.
 */
import { Tensor, allocStorage, isFloating, type DType } from '../tensor.ts';
import { castValue, resultType, wrapInteger, type Operand } from './dtype.ts';
import { broadcastIndex, broadcastShapes } from './broadcast.ts';
import { elementwiseStrides } from './strides.ts';
import { gradFor, makeResult } from './graph.ts';

const shapeOf = (x: Operand): readonly number[] => (typeof x === 'number' ? [] : x.shape);

/** Check that a JS-number operand is a finite-or-infinite number (not NaN by accident, not a string). */
export function checkOperand(op: string, x: unknown): void {
  if (typeof x === 'number' || x instanceof Tensor) return;
  throw new Error(
    `${op}(): expected a Tensor or a number as other, but got ${typeof x === 'object' ? JSON.stringify(x) : String(x)}`,
  );
}

/**
 * `fn(a, b)` elementwise over the broadcast shape, into `dtype`, with no graph. The operands
 * are cast to `inDtype` (default `dtype`) first: comparisons compute in the promoted dtype and
 * store bools.
 */
export function zipRaw(
  a: Operand,
  b: Operand,
  dtype: DType,
  fn: (x: number, y: number) => number,
  inDtype: DType = dtype,
): Tensor {
  const shape = broadcastShapes(shapeOf(a), shapeOf(b));
  const n = shape.reduce((p, s) => p * s, 1);
  const out = allocStorage(dtype, n);
  const cast = inDtype !== 'float64';
  const valuesOf = (x: Operand): ((i: number) => number) => {
    if (typeof x === 'number') {
      const v = cast ? castValue(x, inDtype) : x;
      return () => v;
    }
    const map = broadcastIndex(x.shape, shape);
    const d = x.data;
    return cast && x.dtype !== inDtype ? (i) => castValue(d[map[i]], inDtype) : (i) => d[map[i]];
  };
  const va = valuesOf(a);
  const vb = valuesOf(b);
  if (!isFloating(dtype))
    for (let i = 0; i < n; i++) out[i] = wrapInteger(fn(va(i), vb(i)), dtype); // no -0 among ints
  else for (let i = 0; i < n; i++) out[i] = fn(va(i), vb(i));
  return new Tensor(out, shape, dtype);
}

/**
 * The op `name` over `a` and `b`: result dtype `dtypeOf(promoted)`, values `fn`,
 * and `backward(grad, result)` giving [grad of a, grad of b] at the broadcast shape
 * (summed back here to each input's shape and cast to its dtype).
 */
export function binaryOp(
  a: Tensor,
  b: Operand,
  name: string,
  dtypeOf: (promoted: DType) => DType,
  fn: (x: number, y: number) => number,
  backward: (grad: Tensor, result: Tensor) => [Tensor | null, Tensor | null],
): Tensor {
  checkOperand(name.replace(/Backward\d$/, '').toLowerCase(), b);
  const dtype = dtypeOf(resultType([a, b]));
  const raw = zipRaw(a, b, dtype, fn);
  const tensors = typeof b === 'number' ? [a] : [a, b];
  const result: Tensor = makeResult(raw.data, raw.shape, dtype, {
    name,
    inputs: tensors,
    strides: elementwiseStrides(raw.shape, tensors),
    backward: (g) => {
      const [ga, gb] = backward(g, result);
      const gradA = ga === null ? null : gradFor(a, ga);
      if (typeof b === 'number') return [gradA];
      return [gradA, gb === null ? null : gradFor(b, gb)];
    },
  });
  return result;
}
