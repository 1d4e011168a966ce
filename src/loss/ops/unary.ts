/**
 * The shared loop of elementwise one-input ops (exp, log, neg, clone, casts).
 * The result keeps the input's PyTorch layout, as TensorIterator does.
 */
import { Tensor, allocStorage, type DType } from '../tensor.ts';
import { castValue } from './dtype.ts';
import { elementwiseStrides } from './strides.ts';
import { makeResult } from './graph.ts';

/** Values of `fn(x)` for every element of `x`, in `dtype` (inputs cast to `dtype` first). */
export function mapRaw(x: Tensor, dtype: DType, fn: (v: number) => number): Tensor {
  const out = allocStorage(dtype, x.data.length);
  const src = x.data;
  if (x.dtype === dtype || dtype === 'float64') {
    for (let i = 0; i < out.length; i++) out[i] = fn(src[i]);
  } else {
    for (let i = 0; i < out.length; i++) out[i] = fn(castValue(src[i], dtype));
  }
  if (dtype === 'int64') for (let i = 0; i < out.length; i++) out[i] = castValue(out[i], 'int64');
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
