/**
 * add: a + b elementwise, with broadcasting and type promotion.
 *
 * Shape: a and b broadcast (e.g. (N, C) + (C,) -> (N, C); a JS number acts as a 0-d tensor).
 * Dtypes: promoted as PyTorch does (see ./dtype.ts): int64 + int64 -> int64,
 * int64 + float -> float32, float32 + float64 -> float64 (unless one side is 0-d).
 * Gradient: grad to both, summed over each side's broadcast dims (AddBackward0).
 * Throws: when the shapes do not broadcast, naming both shapes.
 *
 * NOTE: int64 values are exact only up to 2^53 (they are stored as float64).
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.add.html
 */
import { Tensor } from '../tensor.ts';
import { binaryOp } from './binary.ts';

export function add(a: Tensor, b: Tensor | number): Tensor {
  return binaryOp(
    a,
    b,
    'AddBackward0',
    (d) => d,
    (x, y) => x + y,
    (g) => [g, g],
  );
}
