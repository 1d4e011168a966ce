/**
 * Shapes and checks shared by nllLoss and crossEntropy: where the class dim is, what a
 * class-index target must look like, the class `weight`, and `ignoreIndex`.
 * Private to the loss module.
 *
 * Layouts (PyTorch's): input (C) with a 0-d target; (N, C) with target (N);
 * (N, C, d1, ..., dk) with target (N, d1, ..., dk). Positions are the target's elements;
 * position i = n·S + s where S = d1·…·dk, and class c of position i sits at input index
 * (n·C + c)·S + s.
 */
import { Tensor, isFloating, numelOf, type DType, type Storage } from './tensor.ts';
import { shapeStr, indexStr, sameShape, torchTypeName, requireTensor } from './check.ts';

export interface ClassLayout {
  /** Batch size (1 for an unbatched (C) input). */
  N: number;
  /** Number of classes. */
  C: number;
  /** Positions per sample: d1·…·dk (1 for (C) and (N, C)). */
  S: number;
  /** The class dim of the input: 0 for (C), else 1. */
  classDim: number;
  /** The shape of a class-index target, and of a reduction='none' result. */
  targetShape: number[];
}

/** The layout of `input`; throws for a 0-d input (no class dim). */
export function classLayout(input: Tensor, fn: string): ClassLayout {
  const shape = input.shape;
  if (shape.length === 0) {
    throw new Error(
      `Expected 1 or more dimensions (got 0): ${fn} input must be (C), (N, C) or (N, C, d1, ..., dk), ` +
        `got a 0-d tensor`,
    );
  }
  if (shape.length === 1) return { N: 1, C: shape[0], S: 1, classDim: 0, targetShape: [] };
  return {
    N: shape[0],
    C: shape[1],
    S: numelOf(shape.slice(2)),
    classDim: 1,
    targetShape: [shape[0], ...shape.slice(2)],
  };
}

/**
 * Throws unless `target` is an int64 tensor of `layout.targetShape`. `probabilitiesHint`
 * adds crossEntropy's other reading (a float target of the input's shape).
 */
export function checkIndexTarget(
  input: Tensor,
  target: Tensor,
  layout: ClassLayout,
  fn: string,
  probabilitiesHint: boolean,
): void {
  const expected = layout.targetShape;
  const got = target.shape;
  const alt = probabilitiesHint
    ? `; for class probabilities pass a float target of the input's shape ${shapeStr(input.shape)}`
    : '';
  if (!sameShape(expected, got)) {
    const inputShape = shapeStr(input.shape);
    if (input.ndim === 1) {
      throw new Error(
        `${fn}: for an unbatched input of shape ${inputShape} (C) the target must be a 0-d class index ` +
          `such as tensor(2), got a target of shape ${shapeStr(got)}${alt}`,
      );
    }
    const keptClassDim =
      got.length === input.ndim && got[1] === 1 && sameShape([got[0], ...got.slice(2)], expected);
    if (keptClassDim) {
      throw new Error(
        `${fn}: expected a target of shape ${shapeStr(expected)} (the input's shape ${inputShape} without ` +
          `its class dim 1), got ${shapeStr(got)}, which keeps a class dim of size 1: ` +
          `use target.squeeze(1) to get shape ${shapeStr(expected)}`,
      );
    }
    if (got.length === expected.length && got.length > 0 && got[0] !== expected[0]) {
      throw new Error(
        `Expected input batch_size (${expected[0]}) to match target batch_size (${got[0]}): ` +
          `${fn} input has shape ${inputShape}, target ${shapeStr(got)}`,
      );
    }
    throw new Error(
      `${fn}: expected a target of shape ${shapeStr(expected)} (the input's shape ${inputShape} without ` +
        `its class dim 1), got ${shapeStr(got)}${alt}`,
    );
  }
  if (target.dtype !== 'int64') {
    throw new Error(
      `expected scalar type Long but found ${torchTypeName(target.dtype)}: ${fn} class-index targets must be ` +
        `int64 (torch.long), got a target of dtype ${target.dtype} and shape ${shapeStr(got)} for input of ` +
        `shape ${shapeStr(input.shape)}; convert it with target.long()${alt}`,
    );
  }
}

/**
 * The class weights as doubles, or null. Throws unless `weight` is a 1-d tensor of C
 * entries; with `dtype` set, also unless it has that dtype (PyTorch requires the input's).
 */
export function checkClassWeight(
  weight: unknown,
  C: number,
  dtype: DType | null,
  fn: string,
): Float64Array | null {
  if (weight === undefined || weight === null) return null;
  const w = requireTensor(weight, `${fn}: weight`);
  if (w.ndim !== 1 || w.shape[0] !== C) {
    throw new Error(
      `weight tensor should be defined either for all ${C} classes or no classes but got weight tensor ` +
        `of shape: ${shapeStr(w.shape)} (${fn})`,
    );
  }
  if (dtype !== null && w.dtype !== dtype) {
    throw new Error(
      `expected scalar type ${torchTypeName(dtype)} but found ${torchTypeName(w.dtype)}: ${fn} weight must ` +
        `have the input's dtype ${dtype}, got ${w.dtype}`,
    );
  }
  if (dtype === null && !isFloating(w.dtype)) {
    throw new Error(`${fn}: weight must be a floating-point tensor (float32 or float64), got ${w.dtype}`);
  }
  return Float64Array.from(w.data);
}

/** `ignoreIndex` (default -100); throws unless an integer. */
export function checkIgnoreIndex(value: unknown, fn: string): number {
  if (value === undefined) return -100;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new Error(`${fn}: ignoreIndex must be an integer, got ${String(value)}`);
  }
  return value;
}

/** PyTorch's "Target 3 is out of bounds." with the valid range and where it was found. */
export function targetOutOfBounds(
  t: number,
  position: number,
  layout: ClassLayout,
  ignoreIndex: number,
): Error {
  const where =
    layout.targetShape.length === 0 ? 'the 0-d target' : `target${indexStr(position, layout.targetShape)}`;
  const range =
    layout.C === 0
      ? 'there are no classes (C = 0)'
      : `class indices must be in [0, ${layout.C - 1}] (C = ${layout.C})`;
  return new Error(
    `Target ${t} is out of bounds. Found at ${where}; ${range} or equal ignoreIndex (${ignoreIndex})`,
  );
}

/**
 * Throws "Target t is out of bounds." for the first target (in memory order, as PyTorch)
 * outside [0, C-1] that is not ignoreIndex. Run before any heavy work.
 */
export function checkTargetRange(target: Storage, layout: ClassLayout, ignoreIndex: number): void {
  const C = layout.C;
  for (let i = 0; i < target.length; i++) {
    const t = target[i];
    if (t !== ignoreIndex && !(t >= 0 && t < C && Math.floor(t) === t)) {
      throw targetOutOfBounds(t, i, layout, ignoreIndex);
    }
  }
}
