/**
 * log: the natural logarithm elementwise.
 *
 * Shape: unchanged. Dtypes: float32 -> float32, float64 -> float64, int64 -> float32.
 * Values: log(0) = -inf and log(x < 0) = nan, as in PyTorch (IEEE semantics, no throw:
 * these are the values PyTorch returns, and the lessons show why they hurt).
 * float32 values are SLEEF's logf_u1, bit for bit PyTorch's log (../sleef-log.ts); float64
 * values are Math.log (PyTorch's double log may differ in the last bit).
 * Gradient: grad / x (LogBackward0).
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.log.html
 */
import { Tensor, isFloating } from '../tensor.ts';
import { unaryOp } from './unary.ts';
import { sleefLogf } from '../sleef-log.ts';
import { zipRaw } from './binary.ts';

export function log(x: Tensor): Tensor {
  const dtype = isFloating(x.dtype) ? x.dtype : 'float32';
  const fn = dtype === 'float32' ? sleefLogf : Math.log;
  return unaryOp(x, dtype, 'LogBackward0', fn, (g, input) => zipRaw(g, input, g.dtype, (a, b) => a / b));
}
