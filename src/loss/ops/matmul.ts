/**
 * matmul: the matrix product, torch.matmul (the `@` operator), for the cases a small model
 * needs:
 *
 *   (n) @ (n)        -> ()          a dot product              (DotBackward0)
 *   (m, n) @ (n, p)  -> (m, p)      a matrix product            (MmBackward0)
 *   (m, n) @ (n)     -> (m)         matrix times vector         (MvBackward0)
 *   (n) @ (n, p)     -> (p)         vector times matrix         (SqueezeBackward3)
 *   (..., m, n) @ (n, p) -> (..., m, p)  a batch of rows times one matrix (UnsafeViewBackward0)
 *   (..., m, n) @ (n)    -> (..., m)     a batch of rows times one vector (UnsafeViewBackward0)
 *
 * Dtypes: both the same (float32, float64, int64, int32); the result keeps it.
 * Values: each entry Σ_k a_ik · b_kj, summed over k in order with each step rounded to the
 * dtype, as PyTorch's CPU kernel does (bit for bit in float32 on our checks; see mmRaw).
 * Gradient: to a, grad @ bᵀ; to b, aᵀ @ grad (for the vector cases the matching outer
 * products), each computed the same way.
 * Throws, with PyTorch's messages: a 0-d operand ("both arguments to matmul need to be at
 * least 1D"); inner sizes that differ ("mat1 and mat2 shapes cannot be multiplied (2x3 and
 * 2x3)", "inconsistent tensor size, ...", "size mismatch, got 2, 2x3,4"); operands of different
 * dtypes ("expected scalar type Float but found Double").
 *
 * NOTE: batched matrix
 * products ((b, m, n) @ (b, n, p)) and a 1-d left operand against a 3-d right one are not
 * supported (PyTorch broadcasts batch dims).
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.matmul.html
 */
import { Tensor, allocStorage, type DType } from '../tensor.ts';
import { makeResult, reshaped } from './graph.ts';
import { scalarTypeName } from './dtype.ts';
import { roundFor } from '../torch-rounding.ts';

/**
 * Plain (graph-free) C = A·B for row-major A (m×n) and B (n×p), with A and/or B read
 * transposed (A stored n×m, B stored p×n), stored in `dtype`. Each entry is summed as
 * PyTorch 1.13's CPU kernel sums it: over k in order, each product and each partial sum
 * rounded to the dtype (bit for bit with torch.mm, mv, dot and F.linear on float32
 * matrices with k up to 33 in our checks).
 */
export function mmRaw(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  m: number,
  n: number,
  p: number,
  dtype: DType,
  transA = false,
  transB = false,
): Tensor {
  const out = allocStorage(dtype, m * p);
  const r = roundFor(dtype);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < p; j++) {
      let acc = 0;
      for (let k = 0; k < n; k++) {
        acc = r(acc + r((transA ? a[k * m + i] : a[i * n + k]) * (transB ? b[j * n + k] : b[k * p + j])));
      }
      out[i * p + j] = acc;
    }
  }
  return new Tensor(out, [m, p], dtype);
}

const dims = (t: Tensor) => t.shape.join('x');

export function matmul(a: Tensor, b: Tensor): Tensor {
  if (!(a instanceof Tensor) || !(b instanceof Tensor)) {
    throw new Error('matmul(): both arguments must be Tensors');
  }
  if (a.ndim === 0 || b.ndim === 0) {
    throw new Error(
      `both arguments to matmul need to be at least 1D, but they are ${a.ndim}D and ${b.ndim}D`,
    );
  }
  if (a.dtype !== b.dtype) {
    throw new Error(
      `expected scalar type ${scalarTypeName(a.dtype)} but found ${scalarTypeName(b.dtype)}: matmul needs both ` +
        `operands of one dtype, got ${a.dtype} [${a.shape.join(', ')}] and ${b.dtype} [${b.shape.join(', ')}]`,
    );
  }
  const dtype = a.dtype;
  if (b.ndim > 2) {
    throw new Error(
      `matmul(): the loss module multiplies (..., m, n) by 1-d or 2-d operands; got shapes ` +
        `[${a.shape.join(', ')}] and [${b.shape.join(', ')}] (batched products are not supported)`,
    );
  }
  if (a.ndim === 1 && b.ndim === 1) {
    const n = a.shape[0];
    if (b.shape[0] !== n) {
      throw new Error(
        `inconsistent tensor size, expected tensor [${n}] and src [${b.shape[0]}] to have the same number of ` +
          `elements, but got ${n} and ${b.shape[0]} elements respectively`,
      );
    }
    const out = mmRaw(a.data, b.data, 1, n, 1, dtype);
    return makeResult(out.data, [], dtype, {
      name: 'DotBackward0',
      inputs: [a, b],
      backward: (g) => [
        reshaped(mmRaw(b.data, g.data, n, 1, 1, g.dtype), a.shape),
        reshaped(mmRaw(a.data, g.data, n, 1, 1, g.dtype), b.shape),
      ],
    });
  }
  if (a.ndim >= 2 && b.ndim === 1) {
    // (m, n) @ (n) is mv; (..., m, n) @ (n) folds the leading dims into m, as PyTorch does.
    const n = a.shape[a.ndim - 1];
    const m = a.numel() / Math.max(n, 1);
    if (b.shape[0] !== n) throw new Error(`size mismatch, got ${m}, ${m}x${n},${b.shape[0]}`);
    const out = mmRaw(a.data, b.data, m, n, 1, dtype);
    return makeResult(out.data, a.shape.slice(0, -1), dtype, {
      name: a.ndim === 2 ? 'MvBackward0' : 'UnsafeViewBackward0',
      inputs: [a, b],
      backward: (g) => [
        reshaped(mmRaw(g.data, b.data, m, 1, n, g.dtype), a.shape),
        reshaped(mmRaw(a.data, g.data, n, m, 1, g.dtype, true), [n]),
      ],
    });
  }
  // (n) @ (n, p), (m, n) @ (n, p), (..., m, n) @ (n, p): rows of a times b.
  const n = a.shape[a.ndim - 1];
  const m = a.numel() / Math.max(n, 1);
  const [n2, p] = b.shape;
  if (n2 !== n) {
    const rows = a.ndim === 1 ? 1 : a.ndim === 2 ? a.shape[0] : m;
    throw new Error(`mat1 and mat2 shapes cannot be multiplied (${rows}x${n} and ${dims(b)})`);
  }
  const shape = [...a.shape.slice(0, -1), p];
  const out = mmRaw(a.data, b.data, m, n, p, dtype);
  const name = a.ndim === 1 ? 'SqueezeBackward3' : a.ndim === 2 ? 'MmBackward0' : 'UnsafeViewBackward0';
  return makeResult(out.data, shape, dtype, {
    name,
    inputs: [a, b],
    backward: (g) => [
      reshaped(mmRaw(g.data, b.data, m, p, n, g.dtype, false, true), a.shape),
      mmRaw(a.data, g.data, n, m, p, g.dtype, true),
    ],
  });
}
