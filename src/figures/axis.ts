/**
 * Continuous scales and their axes. Domains made "nice", ticks and tick labels come from d3:
 * d3-array's nice() and ticks(), d3-scale's tickFormat() (the functions d3's linear scale
 * calls) and d3-format; this file applies the affine map from data to the SVG and places
 * the ticks. (d3-scale's scaleLinear would also bring d3-interpolate and d3-color, 3 KB gzip
 * of colour parsing an explorable's page never uses: scripts/bench/figures.ts measures it.)
 */
import { extent, nice, ticks } from 'd3-array';
import { tickFormat } from 'd3-scale';
import type { AxisSpec } from './spec.ts';
import { tag, text } from './svg.ts';
import { nonFinite } from './format.ts';
import { FONT } from './text-metrics.ts';

/** A linear scale: data → SVG user units, and back; d3's ticks and tick format for its domain. */
export interface Linear {
  (v: number): number;
  invert(px: number): number;
  domain(): [number, number];
  range(): [number, number];
  ticks(count: number): number[];
  tickFormat(count: number, specifier?: string): (v: number) => string;
}

/** The affine map from `domain` onto `range` (both [start, end], start ≠ end for the domain). */
export function linearScale(domain: [number, number], range: [number, number]): Linear {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = (r1 - r0) / (d1 - d0);
  const scale = ((v: number) => r0 + (v - d0) * k) as Linear;
  scale.invert = (px) => d0 + (px - r0) / k;
  scale.domain = () => [d0, d1];
  scale.range = () => [r0, r1];
  scale.ticks = (count) => ticks(d0, d1, count);
  scale.tickFormat = (count, specifier) => tickFormat(d0, d1, count, specifier);
  return scale;
}

/**
 * The domain of an axis: the spec's, or the extent of the finite values (with `include`
 * added, e.g. 0 for bars), widened when it is a single value, made nice for `ticks` ticks.
 */
export function axisScale(
  axis: AxisSpec,
  values: Iterable<number>,
  range: [number, number],
  include: number[] = [],
): Linear {
  const count = axis.ticks ?? 5;
  if (axis.domain) return linearScale(axis.domain, range);
  const finite = [...values, ...include].filter(Number.isFinite);
  let [lo, hi] = extent(finite) as [number | undefined, number | undefined];
  if (lo === undefined || hi === undefined) [lo, hi] = [0, 1];
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) / 2;
    [lo, hi] = [lo - pad, hi + pad];
  }
  return linearScale(nice(lo, hi, count), range);
}

/** A tick formatter: d3's for the scale (precision from the tick step) or the spec's specifier. */
export function tickFormatter(scale: Linear, axis: AxisSpec): (x: number) => string {
  const f = scale.tickFormat(axis.ticks ?? 5, axis.format);
  return (x) => (Number.isFinite(x) ? f(x) : nonFinite(x));
}

export interface Frame {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A bottom axis: ticks, tick labels, the label under them; and vertical grid lines. */
export function bottomAxis(scale: Linear, axis: AxisSpec, frame: Frame, grid = true): string {
  const fmt = tickFormatter(scale, axis);
  const ticks = scale.ticks(axis.ticks ?? 5);
  const parts: string[] = [];
  for (const t of ticks) {
    const x = scale(t);
    if (grid) parts.push(tag('line', { class: 'fig-grid', x1: x, x2: x, y1: frame.top, y2: frame.bottom }));
    parts.push(tag('line', { class: 'fig-tick', x1: x, x2: x, y1: frame.bottom, y2: frame.bottom + 5 }));
    parts.push(
      text(fmt(t), {
        class: 'fig-tick-label',
        x,
        y: frame.bottom + 8,
        'text-anchor': 'middle',
        'dominant-baseline': 'hanging',
      }),
    );
  }
  parts.push(
    tag('line', {
      class: 'fig-axis-line',
      x1: frame.left,
      x2: frame.right,
      y1: frame.bottom,
      y2: frame.bottom,
    }),
  );
  if (axis.label)
    parts.push(
      text(axis.label, {
        class: 'fig-axis-label',
        x: (frame.left + frame.right) / 2,
        y: frame.bottom + 8 + FONT + 8,
        'text-anchor': 'middle',
        'dominant-baseline': 'hanging',
      }),
    );
  return tag('g', { class: 'fig-axis fig-axis-x' }, parts);
}

/** A left axis: ticks, tick labels, the label rotated beside them; and horizontal grid lines. */
export function leftAxis(scale: Linear, axis: AxisSpec, frame: Frame, grid = true): string {
  const fmt = tickFormatter(scale, axis);
  const ticks = scale.ticks(axis.ticks ?? 5);
  const parts: string[] = [];
  for (const t of ticks) {
    const y = scale(t);
    if (grid) parts.push(tag('line', { class: 'fig-grid', x1: frame.left, x2: frame.right, y1: y, y2: y }));
    parts.push(tag('line', { class: 'fig-tick', x1: frame.left - 5, x2: frame.left, y1: y, y2: y }));
    parts.push(
      text(fmt(t), {
        class: 'fig-tick-label',
        x: frame.left - 8,
        y,
        'text-anchor': 'end',
        'dominant-baseline': 'middle',
      }),
    );
  }
  parts.push(
    tag('line', { class: 'fig-axis-line', x1: frame.left, x2: frame.left, y1: frame.top, y2: frame.bottom }),
  );
  if (axis.label) {
    const x = 4;
    const y = (frame.top + frame.bottom) / 2;
    parts.push(
      text(axis.label, {
        class: 'fig-axis-label',
        x,
        y,
        transform: `rotate(-90 ${x} ${y})`,
        'text-anchor': 'middle',
        'dominant-baseline': 'hanging',
      }),
    );
  }
  return tag('g', { class: 'fig-axis fig-axis-y' }, parts);
}

/** The widest tick label of a left axis, in user units (a rough width: 0.62 em per character). */
export function tickLabelWidth(scale: Linear, axis: AxisSpec): number {
  const fmt = tickFormatter(scale, axis);
  const longest = Math.max(1, ...scale.ticks(axis.ticks ?? 5).map((t) => fmt(t).length));
  return longest * FONT * 0.62;
}
