/**
 * mul: a * b elementwise, with broadcasting and type promotion.
 *
 * Shape: a and b broadcast (a JS number acts as a 0-d tensor).
 * Dtypes: promoted as for add (see ./dtype.ts).
 * Gradient: grad * b to a, grad * a to b, summed over broadcast dims (MulBackward0).
 * Throws: when the shapes do not broadcast, naming both shapes.
 *
 * NOTE: int64 products are exact only up to 2^53 (they are stored as float64).
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.mul.html
 */
import { Tensor } from '../tensor.ts';
import { binaryOp, zipRaw } from './binary.ts';

export function mul(a: Tensor, b: Tensor | number): Tensor {
  return binaryOp(
    a,
    b,
    'MulBackward0',
    (d) => d,
    (x, y) => x * y,
    (g) => [
      a.requiresGrad ? zipRaw(g, b, g.dtype, (u, v) => u * v) : null,
      typeof b !== 'number' && b.requiresGrad ? zipRaw(g, a, g.dtype, (u, v) => u * v) : null,
    ],
  );
}
