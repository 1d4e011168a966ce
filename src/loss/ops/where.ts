/**
 * where(condition, x, y): x where condition is true, else y, elementwise; torch.where.
 * Also `x.where(condition, y)`.
 *
 *   const safe = where(p.gt(0), p.log(), 0);   // log p where p > 0, else 0
 *
 * Shape: condition, x and y broadcast together (x or y may be a JS number, a 0-d tensor).
 * Dtypes: condition bool; the result has x's and y's promoted dtype (./dtype.ts), so
 * where(mask, 1.5, 0) is float32 and where(mask, float32, float64) is float64.
 * Gradient: grad to x where condition is true, to y where it is false, 0 elsewhere, each
 * summed back over its broadcast dims (WhereBackward0). The trap, as in PyTorch: an inf or
 * NaN in the branch not taken stays out of the value but not out of the gradient. In
 * where(p.gt(0), p.log(), 0) the zero gradient reaching log at p = 0 becomes 0 / 0 = NaN
 * in log's backward; mask the input instead: where(p.gt(0), p, 1).log().
 * Throws: for a condition that is not bool (PyTorch's "where expected condition to be a
 * boolean tensor, but got a tensor with dtype Long"); when the shapes do not broadcast.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.where.html
 */
import { Tensor, allocStorage } from '../tensor.ts';
import { broadcastIndex, broadcastShapes } from './broadcast.ts';
import { castValue, resultType, scalarTypeName, type Operand } from './dtype.ts';
import { checkOperand } from './binary.ts';
import { elementwiseStrides } from './strides.ts';
import { gradFor, makeResult } from './graph.ts';

const shapeOf = (x: Operand): readonly number[] => (typeof x === 'number' ? [] : x.shape);

export function where(condition: Tensor, x: Operand, y: Operand): Tensor {
  if (!(condition instanceof Tensor)) {
    throw new Error(`where(): condition must be a bool Tensor, got ${typeof condition}`);
  }
  if (condition.dtype !== 'bool') {
    throw new Error(
      `where expected condition to be a boolean tensor, but got a tensor with dtype ${scalarTypeName(condition.dtype)}` +
        ` (make one with a comparison such as x.gt(0), or .bool())`,
    );
  }
  checkOperand('where', x);
  checkOperand('where', y);
  const dtype = resultType([x, y]);
  const shape = broadcastShapes(broadcastShapes(condition.shape, shapeOf(x)), shapeOf(y));
  const c = broadcastIndex(condition.shape, shape);
  const at = (v: Operand): ((i: number) => number) => {
    if (typeof v === 'number') {
      const k = castValue(v, dtype);
      return () => k;
    }
    const map = broadcastIndex(v.shape, shape);
    return (i) => castValue(v.data[map[i]], dtype);
  };
  const vx = at(x);
  const vy = at(y);
  const out = allocStorage(dtype, c.length);
  for (let i = 0; i < out.length; i++) out[i] = condition.data[c[i]] ? vx(i) : vy(i);
  // Each tensor operand with the condition value that selects it (x and y may be one tensor).
  const branches = [
    [x, true],
    [y, false],
  ].filter((b): b is [Tensor, boolean] => b[0] instanceof Tensor);
  const tensors = branches.map(([t]) => t);
  return makeResult(out, shape, dtype, {
    name: 'WhereBackward0',
    inputs: tensors,
    strides: elementwiseStrides(shape, [condition, ...tensors]),
    backward: (g) => {
      const pick = (taken: boolean): Tensor => {
        const d = allocStorage(g.dtype, g.data.length);
        for (let i = 0; i < d.length; i++) if (Boolean(condition.data[c[i]]) === taken) d[i] = g.data[i];
        return new Tensor(d, g.shape, g.dtype);
      };
      return branches.map(([t, taken]) => gradFor(t, pick(taken)));
    },
  });
}
