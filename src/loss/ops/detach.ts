/**
 * detach: the same values as a new leaf that does not require grad.
 *
 * Shape and dtype: unchanged. No gradient flows through it.
 *
 * NOTE: PyTorch's result shares storage with the input; ours is a copy (our tensors are
 * never views), so writing into one's `data` does not change the other.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.Tensor.detach.html
 */
import { Tensor } from '../tensor.ts';

export function detach(x: Tensor): Tensor {
  return new Tensor(x.data.slice(), x.shape, x.dtype, { strides: x.torchStrides });
}
