/**
 * The Tensor type: a dense, contiguous, row-major n-d array with a dtype and an
 * optional place in an autograd graph.
 *
 * Storage by dtype:
 * - `float32`: a Float32Array, so every stored value is rounded as PyTorch's float32 is.
 * - `float64`: a Float64Array.
 * - `int64`:   a Float64Array holding integers (exact up to 2^53, which is all the
 *              class indices and shapes a lesson needs).
 * - `int32`:   an Int32Array (PyTorch's `torch.int32`, `.int()`): arithmetic wraps as in PyTorch.
 * - `bool`:    a Uint8Array of 0 and 1 (`torch.bool`): what comparisons return.
 *
 * NOTE: a bool tensor reads back as the numbers 0 and 1 (`item()`, `tolist()`, `data`),
 * where PyTorch gives Python's False and True; it prints as PyTorch does (`tensor([ True, False])`).
 *
 * NOTE: unlike PyTorch there are no views and no strides: every op returns a fresh,
 * contiguous tensor. This keeps every op a plain loop over `data`. A tensor does carry
 * `torchStrides`, the strides PyTorch 1.13 *would* give it (a permuted tensor is not
 * contiguous there). They never address `data`; they only let `view` refuse, and
 * `reshape` record `UnsafeViewBackward0`, exactly where PyTorch does.
 *
 * See: https://pytorch.org/docs/1.13/tensors.html
 */
import { formatTensor } from './format.ts';
import { backward as runBackward } from './autograd.ts';
import { unsqueeze as unsqueezeOp } from './ops/unsqueeze.ts';
import { squeeze as squeezeOp } from './ops/squeeze.ts';
import { reshape as reshapeOp, view as viewOp } from './ops/reshape.ts';
import { permute as permuteOp } from './ops/permute.ts';
import { sum as sumOp } from './ops/sum.ts';
import { mean as meanOp } from './ops/mean.ts';
import { exp as expOp } from './ops/exp.ts';
import { log as logOp } from './ops/log.ts';
import { neg as negOp } from './ops/neg.ts';
import { add as addOp } from './ops/add.ts';
import { sub as subOp } from './ops/sub.ts';
import { mul as mulOp } from './ops/mul.ts';
import { div as divOp } from './ops/div.ts';
import { gather as gatherOp } from './ops/gather.ts';
import { argmax as argmaxOp } from './ops/argmax.ts';
import { max as maxOp, type MaxResult } from './ops/max.ts';
import { detach as detachOp } from './ops/detach.ts';
import { clone as cloneOp, contiguous as contiguousOp } from './ops/clone.ts';
import { to as toOp } from './ops/to.ts';
import { sigmoid as sigmoidOp } from './ops/sigmoid.ts';
import { tanh as tanhOp } from './ops/tanh.ts';
import { sqrt as sqrtOp } from './ops/sqrt.ts';
import { log1p as log1pOp } from './ops/log1p.ts';
import { abs as absOp } from './ops/abs.ts';
import { pow as powOp } from './ops/pow.ts';
import { clamp as clampOp, type ClampOptions } from './ops/clamp.ts';
import { where as whereOp } from './ops/where.ts';
import * as cmp from './ops/compare.ts';
import { matmul as matmulOp } from './ops/matmul.ts';
import { addInPlace, binaryInPlace, copyInPlace, zeroInPlace } from './ops/in-place.ts';
import { isGradEnabled } from './grad-mode.ts';

export type DType = 'float32' | 'float64' | 'int64' | 'int32' | 'bool';
export type Storage = Float32Array | Float64Array | Int32Array | Uint8Array;

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
  /**
   * True when PyTorch's node (or, for a fused loss, any node of the graph it stands for)
   * saves tensors for backward, which backward() frees; default: decided by `name` (see
   * ./autograd.ts). A second backward() through such a node throws, as in PyTorch.
   */
  readonly savesTensors?: boolean;
}

/** Number of elements of a shape (1 for the 0-d shape []). */
export function numelOf(shape: readonly number[]): number {
  let n = 1;
  for (const s of shape) n *= s;
  return n;
}

/**
 * Row-major strides of a contiguous tensor of this shape, in elements. As in PyTorch,
 * a size-0 dim counts as 1 for the strides of the dims before it: (2, 0) -> [1, 1].
 */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= Math.max(shape[i], 1);
  }
  return strides;
}

/** A new zero-filled storage of `n` elements for `dtype`. */
export function allocStorage(dtype: DType, n: number): Storage {
  if (dtype === 'float32') return new Float32Array(n);
  if (dtype === 'int32') return new Int32Array(n);
  if (dtype === 'bool') return new Uint8Array(n);
  return new Float64Array(n);
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
  /** The accumulated gradient of a leaf (or of a tensor that called retainGrad) after `.backward()`, else null. */
  grad: Tensor | null = null;
  /** Set by retainGrad(): backward() stores this non-leaf's gradient in `.grad` too. */
  retainsGrad = false;
  /** The op that produced this tensor, null for leaves (PyTorch's `grad_fn`). */
  gradFn: GradFn | null;
  /**
   * The strides (in elements) PyTorch 1.13 would give this tensor. `data` is always
   * row-major contiguous whatever these say; see the module note.
   */
  readonly torchStrides: readonly number[];
  /**
   * PyTorch's `_version`: how many in-place ops have changed this tensor. backward() refuses
   * to use a tensor that changed after an op saved it (see ./autograd.ts).
   */
  _version = 0;
  /** The `_version` of each input of `gradFn` when this tensor was made. */
  readonly savedVersions: readonly number[];

  constructor(
    data: Storage,
    shape: readonly number[],
    dtype: DType,
    options: { requiresGrad?: boolean; gradFn?: GradFn | null; strides?: readonly number[] } = {},
  ) {
    if (data.length !== numelOf(shape)) {
      throw new Error(`internal: storage of ${data.length} elements for shape [${shape.join(', ')}]`);
    }
    if (options.strides !== undefined && options.strides.length !== shape.length) {
      throw new Error(`internal: strides [${options.strides.join(', ')}] for shape [${shape.join(', ')}]`);
    }
    this.data = data;
    this.shape = Object.freeze([...shape]);
    this.dtype = dtype;
    // Under noGrad() no op records a node, as in PyTorch's no_grad mode.
    this.gradFn = isGradEnabled() ? (options.gradFn ?? null) : null;
    this.requiresGrad = (options.requiresGrad ?? false) || this.gradFn !== null;
    this.savedVersions = this.gradFn === null ? [] : this.gradFn.inputs.map((t) => t._version);
    this.torchStrides = Object.freeze(options.strides ? [...options.strides] : stridesOf(shape));
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

  /** PyTorch's `stride()`: the strides PyTorch would report (see `torchStrides`). */
  stride(): number[];
  stride(dim: number): number;
  stride(dim?: number): number[] | number {
    if (dim === undefined) return [...this.torchStrides];
    return this.torchStrides[normalizeDim(dim, this.ndim)];
  }

  /** PyTorch's `is_contiguous()`, judged on `torchStrides` (size-1 dims are ignored). */
  isContiguous(): boolean {
    return isContiguousStrides(this.shape, this.torchStrides);
  }

  // ---- Shape ops (each in ./ops/<name>.ts; see there for shapes, errors, gradients) ----

  /** A size-1 dim inserted at `dim`. See ./ops/unsqueeze.ts. */
  unsqueeze(dim: number): Tensor {
    return unsqueezeOp(this, dim);
  }

  /** Size-1 dims removed (all, or only `dim`). See ./ops/squeeze.ts. */
  squeeze(dim?: number): Tensor {
    return squeezeOp(this, dim);
  }

  /** Same values, new shape; one size may be -1. `reshape(2, 3)` or `reshape([2, 3])`. See ./ops/reshape.ts. */
  reshape(...shape: number[] | [readonly number[]]): Tensor {
    return reshapeOp(this, flattenArgs(shape));
  }

  /** Like `reshape`, but throws where PyTorch cannot alias the storage. See ./ops/reshape.ts. */
  view(...shape: number[] | [readonly number[]]): Tensor {
    return viewOp(this, flattenArgs(shape));
  }

  /** Dims reordered: dim i of the result is dim `dims[i]` of this. See ./ops/permute.ts. */
  permute(...dims: number[] | [readonly number[]]): Tensor {
    return permuteOp(this, flattenArgs(dims));
  }

  /** A contiguous copy if PyTorch would call this non-contiguous, else this. See ./ops/clone.ts. */
  contiguous(): Tensor {
    return contiguousOp(this);
  }

  // ---- Reductions ----

  /** Sum of all elements, or over `dim` (a dim or a list of dims). See ./ops/sum.ts. */
  sum(dim?: number | readonly number[], keepdim = false): Tensor {
    return sumOp(this, dim, keepdim);
  }

  /** Mean of all elements, or over `dim`; floating dtypes only. See ./ops/mean.ts. */
  mean(dim?: number | readonly number[], keepdim = false): Tensor {
    return meanOp(this, dim, keepdim);
  }

  /** Index of the largest value (flattened, or along `dim`); int64. See ./ops/argmax.ts. */
  argmax(dim?: number, keepdim = false): Tensor {
    return argmaxOp(this, dim, keepdim);
  }

  /** The largest value (0-d), or `{ values, indices }` along `dim`. See ./ops/max.ts. */
  max(): Tensor;
  max(dim: number, keepdim?: boolean): MaxResult;
  max(dim?: number, keepdim = false): Tensor | MaxResult {
    return dim === undefined ? maxOp(this) : maxOp(this, dim, keepdim);
  }

  // ---- Elementwise ----

  /** e^x elementwise. See ./ops/exp.ts. */
  exp(): Tensor {
    return expOp(this);
  }

  /** Natural log elementwise. See ./ops/log.ts. */
  log(): Tensor {
    return logOp(this);
  }

  /** -x elementwise. See ./ops/neg.ts. */
  neg(): Tensor {
    return negOp(this);
  }

  /** this + other, broadcast and type-promoted. See ./ops/add.ts. */
  add(other: Tensor | number): Tensor {
    return addOp(this, other);
  }

  /** this - other, broadcast and type-promoted. See ./ops/sub.ts. */
  sub(other: Tensor | number): Tensor {
    return subOp(this, other);
  }

  /** this * other, broadcast and type-promoted. See ./ops/mul.ts. */
  mul(other: Tensor | number): Tensor {
    return mulOp(this, other);
  }

  /** this / other (true division), broadcast and type-promoted. See ./ops/div.ts. */
  div(other: Tensor | number): Tensor {
    return divOp(this, other);
  }

  /** σ(x) = 1 / (1 + e^-x) elementwise. See ./ops/sigmoid.ts. */
  sigmoid(): Tensor {
    return sigmoidOp(this);
  }

  /** tanh(x) elementwise. See ./ops/tanh.ts. */
  tanh(): Tensor {
    return tanhOp(this);
  }

  /** √x elementwise. See ./ops/sqrt.ts. */
  sqrt(): Tensor {
    return sqrtOp(this);
  }

  /** log(1 + x) elementwise, accurate for small x. See ./ops/log1p.ts. */
  log1p(): Tensor {
    return log1pOp(this);
  }

  /** |x| elementwise. See ./ops/abs.ts. */
  abs(): Tensor {
    return absOp(this);
  }

  /** this ** exponent (a number, or a tensor broadcast with this). See ./ops/pow.ts. */
  pow(exponent: Tensor | number): Tensor {
    return powOp(this, exponent);
  }

  /** Limited to [min, max]: `clamp(0, 1)`, `clamp({ min: 1e-7 })`, `clamp(null, 20)`. See ./ops/clamp.ts. */
  clamp(min?: number | null | ClampOptions, max?: number | null): Tensor {
    return clampOp(this, min, max);
  }

  /** PyTorch's alias of `clamp`. */
  clip(min?: number | null | ClampOptions, max?: number | null): Tensor {
    return clampOp(this, min, max);
  }

  /** this where `condition` is true, else `other`: where(condition, this, other). See ./ops/where.ts. */
  where(condition: Tensor, other: Tensor | number): Tensor {
    return whereOp(condition, this, other);
  }

  /** this > other elementwise, a bool tensor. See ./ops/compare.ts. */
  gt(other: Tensor | number): Tensor {
    return cmp.gt(this, other);
  }

  /** this < other elementwise, a bool tensor. See ./ops/compare.ts. */
  lt(other: Tensor | number): Tensor {
    return cmp.lt(this, other);
  }

  /** this >= other elementwise, a bool tensor. See ./ops/compare.ts. */
  ge(other: Tensor | number): Tensor {
    return cmp.ge(this, other);
  }

  /** this <= other elementwise, a bool tensor. See ./ops/compare.ts. */
  le(other: Tensor | number): Tensor {
    return cmp.le(this, other);
  }

  /** this == other elementwise, a bool tensor. See ./ops/compare.ts. */
  eq(other: Tensor | number): Tensor {
    return cmp.eq(this, other);
  }

  /** this != other elementwise, a bool tensor. See ./ops/compare.ts. */
  ne(other: Tensor | number): Tensor {
    return cmp.ne(this, other);
  }

  /** True where this is 0 (a mask inverted). See ./ops/compare.ts. */
  logicalNot(): Tensor {
    return cmp.logicalNot(this);
  }

  /** The matrix product this @ other (1-d and 2-d operands, (..., m, n) @ (n, p)). See ./ops/matmul.ts. */
  matmul(other: Tensor): Tensor {
    return matmulOp(this, other);
  }

  // ---- In-place (each returns this; see ./ops/in-place.ts) ----

  /** this ← this + alpha·other. Use inside noGrad for a leaf that requires grad. */
  add_(other: Tensor | number, options: { alpha?: number } = {}): Tensor {
    return addInPlace(this, other, options.alpha ?? 1, 'add_');
  }

  /** this ← this - alpha·other. Use inside noGrad for a leaf that requires grad. */
  sub_(other: Tensor | number, options: { alpha?: number } = {}): Tensor {
    return addInPlace(this, other, -(options.alpha ?? 1), 'sub_');
  }

  /** this ← this · other. */
  mul_(other: Tensor | number): Tensor {
    return binaryInPlace(this, 'mul_', other, (x, y) => x * y);
  }

  /** this ← 0. */
  zero_(): Tensor {
    return zeroInPlace(this);
  }

  /** this ← src (broadcast to this shape, cast to this dtype). */
  copy_(src: Tensor): Tensor {
    return copyInPlace(this, src);
  }

  /** Make this leaf require grad (or not); PyTorch's requires_grad_(). */
  requiresGrad_(requiresGrad = true): Tensor {
    if (!this.isLeaf) {
      if (requiresGrad) return this;
      throw new Error(
        "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().",
      );
    }
    if (requiresGrad && !isFloating(this.dtype)) {
      throw new Error(`only Tensors of floating point dtype can require gradients (got dtype ${this.dtype})`);
    }
    this.requiresGrad = requiresGrad;
    return this;
  }

  /** Values picked along `dim` by an int64 `index`. See ./ops/gather.ts. */
  gather(dim: number, index: Tensor): Tensor {
    return gatherOp(this, dim, index);
  }

  // ---- Graph and dtype ----

  /** The same values, cut from the autograd graph. See ./ops/detach.ts. */
  detach(): Tensor {
    return detachOp(this);
  }

  /** A copy that stays in the graph (`CloneBackward0`). See ./ops/clone.ts. */
  clone(): Tensor {
    return cloneOp(this);
  }

  /** Converted to `dtype` (this itself when it already has it). See ./ops/to.ts. */
  to(dtype: DType): Tensor {
    return toOp(this, dtype);
  }

  /** `to('float32')`. */
  float(): Tensor {
    return toOp(this, 'float32');
  }

  /** `to('float64')`. */
  double(): Tensor {
    return toOp(this, 'float64');
  }

  /** `to('int64')` (truncates toward zero). */
  long(): Tensor {
    return toOp(this, 'int64');
  }

  /** `to('int32')` (truncates toward zero; int64 values wrap around). */
  int(): Tensor {
    return toOp(this, 'int32');
  }

  /** `to('bool')`: true where nonzero. */
  bool(): Tensor {
    return toOp(this, 'bool');
  }

  /**
   * Keep this non-leaf's gradient in `.grad` after backward() (PyTorch's retain_grad()): e.g.
   * the logits a model computes, to compare ∂L/∂z with softmax(z) - y. A no-op on a leaf.
   */
  retainGrad(): Tensor {
    if (!this.requiresGrad) {
      throw new Error("can't retain_grad on Tensor that has requires_grad=False");
    }
    if (!this.isLeaf) this.retainsGrad = true;
    return this;
  }

  /** Back-propagate from this scalar; fills `.grad` of the leaves that require it. */
  backward(gradient?: Tensor): void {
    runBackward(this, gradient);
  }

  /** PyTorch's repr at default print options, e.g. `tensor(0.9862, grad_fn=<NllLoss2DBackward0>)`. */
  toString(): string {
    return formatTensor(this);
  }

  /** Node's console.log shows the PyTorch repr too. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return formatTensor(this);
  }
}

/** Accept both `f(2, 3)` and `f([2, 3])`. */
function flattenArgs(args: number[] | [readonly number[]]): number[] {
  if (args.length === 1 && Array.isArray(args[0])) return [...(args[0] as readonly number[])];
  return args as number[];
}

/**
 * PyTorch's `is_contiguous` on (shape, strides): row-major, ignoring the strides of
 * size-1 dims; an empty tensor is contiguous.
 */
export function isContiguousStrides(shape: readonly number[], strides: readonly number[]): boolean {
  if (numelOf(shape) === 0) return true;
  let expected = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    if (shape[d] === 1) continue;
    if (strides[d] !== expected) return false;
    expected *= shape[d];
  }
  return true;
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
