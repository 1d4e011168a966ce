/**
 * The comparisons gt, lt, ge, le, eq, ne (x > y, x < y, x >= y, x <= y, x == y, x != y) and
 * logicalNot: elementwise, returning bool tensors, as PyTorch's torch.gt etc.
 *
 *   const mask = target.ne(255);        // tensor([ True, False,  True])
 *   mask.sum()                           // tensor(2): a bool sum counts the true entries
 *   logits.mul(mask.unsqueeze(1))        // bool promotes to the other operand's dtype
 *
 * Shape: x and y broadcast (a JS number acts as a 0-d tensor); logicalNot keeps the shape.
 * Dtypes: any; both sides are compared in their promoted dtype (./dtype.ts), so an int64
 * tensor compares with 1.5 as float32. The result is bool and has no gradient.
 * Values: NaN compares false with everything (so ne is true), as in IEEE and PyTorch.
 * logicalNot is true where x is 0 (NaN is true, so logicalNot(NaN) is false).
 * Throws: when the shapes do not broadcast, naming both shapes.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.gt.html (lt, ge, le, eq, ne alike)
 *      https://pytorch.org/docs/1.13/generated/torch.logical_not.html
 */
import type { Tensor } from '../tensor.ts';
import { checkOperand, zipRaw } from './binary.ts';
import { resultType, type Operand } from './dtype.ts';
import { mapRaw } from './unary.ts';

function compare(name: string, x: Tensor, y: Operand, test: (a: number, b: number) => boolean): Tensor {
  checkOperand(name, y);
  return zipRaw(x, y, 'bool', (a, b) => (test(a, b) ? 1 : 0), resultType([x, y]));
}

export const gt = (x: Tensor, y: Operand): Tensor => compare('gt', x, y, (a, b) => a > b);
export const lt = (x: Tensor, y: Operand): Tensor => compare('lt', x, y, (a, b) => a < b);
export const ge = (x: Tensor, y: Operand): Tensor => compare('ge', x, y, (a, b) => a >= b);
export const le = (x: Tensor, y: Operand): Tensor => compare('le', x, y, (a, b) => a <= b);
export const eq = (x: Tensor, y: Operand): Tensor => compare('eq', x, y, (a, b) => a === b);
export const ne = (x: Tensor, y: Operand): Tensor => compare('ne', x, y, (a, b) => a !== b);

export function logicalNot(x: Tensor): Tensor {
  return mapRaw(x, 'bool', (v) => (v === 0 ? 1 : 0));
}
