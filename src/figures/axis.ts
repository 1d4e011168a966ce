/**
 * Continuous scales and their axes. Domains, "nice" bounds, ticks and tick labels all come
 * from d3-scale (scaleLinear) and d3-format; this file only places them in the SVG.
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { extent } from 'd3-array';
import type { AxisSpec } from './spec.ts';
import { tag, text } from './svg.ts';
import { nonFinite } from './format.ts';

/** The font size of tick labels and legends, in SVG user units (figure.css sets the same). */
export const FONT = 12;

export type Linear = ScaleLinear<number, number>;

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
  if (axis.domain) return scaleLinear().domain(axis.domain).range(range);
  const finite = [...values, ...include].filter(Number.isFinite);
  let [lo, hi] = extent(finite) as [number | undefined, number | undefined];
  if (lo === undefined || hi === undefined) [lo, hi] = [0, 1];
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) / 2;
    [lo, hi] = [lo - pad, hi + pad];
  }
  return scaleLinear().domain([lo, hi]).range(range).nice(count);
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

/** A text's rough width in user units (for laying out legends). */
export function textWidth(s: string, size = FONT): number {
  return s.length * size * 0.58;
}
