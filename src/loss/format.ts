/**
 * PyTorch 1.13's `repr(tensor)` at its default print options (precision 4,
 * threshold 1000, edgeitems 3, linewidth 80, sci_mode chosen automatically).
 *
 * A port of torch/_tensor_str.py, function by function (_Formatter, _vector_str,
 * _tensor_str_with_formatter, get_summarized_data, _add_suffixes, _str_intern), for
 * dense CPU tensors of float32, float64 and int64:
 *
 *   tensor([[ 1.5000, -2.0000],
 *           [ 0.0000,  3.0000]])
 *   tensor([1, 2, 3])                      int64 prints no dtype
 *   tensor([1., 2.], dtype=torch.float64)  integral floats print as `1.`
 *   tensor([1.0000e-05, 1.0000e+03])       sci mode for wide ranges / tiny / huge values
 *   tensor([], size=(0, 3))                empty tensors print their shape unless 1-d
 *   tensor(0.9862, grad_fn=<NllLoss2DBackward0>)
 *
 * Numbers are formatted as Python's `'{:.4f}'` and `'{:.4e}'` do: from the exact binary
 * value, rounded half to even (JS's toFixed rounds ties away from zero, e.g. 0.03125).
 *
 * See: https://github.com/pytorch/pytorch/blob/v1.13.0/torch/_tensor_str.py
 */
import { isFloating, type DType, type Tensor } from './tensor.ts';

const PRECISION = 4;
const THRESHOLD = 1000;
const EDGEITEMS = 3;
const LINEWIDTH = 80;

// ---------------------------------------------------------------------------
// Python's float formatting, exact.

const view = new DataView(new ArrayBuffer(8));

/** A finite non-negative double as mant * 2^exp with integer mant. */
function decompose(a: number): { mant: bigint; exp: number } {
  view.setFloat64(0, a);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { mant: frac, exp: -1074 };
  return { mant: frac | (1n << 52n), exp: biased - 1075 };
}

/** round(num / den) with ties to even, num, den > 0. */
function roundHalfEven(num: bigint, den: bigint): bigint {
  const q = num / den;
  const twice = 2n * (num - q * den);
  if (twice > den || (twice === den && q % 2n === 1n)) return q + 1n;
  return q;
}

/** round(a * 10^k) for a = mant * 2^exp, exactly. */
function scaledRound(mant: bigint, exp: number, k: number): bigint {
  let num = mant;
  let den = 1n;
  if (k >= 0) num *= 10n ** BigInt(k);
  else den *= 10n ** BigInt(-k);
  if (exp >= 0) num <<= BigInt(exp);
  else den <<= BigInt(-exp);
  return roundHalfEven(num, den);
}

function nonFinite(x: number): string | null {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  return null;
}

/** Python's `'{:.<digits>f}'.format(x)`, e.g. pyFormatFixed(0.03125, 4) === '0.0312'. */
export function pyFormatFixed(x: number, digits: number): string {
  const special = nonFinite(x);
  if (special !== null) return special;
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const { mant, exp } = decompose(Math.abs(x));
  let s = scaledRound(mant, exp, digits).toString();
  if (digits > 0) {
    s = s.padStart(digits + 1, '0');
    s = `${s.slice(0, -digits)}.${s.slice(-digits)}`;
  }
  return sign + s;
}

/** Python's `'{:.<digits>e}'.format(x)`, e.g. pyFormatExp(1e8, 4) === '1.0000e+08'. */
export function pyFormatExp(x: number, digits: number): string {
  const special = nonFinite(x);
  if (special !== null) return special;
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  let e10 = 0;
  let q = 0n;
  if (x !== 0) {
    const { mant, exp } = decompose(Math.abs(x));
    const lo = 10n ** BigInt(digits);
    const hi = lo * 10n;
    e10 = Math.floor(Math.log10(Math.abs(x)));
    q = scaledRound(mant, exp, digits - e10);
    if (q >= hi) {
      e10++;
      q = scaledRound(mant, exp, digits - e10);
    } else if (q < lo) {
      e10--;
      q = scaledRound(mant, exp, digits - e10);
    }
  }
  const s = q.toString().padStart(digits + 1, '0');
  const mantissa = digits > 0 ? `${s[0]}.${s.slice(1)}` : s;
  const expSign = e10 < 0 ? '-' : '+';
  return `${sign}${mantissa}e${expSign}${String(Math.abs(e10)).padStart(2, '0')}`;
}

/** Python's `str(int)` for an int64 stored as a double (exact digits, no `-0`). */
function pyInt(v: number): string {
  return Number.isInteger(v) ? BigInt(v).toString() : String(v);
}

/** Python's `str()` of an element of an integer or bool tensor. */
function pyIntOrBool(v: number, dtype: DType): string {
  return dtype === 'bool' ? (v ? 'True' : 'False') : pyInt(v);
}

// ---------------------------------------------------------------------------
// _Formatter: one width and one mode (int / fixed / sci) for every element shown.

class Formatter {
  readonly floating: boolean;
  readonly dtype: DType;
  intMode = true;
  sciMode = false;
  maxWidth = 1;

  constructor(values: readonly number[], dtype: DType) {
    this.dtype = dtype;
    this.floating = isFloating(dtype);
    if (!this.floating) {
      for (const v of values) this.maxWidth = Math.max(this.maxWidth, pyIntOrBool(v, dtype).length);
      return;
    }
    const nonzeroFinite = values.filter((v) => Number.isFinite(v) && v !== 0);
    if (nonzeroFinite.length === 0) return;
    let min = Infinity;
    let max = 0;
    for (const v of nonzeroFinite) {
      const a = Math.abs(v);
      if (a < min) min = a;
      if (a > max) max = a;
    }
    for (const v of nonzeroFinite) {
      if (v !== Math.ceil(v)) {
        this.intMode = false;
        break;
      }
    }
    if (this.intMode) {
      // Integral floats print as `1.`: one more char than '{:.0f}'.
      if (max / min > 1000.0 || max > 1.0e8) {
        this.sciMode = true;
        for (const v of nonzeroFinite)
          this.maxWidth = Math.max(this.maxWidth, pyFormatExp(v, PRECISION).length);
      } else {
        for (const v of nonzeroFinite)
          this.maxWidth = Math.max(this.maxWidth, pyFormatFixed(v, 0).length + 1);
      }
    } else if (max / min > 1000.0 || max > 1.0e8 || min < 1.0e-4) {
      this.sciMode = true;
      for (const v of nonzeroFinite)
        this.maxWidth = Math.max(this.maxWidth, pyFormatExp(v, PRECISION).length);
    } else {
      for (const v of nonzeroFinite)
        this.maxWidth = Math.max(this.maxWidth, pyFormatFixed(v, PRECISION).length);
    }
  }

  width(): number {
    return this.maxWidth;
  }

  format(v: number): string {
    let ret: string;
    if (this.floating) {
      if (this.sciMode) {
        ret = pyFormatExp(v, PRECISION);
      } else if (this.intMode) {
        ret = pyFormatFixed(v, 0);
        if (Number.isFinite(v)) ret += '.';
      } else {
        ret = pyFormatFixed(v, PRECISION);
      }
    } else {
      ret = pyIntOrBool(v, this.dtype);
    }
    return ret.padStart(this.maxWidth, ' ');
  }
}

// ---------------------------------------------------------------------------
// Walking the (row-major) data. A "block" is the sub-tensor at `offset` with `shape`.

function numel(shape: readonly number[]): number {
  let n = 1;
  for (const s of shape) n *= s;
  return n;
}

/** The indices shown along a dim of `size`: all, or the first and last EDGEITEMS. */
function shownRows(size: number, summarize: boolean): { head: number[]; tail: number[] } {
  // Only the shown indices are built: a summarised dim may be millions long.
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
  if (summarize && size > 2 * EDGEITEMS) {
    return { head: range(0, EDGEITEMS), tail: range(size - EDGEITEMS, size) };
  }
  return { head: range(0, size), tail: [] };
}

/** get_summarized_data, flattened: the values that will be printed. */
function summarizedValues(
  data: ArrayLike<number>,
  offset: number,
  shape: readonly number[],
  summarize: boolean,
  out: number[],
): void {
  if (shape.length === 0) {
    out.push(data[offset]);
    return;
  }
  const { head, tail } = shownRows(shape[0], summarize);
  const stride = numel(shape.slice(1));
  for (const i of [...head, ...tail])
    summarizedValues(data, offset + i * stride, shape.slice(1), summarize, out);
}

function vectorStr(
  data: ArrayLike<number>,
  offset: number,
  size: number,
  indent: number,
  summarize: boolean,
  fmt: Formatter,
): string {
  // Each element takes its width plus ", ".
  const elementLength = fmt.width() + 2;
  const perLine = Math.max(1, Math.floor((LINEWIDTH - indent) / elementLength));
  const { head, tail } = shownRows(size, summarize);
  const items = head.map((i) => fmt.format(data[offset + i]));
  if (tail.length > 0) items.push(' ...', ...tail.map((i) => fmt.format(data[offset + i])));
  const lines: string[] = [];
  for (let i = 0; i < items.length; i += perLine) lines.push(items.slice(i, i + perLine).join(', '));
  return `[${lines.join(`,\n${' '.repeat(indent + 1)}`)}]`;
}

function blockStr(
  data: ArrayLike<number>,
  offset: number,
  shape: readonly number[],
  indent: number,
  summarize: boolean,
  fmt: Formatter,
): string {
  const dim = shape.length;
  if (dim === 0) return fmt.format(data[offset]);
  if (dim === 1) return vectorStr(data, offset, shape[0], indent, summarize, fmt);
  const inner = shape.slice(1);
  const stride = numel(inner);
  const { head, tail } = shownRows(shape[0], summarize);
  const slices = head.map((i) => blockStr(data, offset + i * stride, inner, indent + 1, summarize, fmt));
  if (tail.length > 0) {
    slices.push(
      '...',
      ...tail.map((i) => blockStr(data, offset + i * stride, inner, indent + 1, summarize, fmt)),
    );
  }
  // Sub-blocks are separated by dim-1 newlines: a blank line between matrices of a 3-d tensor.
  return `[${slices.join(`,${'\n'.repeat(dim - 1)}${' '.repeat(indent + 1)}`)}]`;
}

/** _tensor_str: the bracketed values of a non-empty tensor. */
function tensorStr(t: Tensor, indent: number): string {
  const summarize = t.numel() > THRESHOLD;
  const values: number[] = [];
  summarizedValues(t.data, 0, t.shape, summarize, values);
  const fmt = new Formatter(values, t.dtype);
  return blockStr(t.data, 0, t.shape, indent, summarize, fmt);
}

/** _add_suffixes: `, dtype=...` etc., on a new line when the last line would pass 80 chars. */
function addSuffixes(tensorString: string, suffixes: readonly string[], indent: number): string {
  const parts = [tensorString];
  // As in PyTorch: len - rfind('\n') + 1 (so a one-line string counts 2 more than its length).
  let lastLineLen = tensorString.length - tensorString.lastIndexOf('\n') + 1;
  for (const suffix of suffixes) {
    if (lastLineLen + suffix.length + 2 > LINEWIDTH) {
      parts.push(`,\n${' '.repeat(indent)}${suffix}`);
      lastLineLen = indent + suffix.length;
    } else {
      parts.push(`, ${suffix}`);
      lastLineLen += suffix.length + 2;
    }
  }
  parts.push(')');
  return parts.join('');
}

/** Python's `str(tuple(shape))`: `(0,)`, `(2, 0, 3)`. */
function pyTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/**
 * `repr(t)` as PyTorch 1.13 prints it at default print options.
 *
 * Shape: any (0-d to n-d, empty included). Dtypes: float32 (no suffix, the default
 * dtype), float64 (`dtype=torch.float64`), int32 (`dtype=torch.int32`), int64 and bool (no
 * suffix unless empty).
 * Suffixes: `grad_fn=<Name>` for op results in a graph, `requires_grad=True` for leaves
 * that require grad.
 * Throws: never.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.set_printoptions.html
 */
export function formatTensor(t: Tensor): string {
  const prefix = 'tensor(';
  const indent = prefix.length;
  const suffixes: string[] = [];
  let body: string;
  if (t.numel() === 0) {
    // Explicitly print the shape if it is not (0,), to match NumPy.
    if (t.ndim !== 1) suffixes.push(`size=${pyTuple(t.shape)}`);
    // No element shows whether it is an integer tensor, so name any non-default dtype.
    if (t.dtype !== 'float32') suffixes.push(`dtype=torch.${t.dtype}`);
    body = '[]';
  } else {
    if (t.dtype === 'float64' || t.dtype === 'int32') suffixes.push(`dtype=torch.${t.dtype}`);
    body = tensorStr(t, indent);
  }
  if (t.gradFn !== null) suffixes.push(`grad_fn=<${t.gradFn.name}>`);
  else if (t.requiresGrad) suffixes.push('requires_grad=True');
  return addSuffixes(prefix + body, suffixes, indent);
}
