/**
 * Number formats for figures (tick labels, tables, the textual form), from d3-format, with
 * the non-finite values spelled out: NaN, ∞ and −∞ (d3-format would print them as-is).
 * Negative numbers use the minus sign U+2212, as d3-format does.
 */
import { format as d3format } from 'd3-format';

/** The default for values in tables and the textual form: 4 significant digits, trimmed. */
export const DEFAULT_FORMAT = '.4~g';

const cache = new Map<string, (x: number) => string>();

/** A formatter for the d3-format specifier (cached), that also prints NaN and ±∞. */
export function formatter(specifier: string = DEFAULT_FORMAT): (x: number) => string {
  let f = cache.get(specifier);
  if (!f) {
    const finite = d3format(specifier);
    f = (x: number) => (Number.isFinite(x) ? finite(x) : nonFinite(x));
    cache.set(specifier, f);
  }
  return f;
}

/** NaN, ∞ or −∞. */
export function nonFinite(x: number): string {
  return Number.isNaN(x) ? 'NaN' : x > 0 ? '∞' : '−∞';
}

/** Format one number with the specifier (or the default). */
export function formatNumber(x: number, specifier?: string): string {
  return formatter(specifier)(x);
}
