/**
 * gather: values picked along `dim` by an index tensor —
 * out[i][j][k] = x[index[i][j][k]][j][k] for dim 0, x[i][index[i][j][k]][k] for dim 1, ...
 * The lessons use it to pick each sample's log-probability of its target class:
 * logProbs.gather(1, target.unsqueeze(1)).
 *
 * Shape: index has the same number of dims as x and index.size(d) <= x.size(d) for
 * every d != dim; the result has index's shape.
 * Dtypes: x any; index int64; the result has x's dtype.
 * Gradient: grad scattered (added) back to the picked positions (GatherBackward0).
 * Throws: for a non-int64 index, a different number of dims, a too-large index size,
 * or an index value outside [0, x.size(dim)) — negative indices are not wrapped.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.gather.html
 */
import { Tensor, allocStorage, normalizeDim, stridesOf } from '../tensor.ts';
import { makeResult } from './graph.ts';

export function gather(x: Tensor, dim: number, index: Tensor): Tensor {
  const d = normalizeDim(dim, x.ndim);
  if (!(index instanceof Tensor)) throw new Error('gather(): index must be a Tensor');
  if (index.dtype !== 'int64') {
    throw new Error(`gather(): Expected dtype int64 for index (got ${index.dtype})`);
  }
  // PyTorch treats 0-d like 1-d here (ensure_nonempty_dim).
  const xShape = x.ndim === 0 ? [1] : [...x.shape];
  const iShape = index.ndim === 0 ? [1] : [...index.shape];
  if (xShape.length !== iShape.length) {
    throw new Error(
      `Index tensor must have the same number of dimensions as input tensor (index shape [${index.shape.join(', ')}], input shape [${x.shape.join(', ')}])`,
    );
  }
  const n = index.numel();
  if (n > 0) {
    for (let k = 0; k < xShape.length; k++) {
      if (k !== d && iShape[k] > xShape[k]) {
        throw new Error(
          `Size does not match at dimension ${k} expected index [${index.shape.join(', ')}] to be smaller than self [${x.shape.join(', ')}] apart from dimension ${d}`,
        );
      }
    }
  }
  const xStrides = stridesOf(xShape);
  const size = xShape[d];
  // For each output element, the flat input position it reads.
  const source = new Int32Array(n);
  const idx = new Array<number>(iShape.length).fill(0);
  for (let i = 0; i < n; i++) {
    const v = index.data[i];
    if (v < 0 || v >= size) {
      throw new Error(`index ${v} is out of bounds for dimension ${d} with size ${size}`);
    }
    let pos = 0;
    for (let k = 0; k < iShape.length; k++) pos += (k === d ? v : idx[k]) * xStrides[k];
    source[i] = pos;
    for (let k = iShape.length - 1; k >= 0; k--) {
      if (++idx[k] < iShape[k]) break;
      idx[k] = 0;
    }
  }
  const out = allocStorage(x.dtype, n);
  for (let i = 0; i < n; i++) out[i] = x.data[source[i]];
  return makeResult(out, index.shape, x.dtype, {
    name: 'GatherBackward0',
    inputs: [x],
    backward: (g) => {
      const acc = new Float64Array(x.data.length);
      for (let i = 0; i < n; i++) acc[source[i]] += g.data[i];
      const gx = allocStorage(g.dtype, acc.length);
      gx.set(acc);
      return [new Tensor(gx, x.shape, g.dtype)];
    },
  });
}
