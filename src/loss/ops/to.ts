/**
 * to(dtype), float(), double(), long(): the values converted to another dtype.
 *
 * Shape: unchanged. Dtypes: float32, float64, int64 in any direction. Returns the tensor
 * itself when it already has `dtype` (as PyTorch does). Float -> int64 truncates toward 0.
 * Gradient: cast back to the input's dtype (ToCopyBackward0); an int64 result has none.
 * Throws: for an unknown dtype; for NaN or ±inf converted to int64.
 *
 * NOTE: PyTorch turns NaN/inf into -9223372036854775808 silently; we throw instead.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.Tensor.to.html
 */
import { Tensor, type DType } from '../tensor.ts';
import { castStorage, castTensor } from './dtype.ts';
import { makeResult } from './graph.ts';

const DTYPES: readonly DType[] = ['float32', 'float64', 'int64'];

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
