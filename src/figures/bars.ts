/**
 * Bar charts: one bar per category, growing from 0 (so negative values hang below the
 * axis), an optional emphasised bar (the target class), and optional arrows from each
 * bar's end, drawn in the value axis' units (e.g. the gradient ∂ℓ/∂z on each logit). Each
 * category's value is printed under its label. NaN draws no bar; ±∞ runs to the edge.
 */
import type { BarChartSpec } from './spec.ts';
import { axisScale, leftAxis, linearScale, tickLabelWidth, type Frame, type Linear } from './axis.ts';
import { FONT } from './text-metrics.ts';
import { legend, legendHeight, type LegendItem } from './legend.ts';
import { formatter } from './format.ts';
import { noData, tag, text } from './svg.ts';
import { describeBars } from './bars-text.ts';
import { nextId, svgRoot, type RenderOptions } from './root.ts';

export const BARS_DEFAULTS = { width: 360, height: 230 };

export interface BarsLayout {
  width: number;
  height: number;
  frame: Frame;
  /** Category index → the centre of its bar (a linear scale of the index: bar i is centred on x(i)). */
  x: Linear;
  /** The width of a bar. */
  bar: number;
  y: Linear;
  legend: LegendItem[];
}

export function barsLayout(spec: BarChartSpec, arrowMarker = ''): BarsLayout {
  const width = spec.width ?? BARS_DEFAULTS.width;
  const height = spec.height ?? BARS_DEFAULTS.height;
  const scale = spec.arrowScale ?? 1;
  const arrowName = `${spec.arrowLabel ?? 'arrow'}${scale !== 1 ? ` (drawn ×${scale})` : ''}`;
  const items: LegendItem[] = spec.arrows
    ? [
        {
          label: arrowName,
          swatch: { type: 'arrow', className: 'fig-arrow', marker: arrowMarker },
        },
      ]
    : [];
  const top = 10 + (items.length ? legendHeight(items, width - 20) + 8 : 4);
  const bottom = height - (8 + 2 * (FONT + 5));
  const ends = spec.arrows ? spec.values.map((v, i) => v + scale * spec.arrows![i]) : [];
  const y = axisScale(spec.y, [...spec.values, ...ends], [bottom, top], [0]);
  const left = 8 + (spec.y.label ? FONT + 8 : 0) + tickLabelWidth(y, spec.y) + 8;
  const right = width - 10;
  // Each category owns one unit of a linear scale of its index; its bar fills 70% of it.
  const n = Math.max(1, spec.values.length);
  const x = linearScale([-0.5, n - 0.5], [left, right]);
  const bar = (0.7 * (right - left)) / n;
  return { width, height, frame: { left, right, top, bottom }, x, bar, y, legend: items };
}

/** The SVG of a bar chart. */
export function renderBars(spec: BarChartSpec, options: RenderOptions = {}): string {
  const id = options.id ?? nextId();
  const marker = `${id}-arrowhead`;
  const layout = barsLayout(spec, `url(#${marker})`);
  const { frame, x, y, width, height, bar } = layout;
  const fv = formatter(spec.y.format);
  const clampY = (v: number) => Math.max(frame.top, Math.min(frame.bottom, v));
  const body: string[] = [
    tag(
      'defs',
      {},
      tag(
        'marker',
        {
          id: marker,
          viewBox: '0 0 10 10',
          refX: 8,
          refY: 5,
          markerUnits: 'userSpaceOnUse',
          markerWidth: 10,
          markerHeight: 10,
          orient: 'auto-start-reverse',
        },
        tag('path', { class: 'fig-arrowhead', d: 'M0,0L10,5L0,10z' }),
      ),
    ),
  ];
  if (layout.legend.length) body.push(legend(layout.legend, 10, 10, width - 20));
  body.push(leftAxis(y, spec.y, frame));
  const zero = clampY(y(0));
  const bars: string[] = [];
  const labels: string[] = [];
  const arrows: string[] = [];
  spec.values.forEach((v, i) => {
    const w = bar;
    const cx = x(i);
    const x0 = cx - w / 2;
    const hi = spec.highlight === i;
    if (!Number.isNaN(v)) {
      const end = Number.isFinite(v) ? clampY(y(v)) : v > 0 ? frame.top : frame.bottom;
      bars.push(
        tag('rect', {
          class: hi ? 'fig-bar fig-bar-highlight' : 'fig-bar',
          x: x0,
          y: Math.min(zero, end),
          width: w,
          height: Math.max(Math.abs(end - zero), 0.5),
          'data-index': i,
        }),
      );
      if (!Number.isFinite(v))
        bars.push(
          tag('path', { class: 'fig-break', d: `M${x0},${end + 8}l${w / 3},-4l${w / 3},8l${w / 3},-4` }),
        );
    }
    const labelClass = hi ? 'fig-bar-label fig-bar-label-highlight' : 'fig-bar-label';
    labels.push(
      text(spec.labels[i], {
        class: labelClass,
        x: cx,
        y: frame.bottom + 6,
        'text-anchor': 'middle',
        'dominant-baseline': 'hanging',
      }),
      text(fv(v), {
        class: 'fig-bar-value',
        x: cx,
        y: frame.bottom + 6 + FONT + 5,
        'text-anchor': 'middle',
        'dominant-baseline': 'hanging',
      }),
    );
    const a = spec.arrows?.[i];
    if (a !== undefined && Number.isFinite(v) && Number.isFinite(a)) {
      const from = clampY(y(v));
      const to = clampY(y(v + (spec.arrowScale ?? 1) * a));
      // Beside the bar's end, in the gap before the next bar, so it never hides in the bar.
      const ax = cx + w / 2 + 6;
      if (Math.abs(to - from) < 3)
        arrows.push(tag('circle', { class: 'fig-arrow-dot', cx: ax, cy: from, r: 2.5 }));
      else
        arrows.push(
          tag('line', {
            class: 'fig-arrow',
            x1: ax,
            x2: ax,
            y1: from,
            y2: to,
            'marker-end': `url(#${marker})`,
          }),
        );
    }
  });
  body.push(
    tag('line', { class: 'fig-axis-line fig-zero', x1: frame.left, x2: frame.right, y1: zero, y2: zero }),
  );
  body.push(tag('g', { class: 'fig-bars' }, bars), tag('g', { class: 'fig-bar-labels' }, labels));
  if (arrows.length) body.push(tag('g', { class: 'fig-arrows' }, arrows));
  if (spec.values.length === 0) body.push(noData(frame));
  return svgRoot(spec, id, width, height, body, describeBars(spec));
}

/** The bar nearest to px (its index, as x) and the value at py (as y), in SVG user units. */
export function barsInvert(spec: BarChartSpec, px: number, py: number): { x: number; y: number } {
  const { x, y } = barsLayout(spec);
  const last = Math.max(0, spec.values.length - 1);
  return { x: Math.max(0, Math.min(last, Math.round(x.invert(px)))), y: y.invert(py) };
}
