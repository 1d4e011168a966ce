/**
 * to(dtype), float(), double(), long(), int(), bool(): the values converted to another dtype.
 *
 * Shape: unchanged. Dtypes: float32, float64, int64, int32, bool in any direction. Returns the
 * tensor itself when it already has `dtype` (as PyTorch does). Float -> int64 or int32
 * truncates toward 0; int64 -> int32 wraps around (2^31 + 5 -> -2147483643, as PyTorch);
 * -> bool is `value != 0` (NaN is true).
 * Gradient: cast back to the input's dtype (ToCopyBackward0); an integer or bool result has none.
 * Throws: for an unknown dtype; for NaN or ±inf converted to an integer dtype, and for a float
 * outside int32's range converted to int32.
 *
 * NOTE: PyTorch turns NaN/inf (and, for int32, out-of-range floats) into the dtype's most
 * negative value silently; we throw instead.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.Tensor.to.html
 */
import { Tensor, type DType } from '../tensor.ts';
import { castStorage, castTensor } from './dtype.ts';
import { makeResult } from './graph.ts';
import { DTYPES } from '../creation/shape.ts';

export function to(x: Tensor, dtype: DType): Tensor {
  if (!DTYPES.includes(dtype)) {
    throw new Error(`to(): unknown dtype ${JSON.stringify(dtype)}; expected one of ${DTYPES.join(', ')}`);
  }
  if (dtype === x.dtype) return x;
  return makeResult(castStorage(x, dtype), x.shape, dtype, {
    name: 'ToCopyBackward0',
    inputs: [x],
    strides: x.torchStrides,
    backward: (g) => [castTensor(g, x.dtype)],
  });
}
