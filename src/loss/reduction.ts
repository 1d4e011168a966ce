/**
 * `reduction`, as every PyTorch loss takes it: 'none' returns the per-element losses,
 * 'sum' their sum, 'mean' their sum divided by a denominator (the element count, or for
 * weighted class losses the summed weights of the counted targets).
 *
 * Sums are accumulated in double precision and rounded to the result dtype once.
 * NOTE: PyTorch accumulates float32 losses in float32 (pairwise), so float32 sums may
 * differ from PyTorch's in the last bit or two; ours are the more accurate.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.nn.CrossEntropyLoss.html
 */
import { Tensor, allocStorage, type DType, type Storage } from './tensor.ts';

export type Reduction = 'mean' | 'sum' | 'none';

const REDUCTIONS: readonly string[] = ['mean', 'sum', 'none'];

/**
 * `value` as a Reduction (or one of `allowed`, e.g. klDiv's 'batchmean'); throws PyTorch's
 * "… is not a valid value for reduction" otherwise.
 */
export function checkReduction<R extends string = Reduction>(
  value: unknown,
  fn: string,
  allowed: readonly string[] = REDUCTIONS,
): R {
  if (value === undefined) return 'mean' as R;
  if (typeof value !== 'string' || !allowed.includes(value)) {
    const shown = typeof value === 'string' ? `'${value}'` : String(value);
    const list = allowed.map((r) => `'${r}'`);
    throw new Error(
      `${shown} is not a valid value for reduction in ${fn}: use ${list.slice(0, -1).join(', ')} or ${list.at(-1)}`,
    );
  }
  return value as R;
}

/**
 * Reduce per-element `losses` (double precision, laid out as `shape`) into a result of
 * `dtype`: 'none' -> `shape`; 'sum' and 'mean' -> a 0-d result. `meanDenominator`
 * defaults to the element count (so an empty 'mean' is 0/0 = NaN, as in PyTorch).
 */
export function applyReduction(
  losses: Float64Array,
  shape: readonly number[],
  dtype: DType,
  reduction: Reduction,
  meanDenominator: number = losses.length,
): { data: Storage; shape: number[] } {
  if (reduction === 'none') {
    const data = allocStorage(dtype, losses.length);
    data.set(losses);
    return { data, shape: [...shape] };
  }
  let total = 0;
  for (let i = 0; i < losses.length; i++) total += losses[i];
  const data = allocStorage(dtype, 1);
  data[0] = reduction === 'sum' ? total : total / meanDenominator;
  return { data, shape: [] };
}

/**
 * The gradient of a reduction: what flows back to element i of the per-element losses
 * from `gradOutput` (the gradient of the reduced result). For 'none' that is
 * `perElement[i]`; for 'sum' and 'mean' it is the same `scalar` for every element
 * (gradOutput, divided by `meanDenominator` for 'mean').
 */
export function reductionGrad(
  gradOutput: Tensor,
  reduction: Reduction,
  meanDenominator: number,
): { perElement: Storage | null; scalar: number } {
  if (reduction === 'none') return { perElement: gradOutput.data, scalar: 0 };
  const g = gradOutput.data[0];
  return { perElement: null, scalar: reduction === 'sum' ? g : g / meanDenominator };
}
