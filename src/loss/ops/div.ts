/**
 * div: a / b elementwise (true division), with broadcasting and type promotion.
 *
 * Shape: a and b broadcast (a JS number acts as a 0-d tensor).
 * Dtypes: promoted as for add, except that int64 / int64 gives float32 (true division).
 * Values: x / 0 is ±inf and 0 / 0 is nan, as in PyTorch.
 * Gradient: grad / b to a and -grad * ((a / b) / b) to b, PyTorch's formulas, summed
 * over broadcast dims (DivBackward0).
 * Throws: when the shapes do not broadcast, naming both shapes.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.div.html
 */
import { Tensor, isFloating } from '../tensor.ts';
import { binaryOp, zipRaw } from './binary.ts';

export function div(a: Tensor, b: Tensor | number): Tensor {
  return binaryOp(
    a,
    b,
    'DivBackward0',
    (d) => (isFloating(d) ? d : 'float32'),
    (x, y) => x / y,
    (g) => {
      const dt = g.dtype;
      const ga = a.requiresGrad ? zipRaw(g, b, dt, (u, v) => u / v) : null;
      let gb: Tensor | null = null;
      if (typeof b !== 'number' && b.requiresGrad) {
        const q = zipRaw(
          zipRaw(a, b, dt, (u, v) => u / v),
          b,
          dt,
          (u, v) => u / v,
        );
        gb = zipRaw(g, q, dt, (u, v) => -u * v);
      }
      return [ga, gb];
    },
  );
}
