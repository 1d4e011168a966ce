/**
 * Parameter: a leaf tensor that a module owns and an optimizer updates; PyTorch's
 * nn.Parameter. It requires grad by default and prints as PyTorch prints one:
 *
 *   Parameter containing:
 *   tensor([[ 0.1, -0.2]], requires_grad=True)
 *
 * `nn.Parameter(t)` copies t's values into a new leaf. Everything else is a Tensor's: ops on a
 * Parameter give plain tensors.
 * Throws: for an integer or bool tensor that should require grad.
 *
 * NOTE: PyTorch's Parameter shares t's storage; ours is a copy (our tensors never alias).
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.nn.parameter.Parameter.html
 */
import { Tensor } from './tensor.ts';
import { formatTensor } from './format.ts';
import { requireTensor } from './check.ts';
import { checkRequiresGrad } from './creation/shape.ts';

export class Parameter extends Tensor {
  constructor(data: Tensor, requiresGrad = true) {
    requireTensor(data, 'nn.Parameter: data');
    super(data.data.slice(), data.shape, data.dtype, {
      requiresGrad: checkRequiresGrad(data.dtype, requiresGrad),
    });
  }

  toString(): string {
    return `Parameter containing:\n${formatTensor(this)}`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

/**
 * PyTorch 1.13's zero_grad(set_to_none=False) for a list of parameters: each existing .grad
 * is set to zeros in place (it keeps printing as a tensor of zeros), or with `setToNone` to
 * null (PyTorch 2.x's default). Used by Module.zeroGrad and optimizer.zeroGrad.
 */
export function zeroGrads(params: readonly Tensor[], setToNone = false): void {
  for (const p of params) {
    if (p.grad === null) continue;
    if (setToNone) p.grad = null;
    else p.grad.data.fill(0);
  }
}
