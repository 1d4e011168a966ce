/**
 * neg: -x elementwise.
 *
 * Shape: unchanged. Dtypes: any but bool; the result keeps the dtype.
 * Gradient: -grad (NegBackward0).
 * Throws: for a bool tensor, with PyTorch's message (a mask is inverted with `logicalNot()`).
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.neg.html
 */
import { Tensor } from '../tensor.ts';
import { mapRaw, unaryOp } from './unary.ts';

export function neg(x: Tensor): Tensor {
  if (x.dtype === 'bool') {
    throw new Error(
      'Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use ' +
        'the `~` or `logical_not()` operator instead. (In the loss module: mask.logicalNot().)',
    );
  }
  return unaryOp(
    x,
    x.dtype,
    'NegBackward0',
    (v) => -v,
    (g) => mapRaw(g, g.dtype, (v) => -v),
  );
}
