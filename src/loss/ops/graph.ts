/**
 * Building op results with their autograd node.
 *
 * An op's result gets a `gradFn` (named as PyTorch 1.13 prints it) only when it is of a
 * floating dtype and one of its tensor inputs requires grad — as in PyTorch, where integer
 * results never require grad.
 */
import { Tensor, isFloating, type DType, type Storage } from '../tensor.ts';
import { castTensor } from './dtype.ts';
import { sumToShape } from './broadcast.ts';

export interface ResultSpec {
  /** PyTorch's grad_fn name, e.g. `ExpBackward0`. */
  readonly name: string;
  /** The tensor inputs, in the order `backward` returns their gradients. */
  readonly inputs: readonly Tensor[];
  /** Gradient of the output -> one gradient per input (null where none is needed). */
  readonly backward: (gradOutput: Tensor) => (Tensor | null)[];
  /** PyTorch's strides for the result (default: contiguous). */
  readonly strides?: readonly number[];
}

/** A new tensor over `data`, recording `spec` in the graph when gradients must flow. */
export function makeResult(data: Storage, shape: readonly number[], dtype: DType, spec: ResultSpec): Tensor {
  const tracked = isFloating(dtype) && spec.inputs.some((t) => t.requiresGrad);
  return new Tensor(data, shape, dtype, {
    strides: spec.strides,
    gradFn: tracked ? { name: spec.name, inputs: spec.inputs, backward: spec.backward } : null,
  });
}

/** A gradient computed at an op's output, summed over broadcast dims and cast to `input`'s shape and dtype. */
export function gradFor(input: Tensor, grad: Tensor): Tensor {
  return castTensor(sumToShape(grad, input.shape), input.dtype);
}

/** A plain (graph-free) tensor with the same values under another shape. */
export function reshaped(t: Tensor, shape: readonly number[]): Tensor {
  return new Tensor(t.data.slice(), shape, t.dtype);
}
