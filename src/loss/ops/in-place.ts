/**
 * In-place ops: add_, sub_, mul_, zero_, copy_ (PyTorch's trailing underscore) change a
 * tensor's values where it is, as an optimizer's update does:
 *
 *   noGrad(() => w.sub_(w.grad!, { alpha: lr }));   // w ← w - lr·∂L/∂w
 *
 * Shape: `other` must broadcast to this tensor's shape (the result cannot grow).
 * Dtypes: the result keeps this tensor's dtype; the op's promoted dtype must be castable to
 * it (an int64 tensor cannot take `add_(0.5)`).
 * Values: add_/sub_ compute self ± alpha·other with alpha in the dtype and one rounding (the
 * fused multiply-add of PyTorch's kernel); mul_ self·other; copy_ casts.
 * Each bumps the tensor's `_version`: backward() through an op that saved the old values
 * then throws, as PyTorch's does (see ../autograd.ts).
 * Throws, with PyTorch's messages: an in-place op on a leaf that requires grad while grad is
 * recorded ("a leaf Variable that requires grad is being used in an in-place operation.";
 * wrap the update in noGrad); a promoted dtype that cannot be cast ("result type Float can't
 * be cast to the desired output type Long"); a shape that does not broadcast to this one
 * ("output with shape [3] doesn't match the broadcast shape [2, 3]").
 *
 * NOTE: outside noGrad, PyTorch records in-place ops on tensors in a graph (they get a new
 * grad_fn); we refuse them with an error that names the out-of-place op to use instead.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.Tensor.add_.html (sub_, mul_, zero_, copy_)
 */
import { Tensor, isFloating, type DType } from '../tensor.ts';
import { isGradEnabled } from '../grad-mode.ts';
import { broadcastShapes } from './broadcast.ts';
import { checkOperand, zipRaw } from './binary.ts';
import { castValue, resultType, scalarTypeName, wrapInteger, type Operand } from './dtype.ts';

const category = (d: DType) => (d === 'bool' ? 0 : isFloating(d) ? 2 : 1);

/** Throws unless an in-place op may change `self` now. */
function checkWritable(self: Tensor, op: string, other?: Operand): void {
  if (!isGradEnabled()) return;
  if (self.requiresGrad && self.isLeaf) {
    throw new Error(
      'a leaf Variable that requires grad is being used in an in-place operation. ' +
        `(Wrap the update in noGrad(() => ...), as PyTorch's torch.no_grad(), to change it with ${op}.)`,
    );
  }
  if (self.requiresGrad || (other instanceof Tensor && other.requiresGrad)) {
    throw new Error(
      `${op}: the loss module does not record in-place ops in the autograd graph; use the out-of-place ` +
        `${op.slice(0, -1)}(...) (a new tensor), or run ${op} inside noGrad(() => ...)`,
    );
  }
}

/** Throws PyTorch's error unless `shape` broadcasts to self's shape without growing it. */
function checkFits(self: Tensor, shape: readonly number[]): void {
  const out = broadcastShapes(self.shape, shape);
  if (out.join(',') !== self.shape.join(',')) {
    throw new Error(
      `output with shape [${self.shape.join(', ')}] doesn't match the broadcast shape [${out.join(', ')}]`,
    );
  }
}

/** Write `values` (already of the broadcast shape) into `self`, cast to its dtype; bump its version. */
function store(self: Tensor, values: ArrayLike<number>, fromInteger: boolean): Tensor {
  const d = self.data;
  for (let i = 0; i < d.length; i++) {
    d[i] = fromInteger ? wrapInteger(values[i], self.dtype) : castValue(values[i], self.dtype);
  }
  self._version++;
  return self;
}

/** self ← fn(self, other), broadcast to self's shape, in the promoted dtype then stored in self's. */
export function binaryInPlace(
  self: Tensor,
  op: string,
  other: Operand,
  fn: (x: number, y: number, dtype: DType) => number,
): Tensor {
  checkOperand(op, other);
  checkWritable(self, op, other);
  const dtype = resultType([self, other]);
  if (category(dtype) > category(self.dtype)) {
    throw new Error(
      `result type ${scalarTypeName(dtype)} can't be cast to the desired output type ${scalarTypeName(self.dtype)} ` +
        `(${op} keeps the tensor's dtype ${self.dtype})`,
    );
  }
  checkFits(self, typeof other === 'number' ? [] : other.shape);
  const values = zipRaw(self, other, dtype, (x, y) => fn(x, y, dtype)).data;
  return store(self, values, !isFloating(dtype));
}

/** self ← self + alpha·other (sub_: alpha negated). */
export function addInPlace(self: Tensor, other: Operand, alpha: number, op = 'add_'): Tensor {
  if (typeof alpha !== 'number') throw new Error(`${op}(): alpha must be a number, got ${String(alpha)}`);
  if (!Number.isInteger(alpha) && !isFloating(resultType([self, other]))) {
    throw new Error('For integral input tensors, argument alpha must not be a floating point number.');
  }
  // alpha in the op's dtype, then x + alpha·y rounded once (PyTorch's vectorised fmadd).
  return binaryInPlace(self, op, other, (x, y, dtype) => x + castValue(alpha, dtype) * y);
}

export function zeroInPlace(self: Tensor): Tensor {
  checkWritable(self, 'zero_');
  return store(self, new Float64Array(self.data.length), true);
}

export function copyInPlace(self: Tensor, src: Tensor): Tensor {
  if (!(src instanceof Tensor)) throw new Error(`copy_(): src must be a Tensor, got ${typeof src}`);
  checkWritable(self, 'copy_', src);
  checkFits(self, src.shape);
  const integerToInt = !isFloating(src.dtype) && !isFloating(self.dtype);
  return store(self, zipRaw(src, self, 'float64', (v) => v).data, integerToInt);
}
