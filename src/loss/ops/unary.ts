/**
 * The shared loop of elementwise one-input ops (exp, log, neg, clone, casts).
 * The result keeps the input's PyTorch layout, as TensorIterator does.
 */
import { Tensor, allocStorage, isFloating, type DType } from '../tensor.ts';
import { castValue, wrapInteger } from './dtype.ts';
import { elementwiseStrides } from './strides.ts';
import { makeResult } from './graph.ts';

/** Values of `fn(x)` for every element of `x`, in `dtype` (inputs cast to `dtype` first). */
export function mapRaw(x: Tensor, dtype: DType, fn: (v: number) => number): Tensor {
  const out = allocStorage(dtype, x.data.length);
  const src = x.data;
  const cast = x.dtype !== dtype && dtype !== 'float64';
  const f = isFloating(dtype) ? fn : (v: number) => wrapInteger(fn(v), dtype);
  for (let i = 0; i < out.length; i++) out[i] = f(cast ? castValue(src[i], dtype) : src[i]);
  return new Tensor(out, x.shape, dtype);
}

/** `fn` over `x` into `dtype`, with grad_fn `name` whose backward maps (grad, x, result) to x's gradient. */
export function unaryOp(
  x: Tensor,
  dtype: DType,
  name: string,
  fn: (v: number) => number,
  backward: (grad: Tensor, x: Tensor, result: Tensor) => Tensor,
): Tensor {
  const raw = mapRaw(x, dtype, fn);
  const result: Tensor = makeResult(raw.data, x.shape, dtype, {
    name,
    inputs: [x],
    strides: elementwiseStrides(x.shape, [x]),
    backward: (g) => [backward(g, x, result)],
  });
  return result;
}
