/**
 * sub: a - b elementwise, with broadcasting and type promotion.
 *
 * Shape: a and b broadcast (a JS number acts as a 0-d tensor).
 * Dtypes: promoted as for add (see ./dtype.ts); two bool tensors are refused, as in PyTorch.
 * Gradient: grad to a, -grad to b, summed over broadcast dims (SubBackward0).
 * Throws: when the shapes do not broadcast, naming both shapes.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.sub.html
 */
import { Tensor } from '../tensor.ts';
import { binaryOp } from './binary.ts';
import { mapRaw } from './unary.ts';

export function sub(a: Tensor, b: Tensor | number): Tensor {
  if (a.dtype === 'bool' && b instanceof Tensor && b.dtype === 'bool') {
    throw new Error(
      'Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` ' +
        'operator instead.',
    );
  }
  return binaryOp(
    a,
    b,
    'SubBackward0',
    (d) => d,
    (x, y) => x - y,
    (g) => [g, mapRaw(g, g.dtype, (v) => -v)],
  );
}
