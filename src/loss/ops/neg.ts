/**
 * neg: -x elementwise.
 *
 * Shape: unchanged. Dtypes: any; the result keeps the dtype.
 * Gradient: -grad (NegBackward0).
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.neg.html
 */
import { Tensor } from '../tensor.ts';
import { mapRaw, unaryOp } from './unary.ts';

export function neg(x: Tensor): Tensor {
  return unaryOp(
    x,
    x.dtype,
    'NegBackward0',
    (v) => -v,
    (g) => mapRaw(g, g.dtype, (v) => -v),
  );
}
