/**
 * arange: the values start, start + step, ... up to but excluding end.
 *
 * Shape: (ceil((end - start) / step),). `arange(5)` is [0, 1, 2, 3, 4].
 * Calls: `arange(end)`, `arange(start, end)`, `arange(start, end, step)`, each with an
 * optional trailing `{ dtype, requiresGrad }`.
 * Dtypes: int64 when start, end and step are all integers, else float32; or `dtype`.
 * Values are rounded exactly as PyTorch's CPU kernel (AVX2 build) rounds them: in pairs of
 * vectors of 8 float32 / 4 float64 elements, each vector's first value is
 * cast(start + step * i0) and the others cast(first + step * k); the tail left over is
 * cast(start + step * i). This is why torch.arange(-1, 1, 0.05)[20] is -2.9802e-09, not 0,
 * and prints the whole tensor in sci mode.
 * Throws: "step must be nonzero"; "upper bound and larger bound inconsistent with step
 * sign" (e.g. arange(5, 0)); for non-finite bounds.
 *
 * In the book's cells a bound written as a float literal (`arange(0.0, 3)`) makes it float32, as
 * in PyTorch (./float-literal.ts).
 *
 * NOTE: outside the cells JS cannot tell `0.0` from `0`: `arange(0.0, 3)` is int64 there.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.arange.html
 */
import { Tensor, allocStorage } from '../tensor.ts';
import { castValue } from '../ops/dtype.ts';
import { checkOptions } from '../check.ts';
import { checkDtype, checkNumel, checkRequiresGrad, type CreationOptions } from './shape.ts';
import { withFloatLiteralArgs } from './float-literal.ts';

export function arange(end: number, options?: CreationOptions): Tensor;
export function arange(start: number, end: number, options?: CreationOptions): Tensor;
export function arange(start: number, end: number, step: number, options?: CreationOptions): Tensor;
export function arange(...args: (number | CreationOptions | undefined)[]): Tensor {
  return arangeOf(args, false);
}

// A cell's `arange(0.0, 3)`: a bound or the step was written as a float literal.
withFloatLiteralArgs(arange, (positions) =>
  positions.length > 0 ? (...args: (number | CreationOptions | undefined)[]) => arangeOf(args, true) : arange,
);

function arangeOf(args: (number | CreationOptions | undefined)[], floatLiteral: boolean): Tensor {
  const last = args[args.length - 1];
  const options: CreationOptions =
    typeof last === 'object' && last !== null ? (args.pop() as CreationOptions) : {};
  checkOptions(options, ['dtype', 'requiresGrad'], 'arange()');
  while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
  const nums = args as number[];
  if (nums.length < 1 || nums.length > 3 || nums.some((v) => typeof v !== 'number')) {
    throw new Error(
      `arange(): expected (end), (start, end) or (start, end, step) numbers, but got (${nums.map(String).join(', ')})`,
    );
  }
  const [start, end, step] = nums.length === 1 ? [0, nums[0], 1] : [nums[0], nums[1], nums[2] ?? 1];
  if (!Number.isFinite(start) || !Number.isFinite(end)) {
    throw new Error(`unsupported range: ${start} -> ${end}`);
  }
  if (step === 0 || Number.isNaN(step)) throw new Error(`step must be nonzero (got step ${step})`);
  if ((step > 0 && end < start) || (step < 0 && end > start)) {
    throw new Error(
      `upper bound and larger bound inconsistent with step sign (start ${start}, end ${end}, step ${step})`,
    );
  }
  const allInts = !floatLiteral && Number.isInteger(start) && Number.isInteger(end) && Number.isInteger(step);
  const dtype = checkDtype('arange', options.dtype ?? (allInts ? 'int64' : 'float32'));
  const requiresGrad = checkRequiresGrad(dtype, options.requiresGrad);
  const n = Math.ceil((end - start) / step);
  checkNumel('arange', [n]);
  const data = allocStorage(dtype, n);
  const vec = dtype === 'float32' ? 8 : dtype === 'float64' ? 4 : 0;
  let i = 0;
  if (vec > 0) {
    for (; i <= n - 2 * vec; i += 2 * vec) {
      for (const i0 of [i, i + vec]) {
        const base = castValue(start + step * i0, dtype);
        for (let k = 0; k < vec; k++) data[i0 + k] = castValue(base + step * k, dtype);
      }
    }
  }
  for (; i < n; i++) data[i] = castValue(start + step * i, dtype);
  return new Tensor(data, [n], dtype, { requiresGrad });
}
