/**
 * The Tensor type: a dense, contiguous, row-major n-d array with a dtype and an
 * optional place in an autograd graph.
 *
 * Storage by dtype:
 * - `float32`: a Float32Array, so every stored value is rounded as PyTorch's float32 is.
 * - `float64`: a Float64Array.
 * - `int64`:   a Float64Array holding integers (exact up to 2^53, which is all the
 *              class indices and shapes a lesson needs).
 *
 * NOTE: unlike PyTorch there are no views and no strides: every op returns a fresh,
 * contiguous tensor. This keeps every op a plain loop over `data`.
 *
 * See: https://pytorch.org/docs/1.13/tensors.html
 */
import { formatTensor } from './format.ts';
import { backward as runBackward } from './autograd.ts';

export type DType = 'float32' | 'float64' | 'int64';
export type Storage = Float32Array | Float64Array;

/**
 * A node of the autograd graph: the function that made a tensor.
 * `name` is what PyTorch 1.13 prints, e.g. `NllLoss2DBackward0`.
 * `backward` maps the gradient of the output to one gradient per input
 * (null where that input needs none), each of the input's shape.
 */
export interface GradFn {
  readonly name: string;
  readonly inputs: readonly Tensor[];
  backward(gradOutput: Tensor): (Tensor | null)[];
}

/** Number of elements of a shape (1 for the 0-d shape []). */
export function numelOf(shape: readonly number[]): number {
  let n = 1;
  for (const s of shape) n *= s;
  return n;
}

/** Row-major strides of a contiguous tensor of this shape, in elements. */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}

/** A new zero-filled storage of `n` elements for `dtype`. */
export function allocStorage(dtype: DType, n: number): Storage {
  return dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
}

/** True for the floating dtypes (those that can require a gradient). */
export function isFloating(dtype: DType): boolean {
  return dtype === 'float32' || dtype === 'float64';
}

export class Tensor {
  readonly data: Storage;
  readonly shape: readonly number[];
  readonly dtype: DType;
  /** Whether gradients flow to (leaf) or through (non-leaf) this tensor. */
  requiresGrad: boolean;
  /** The accumulated gradient of a leaf after `.backward()`, else null. */
  grad: Tensor | null = null;
  /** The op that produced this tensor, null for leaves (PyTorch's `grad_fn`). */
  gradFn: GradFn | null;

  constructor(
    data: Storage,
    shape: readonly number[],
    dtype: DType,
    options: { requiresGrad?: boolean; gradFn?: GradFn | null } = {},
  ) {
    if (data.length !== numelOf(shape)) {
      throw new Error(`internal: storage of ${data.length} elements for shape [${shape.join(', ')}]`);
    }
    this.data = data;
    this.shape = Object.freeze([...shape]);
    this.dtype = dtype;
    this.gradFn = options.gradFn ?? null;
    this.requiresGrad = (options.requiresGrad ?? false) || this.gradFn !== null;
  }

  /** PyTorch's spelling of `gradFn`. */
  get grad_fn(): GradFn | null {
    return this.gradFn;
  }

  /** True when the tensor was not produced by a differentiable op. */
  get isLeaf(): boolean {
    return this.gradFn === null;
  }

  get ndim(): number {
    return this.shape.length;
  }

  dim(): number {
    return this.shape.length;
  }

  numel(): number {
    return this.data.length;
  }

  /** The shape, or one size of it (negative dims count from the end). */
  size(): number[];
  size(dim: number): number;
  size(dim?: number): number[] | number {
    if (dim === undefined) return [...this.shape];
    return this.shape[normalizeDim(dim, this.ndim)];
  }

  /** The single value of a one-element tensor, as a JS number. */
  item(): number {
    if (this.data.length !== 1) {
      throw new Error(
        `a Tensor with ${this.data.length} elements cannot be converted to a number (shape [${this.shape.join(', ')}])`,
      );
    }
    return this.data[0];
  }

  /** The values as nested arrays (a number for a 0-d tensor), like PyTorch's `tolist()`. */
  tolist(): number | NestedNumbers {
    if (this.shape.length === 0) return this.data[0];
    const build = (dim: number, offset: number): NestedNumbers => {
      const n = this.shape[dim];
      const out: NestedNumbers = [];
      if (dim === this.shape.length - 1) {
        for (let i = 0; i < n; i++) out.push(this.data[offset + i]);
        return out;
      }
      const stride = numelOf(this.shape.slice(dim + 1));
      for (let i = 0; i < n; i++) out.push(build(dim + 1, offset + i * stride));
      return out;
    };
    return build(0, 0);
  }

  /** Back-propagate from this scalar; fills `.grad` of the leaves that require it. */
  backward(gradient?: Tensor): void {
    runBackward(this, gradient);
  }

  /** PyTorch's repr at default print options, e.g. `tensor(0.9862, grad_fn=<NllLoss2DBackward0>)`. */
  toString(): string {
    return formatTensor(this);
  }
}

export type NestedNumbers = (number | NestedNumbers)[];

/** Wrap a possibly negative `dim` into [0, ndim), with PyTorch's error when out of range. */
export function normalizeDim(dim: number, ndim: number): number {
  const lo = ndim === 0 ? -1 : -ndim;
  const hi = ndim === 0 ? 0 : ndim - 1;
  if (!Number.isInteger(dim) || dim < lo || dim > hi) {
    throw new Error(`Dimension out of range (expected to be in range of [${lo}, ${hi}], but got ${dim})`);
  }
  return dim < 0 ? dim + Math.max(ndim, 1) : dim;
}
