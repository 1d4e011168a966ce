/**
 * Line plots: several series on shared axes, marked points (an explorable's moving point),
 * reference rules. Paths come from d3-shape's line(); a NaN or ±∞ value breaks the line
 * (d3's `defined`), and each run of them is marked on the plot's edge (∞ at the top, −∞ and
 * NaN at the bottom) with its value spelled out. Finite values beyond the axis are clipped.
 */
import { line } from 'd3-shape';
import type { LinePlotSpec, PointMark } from './spec.ts';
import { axisScale, bottomAxis, leftAxis, tickLabelWidth, type Frame, type Linear } from './axis.ts';
import { FONT } from './text-metrics.ts';
import { legend, legendHeight, type LegendItem } from './legend.ts';
import { describeLine, nonFiniteRuns } from './line-text.ts';
import { formatter, nonFinite } from './format.ts';
import { noData, tag, text } from './svg.ts';
import { svgRoot, type RenderOptions, nextId } from './root.ts';

export const LINE_DEFAULTS = { width: 360, height: 240 };

/** How far beyond the frame a path may go before its coordinate is pinned (keeps paths finite). Paths are written to 0.1 user units. */
const FAR = 10_000;

export interface LineLayout {
  width: number;
  height: number;
  frame: Frame;
  x: Linear;
  y: Linear;
  legend: LegendItem[];
}

function legendItems(spec: LinePlotSpec): LegendItem[] {
  return spec.series.map((s, i) => ({
    label: s.label,
    swatch: { type: 'line', className: `fig-series fig-c${i % 6} fig-dash-${s.style ?? 'solid'}` },
  }));
}

/** Where everything goes: the frame of the plot area and the two scales (pixels ↔ data). */
export function lineLayout(spec: LinePlotSpec): LineLayout {
  const width = spec.width ?? LINE_DEFAULTS.width;
  const height = spec.height ?? LINE_DEFAULTS.height;
  const items = spec.series.length > 1 ? legendItems(spec) : [];
  const top = 10 + (items.length ? legendHeight(items, width - 20) + 6 : 0);
  const bottom = height - (10 + FONT + 6 + (spec.x.label ? FONT + 8 : 0));
  const ys = [
    ...spec.series.flatMap((s) => s.y),
    ...(spec.points ?? []).map((p) => p.y),
    ...(spec.rules ?? []).filter((r) => r.axis === 'y').map((r) => r.value),
  ];
  const xs = [
    ...spec.series.flatMap((s) => s.x),
    ...(spec.points ?? []).map((p) => p.x),
    ...(spec.rules ?? []).filter((r) => r.axis === 'x').map((r) => r.value),
  ];
  const y = axisScale(spec.y, ys, [bottom, top]);
  const left = 8 + (spec.y.label ? FONT + 8 : 0) + tickLabelWidth(y, spec.y) + 8;
  const right = width - 14;
  const x = axisScale(spec.x, xs, [left, right]);
  return { width, height, frame: { left, right, top, bottom }, x, y, legend: items };
}

const pin = (v: number, frame: Frame, axis: 'x' | 'y') =>
  axis === 'x'
    ? Math.max(frame.left - FAR, Math.min(frame.right + FAR, v))
    : Math.max(frame.top - FAR, Math.min(frame.bottom + FAR, v));

function point(p: PointMark, layout: LineLayout, spec: LinePlotSpec): string {
  const { frame, x, y } = layout;
  const fy = formatter(spec.y.format);
  const px = Math.max(frame.left, Math.min(frame.right, x(p.x)));
  const finite = Number.isFinite(p.y);
  const py = finite
    ? Math.max(frame.top, Math.min(frame.bottom, y(p.y)))
    : p.y > 0
      ? frame.top
      : frame.bottom;
  const cls = `fig-point fig-c${(p.series ?? 0) % 6}`;
  const parts = [tag('circle', { class: cls, cx: px, cy: py, r: 5.5 })];
  const label = p.label ?? (finite ? '' : fy(p.y));
  if (label) {
    const onRight = px < (frame.left + frame.right) / 2;
    parts.push(
      text(label, {
        class: 'fig-point-label',
        x: px + (onRight ? 9 : -9),
        y: py < frame.top + FONT + 4 ? py + FONT : py - 9,
        'text-anchor': onRight ? 'start' : 'end',
      }),
    );
  }
  return tag('g', { class: 'fig-points' }, parts);
}

/** The SVG of a line plot. */
export function renderLine(spec: LinePlotSpec, options: RenderOptions = {}): string {
  const id = options.id ?? nextId();
  const layout = lineLayout(spec);
  const { frame, x, y, width, height } = layout;
  const body: string[] = [];
  const clip = `${id}-clip`;
  body.push(
    tag(
      'defs',
      {},
      tag(
        'clipPath',
        { id: clip },
        tag('rect', {
          x: frame.left,
          y: frame.top - 1,
          width: frame.right - frame.left,
          height: frame.bottom - frame.top + 2,
        }),
      ),
    ),
  );
  if (layout.legend.length) body.push(legend(layout.legend, 10, 10, width - 20));
  body.push(leftAxis(y, spec.y, frame), bottomAxis(x, spec.x, frame));

  for (const r of spec.rules ?? []) {
    if (!Number.isFinite(r.value)) continue;
    const parts: string[] = [];
    if (r.axis === 'y') {
      const ry = y(r.value);
      if (ry < frame.top || ry > frame.bottom) continue;
      parts.push(tag('line', { class: 'fig-rule', x1: frame.left, x2: frame.right, y1: ry, y2: ry }));
      if (r.label)
        parts.push(
          text(r.label, { class: 'fig-rule-label', x: frame.left + 4, y: ry - 5, 'text-anchor': 'start' }),
        );
    } else {
      const rx = x(r.value);
      if (rx < frame.left || rx > frame.right) continue;
      parts.push(tag('line', { class: 'fig-rule', x1: rx, x2: rx, y1: frame.top, y2: frame.bottom }));
      const before = r.side === 'before';
      if (r.label)
        parts.push(
          text(r.label, {
            class: 'fig-rule-label',
            x: before ? rx - 4 : rx + 4,
            y: frame.top + FONT,
            'text-anchor': before ? 'end' : 'start',
          }),
        );
    }
    body.push(tag('g', { class: 'fig-rules' }, parts));
  }

  const path = line<[number, number]>()
    .defined(([a, b]) => Number.isFinite(a) && Number.isFinite(b))
    .x(([a]) => pin(x(a), frame, 'x'))
    .y(([, b]) => pin(y(b), frame, 'y'))
    .digits(1);
  const series: string[] = [];
  const marks: string[] = [];
  spec.series.forEach((s, i) => {
    const c = `fig-c${i % 6}`;
    const d = path(s.x.map((xv, k) => [xv, s.y[k]]));
    if (d) series.push(tag('path', { class: `fig-series ${c} fig-dash-${s.style ?? 'solid'}`, d }));
    // A single finite point between gaps draws no segment: show it as a dot.
    s.y.forEach((v, k) => {
      const isolated =
        Number.isFinite(v) &&
        Number.isFinite(s.x[k]) &&
        !Number.isFinite(s.y[k - 1] ?? NaN) &&
        !Number.isFinite(s.y[k + 1] ?? NaN);
      if (isolated)
        series.push(
          tag('circle', {
            class: `fig-dot ${c}`,
            cx: pin(x(s.x[k]), frame, 'x'),
            cy: pin(y(v), frame, 'y'),
            r: 2,
          }),
        );
    });
    for (const run of nonFiniteRuns(s.y)) {
      const x0 = s.x[run.start];
      const x1 = s.x[run.end];
      if (!Number.isFinite(x0) || !Number.isFinite(x1)) continue;
      const a = Math.max(frame.left, Math.min(frame.right, x(x0)));
      const b = Math.max(frame.left, Math.min(frame.right, x(x1)));
      const top = run.value === Infinity;
      const ey = top ? frame.top + 3 : frame.bottom - 3;
      const [lo, hi] = [Math.min(a, b), Math.max(a, b)];
      const widen = Math.max(0, 6 - (hi - lo)) / 2;
      marks.push(
        tag('line', { class: `fig-nonfinite ${c}`, x1: lo - widen, x2: hi + widen, y1: ey, y2: ey }),
        text(nonFinite(run.value), {
          class: 'fig-nonfinite-label',
          x: Math.max(frame.left + 4, Math.min(frame.right - 4, lo)),
          y: top ? ey + FONT + 3 : ey - 6,
          'text-anchor': lo > frame.right - 30 ? 'end' : 'start',
        }),
      );
    }
  });
  body.push(tag('g', { class: 'fig-plot', 'clip-path': `url(#${clip})` }, series));
  if (marks.length) body.push(tag('g', { class: 'fig-nonfinite-marks' }, marks));
  for (const p of spec.points ?? []) if (Number.isFinite(p.x)) body.push(point(p, layout, spec));
  if (spec.series.every((s) => s.x.length === 0) && !(spec.points ?? []).length) body.push(noData(frame));
  return svgRoot(spec, id, width, height, body, describeLine(spec));
}

/** The data point under (px, py), in SVG user units (for an explorable's pointer). */
export function lineInvert(spec: LinePlotSpec, px: number, py: number): { x: number; y: number } {
  const { x, y } = lineLayout(spec);
  return { x: x.invert(px), y: y.invert(py) };
}
