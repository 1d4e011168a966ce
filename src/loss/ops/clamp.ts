/**
 * clamp: every element limited to [min, max]: min(max(x, min), max); torch.clamp (alias clip).
 *
 *   p.clamp(1e-7, 1 - 1e-7)     p.clamp({ min: 0 })     x.clamp(null, 20)
 *
 * Shape: unchanged. Dtypes: promoted with the bounds as with numbers in add: an int64 tensor
 * clamped to 0.5 gives float32, to 2 stays int64.
 * Values: NaN stays NaN; with min > max every element becomes max (as PyTorch 1.13).
 * Gradient: grad where min <= x <= max, 0 elsewhere (ClampBackward1). The bounds themselves
 * count as inside: x exactly at min or max passes its gradient (PyTorch's subgradient 1 there);
 * NaN gets 0. So a clamped probability feeds no gradient to the logit that made it.
 * Throws: when neither bound is given (PyTorch's "torch.clamp: At least one of 'min' or 'max'
 * must not be None"); for a bound that is not a number.
 *
 * NOTE: bounds are numbers only; PyTorch also takes tensors of bounds (ClampBackward0). Use
 * `where(x.lt(lo), lo, x)` for elementwise bounds.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.clamp.html
 */
import type { Tensor } from '../tensor.ts';
import { resultType } from './dtype.ts';
import { castValue } from './dtype.ts';
import { gradOf, unaryOp } from './unary.ts';

export interface ClampOptions {
  min?: number | null;
  max?: number | null;
}

export function clamp(x: Tensor, min?: number | null | ClampOptions, max?: number | null): Tensor {
  if (min !== null && typeof min === 'object') ({ min, max } = min);
  const lo = min ?? null;
  const hi = max ?? null;
  for (const [name, b] of [
    ['min', lo],
    ['max', hi],
  ] as const) {
    if (b !== null && typeof b !== 'number') {
      throw new Error(
        `clamp(): ${name} must be a number or null, got ${typeof b}; the loss module's clamp takes number bounds`,
      );
    }
  }
  if (lo === null && hi === null) {
    throw new Error(
      "torch.clamp: At least one of 'min' or 'max' must not be None (clamp(min, max) or clamp({ min, max }))",
    );
  }
  const dtype = resultType([x, ...[lo, hi].filter((b): b is number => b !== null)]);
  const l = lo === null ? -Infinity : castValue(lo, dtype);
  const h = hi === null ? Infinity : castValue(hi, dtype);
  return unaryOp(
    x,
    dtype,
    'ClampBackward1',
    // std::min(std::max(v, l), h), as PyTorch (its vector path agrees): NaN stays NaN, and
    // -0 clamped at 0 stays -0 (Math.max(-0, 0) would give 0).
    (v) => {
      const m = v < l ? l : v;
      return h < m ? h : m;
    },
    (g, input, y) => gradOf(g, input, y, (gi, xi) => (xi >= l && xi <= h ? gi : 0)),
  );
}
