/**
 * The shared loop of elementwise one-input ops (exp, log, neg, sigmoid, tanh, sqrt, log1p,
 * abs, clamp, pow with a number, casts). The result keeps the input's PyTorch layout, as
 * TensorIterator does.
 */
import { Tensor, allocStorage, isFloating, type DType } from '../tensor.ts';
import { castValue, wrapInteger } from './dtype.ts';
import { elementwiseStrides } from './strides.ts';
import { makeResult } from './graph.ts';

/** The dtype of a floating op's result: the input's if floating, else float32 (torch.exp(int) is float). */
export function floatDtypeOf(x: Tensor): DType {
  return isFloating(x.dtype) ? x.dtype : 'float32';
}

/**
 * How many leading elements of an n-element float32 (or float64) tensor PyTorch 1.13's
 * cpu_kernel_vec computes with its vector function: whole blocks of two AVX2 vectors (16
 * floats, 8 doubles). The rest takes the scalar function (std::exp where the vector one
 * uses SLEEF), so e.g. sigmoid's last bit depends on the element's position.
 */
export function vectorPrefix(n: number, dtype: DType): number {
  const block = dtype === 'float32' ? 16 : 8;
  return n - (n % block);
}

/** Values of `fn(x, i)` for every element x (index i) of `x`, in `dtype` (inputs cast to `dtype` first). */
export function mapRaw(x: Tensor, dtype: DType, fn: (v: number, i: number) => number): Tensor {
  const out = allocStorage(dtype, x.data.length);
  const src = x.data;
  const cast = x.dtype !== dtype && dtype !== 'float64';
  const f = isFloating(dtype) ? fn : (v: number, i: number) => wrapInteger(fn(v, i), dtype);
  for (let i = 0; i < out.length; i++) out[i] = f(cast ? castValue(src[i], dtype) : src[i], i);
  return new Tensor(out, x.shape, dtype);
}

/** `fn` over `x` into `dtype`, with grad_fn `name` whose backward maps (grad, x, result) to x's gradient. */
export function unaryOp(
  x: Tensor,
  dtype: DType,
  name: string,
  fn: (v: number, i: number) => number,
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

/**
 * `fn(g, x, y)` elementwise over a gradient g, the op's input x and its result y (all of one
 * shape), in g's dtype: the backward formulas of the elementwise ops.
 */
export function gradOf(
  g: Tensor,
  x: Tensor,
  y: Tensor,
  fn: (g: number, x: number, y: number) => number,
): Tensor {
  const out = allocStorage(g.dtype, g.data.length);
  for (let i = 0; i < out.length; i++) out[i] = fn(g.data[i], x.data[i], y.data[i]);
  return new Tensor(out, g.shape, g.dtype);
}
