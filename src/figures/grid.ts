/**
 * The parts heatmaps and small multiples share: the colour of a value, one map's cells
 * (with masked and non-finite cells hatched, optional numbers printed in the cells and an
 * outlined cell), and the legend under a map: a colour bar (d3 scale, ticks and format)
 * or the classes' swatches, plus the hatched swatches when they occur.
 */
import { scaleSequential } from 'd3-scale';
import { linearScale } from './axis.ts';
import { extent } from 'd3-array';
import type { ColorSpec } from './spec.ts';
import { categoryColor, hex, SCHEMES, textOn } from './colors.ts';
import { FONT } from './text-metrics.ts';
import { formatter, nonFinite } from './format.ts';
import { legend, type LegendItem } from './legend.ts';
import { BAR_HEIGHT, extraItems, isMasked, type MapData, type MapPlacement } from './grid-layout.ts';
import { tag, text } from './svg.ts';

export interface ColorScale {
  spec: ColorSpec;
  /** The fill of a finite value (#rrggbb). */
  fill(v: number): string;
  /** [min, max] of a sequential scale. */
  domain: [number, number];
}

/** The colour scale of one or more maps: the spec's domain, or the extent of their finite, unmasked values. */
export function colorScale(color: ColorSpec | undefined, maps: MapData[]): ColorScale {
  const spec: ColorSpec = color ?? {};
  if (spec.type === 'categorical')
    return { spec, fill: (v) => categoryColor(v), domain: [0, spec.categories.length - 1] };
  let domain = spec.domain;
  if (!domain) {
    const finite: number[] = [];
    for (const map of maps)
      map.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (Number.isFinite(v) && !isMasked(map, r, c)) finite.push(v);
        }),
      );
    const [lo, hi] = extent(finite) as [number | undefined, number | undefined];
    domain = lo === undefined || hi === undefined ? [0, 1] : lo === hi ? [lo - 0.5, hi + 0.5] : [lo, hi];
  }
  const scale = scaleSequential(SCHEMES[spec.scheme ?? 'viridis'])
    .domain(domain)
    .clamp(true);
  return { spec, fill: (v) => hex(scale(v)), domain };
}

/** Patterns for masked and non-finite cells (once per SVG). */
export function patterns(id: string): string {
  return [
    tag(
      'pattern',
      {
        id: `${id}-masked`,
        patternUnits: 'userSpaceOnUse',
        width: 6,
        height: 6,
        patternTransform: 'rotate(45)',
      },
      [
        tag('rect', { class: 'fig-hatch-bg', width: 6, height: 6 }),
        tag('line', { class: 'fig-hatch', x1: 0, y1: 0, x2: 0, y2: 6 }),
      ],
    ),
    tag('pattern', { id: `${id}-nonfinite`, patternUnits: 'userSpaceOnUse', width: 6, height: 6 }, [
      tag('rect', { class: 'fig-hatch-bg', width: 6, height: 6 }),
      tag('path', { class: 'fig-hatch', d: 'M0,0L6,6M6,0L0,6' }),
    ]),
  ].join('');
}

/** One map's cells at `at`: runs of equal colour in a row are one rect (unless numbers are printed). */
export function drawMap(map: MapData, at: MapPlacement, scale: ColorScale, id: string): string {
  const { x, y, cell } = at;
  const parts: string[] = [];
  const annotate = map.annotate !== undefined && map.annotate !== false;
  const color = scale.spec;
  const fmt = formatter(
    typeof map.annotate === 'string'
      ? map.annotate
      : color.type === 'categorical'
        ? 'd'
        : (color.format ?? '.3~g'),
  );
  const fillOf = (r: number, c: number): string => {
    const v = map.values[r][c];
    if (isMasked(map, r, c)) return `url(#${id}-masked)`;
    if (!Number.isFinite(v)) return `url(#${id}-nonfinite)`;
    return scale.fill(v);
  };
  map.values.forEach((row, r) => {
    let c = 0;
    while (c < row.length) {
      const fill = fillOf(r, c);
      let end = c + 1;
      if (!annotate) while (end < row.length && fillOf(r, end) === fill) end++;
      parts.push(
        tag('rect', { x: x + c * cell, y: y + r * cell, width: (end - c) * cell, height: cell, fill }),
      );
      c = end;
    }
  });
  const body = [tag('g', { class: 'fig-cells', 'shape-rendering': 'crispEdges' }, parts)];
  if (annotate) {
    const labels: string[] = [];
    const valueOf = (v: number, r: number, c: number) =>
      isMasked(map, r, c) ? 'masked' : Number.isFinite(v) ? fmt(v) : nonFinite(v);
    // The text shrinks to fit the widest value in a cell (about 0.6 em a character).
    const widest = Math.max(
      1,
      ...map.values.flatMap((row, r) => row.map((v, c) => valueOf(v, r, c).length)),
      ...(map.cellLabels?.flat().map((l) => l.length * 0.85) ?? []),
    );
    const size = Math.min(FONT, (cell * 0.88) / (0.6 * widest));
    const sized = (px: number) => `font-size:${Math.round(px * 10) / 10}px`;
    map.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const plain = isMasked(map, r, c) || !Number.isFinite(v);
        const cx = x + (c + 0.5) * cell;
        const cy = y + (r + 0.5) * cell;
        const second = map.cellLabels?.[r]?.[c];
        const style = plain ? 'fig-cell-label fig-cell-label-plain' : 'fig-cell-label';
        const color = plain ? undefined : textOn(scale.fill(v));
        labels.push(
          text(valueOf(v, r, c), {
            class: style,
            x: cx,
            y: second ? cy - size * 0.55 : cy,
            fill: color,
            style: sized(size),
            'text-anchor': 'middle',
            'dominant-baseline': 'middle',
          }),
        );
        if (second)
          labels.push(
            text(second, {
              class: `${style} fig-cell-label-small`,
              x: cx,
              y: cy + size * 0.65,
              fill: color,
              style: sized(size * 0.85),
              'text-anchor': 'middle',
              'dominant-baseline': 'middle',
            }),
          );
      }),
    );
    body.push(tag('g', { class: 'fig-cell-labels' }, labels));
  }
  body.push(
    tag('rect', {
      class: 'fig-map-border',
      x,
      y,
      width: map.values[0]?.length * cell || 0,
      height: map.values.length * cell,
    }),
  );
  if (map.highlight) {
    const [r, c] = map.highlight;
    const hx = x + c * cell;
    const hy = y + r * cell;
    body.push(
      tag('rect', {
        class: 'fig-highlight-outer',
        x: hx - 1.5,
        y: hy - 1.5,
        width: cell + 3,
        height: cell + 3,
      }),
      tag('rect', { class: 'fig-highlight', x: hx - 1.5, y: hy - 1.5, width: cell + 3, height: cell + 3 }),
    );
  }
  return tag('g', { class: 'fig-map' }, body);
}

/** Row and column index labels around a map (every k-th index on large maps). */
export function mapAxes(map: MapData, at: MapPlacement): string {
  const rows = map.values.length;
  const cols = rows ? map.values[0].length : 0;
  // Every index when the cells are large enough for a label; else every 2nd, 4th, 8th... one.
  let step = 1;
  while (step * at.cell < FONT * 1.6) step *= 2;
  const parts: string[] = [];
  for (let r = 0; r < rows; r += map.rowLabels ? 1 : step)
    parts.push(
      text(map.rowLabels?.[r] ?? String(r), {
        class: 'fig-tick-label',
        x: at.x - 5,
        y: at.y + (r + 0.5) * at.cell,
        'text-anchor': 'end',
        'dominant-baseline': 'middle',
      }),
    );
  for (let c = 0; c < cols; c += map.colLabels ? 1 : step)
    parts.push(
      text(map.colLabels?.[c] ?? String(c), {
        class: 'fig-tick-label',
        x: at.x + (c + 0.5) * at.cell,
        y: at.y - 5,
        'text-anchor': 'middle',
      }),
    );
  return tag('g', { class: 'fig-axis' }, parts);
}

/** The legend under a map: the colour bar with ticks (sequential) or the classes (categorical). */
export function mapLegend(
  scale: ColorScale,
  kinds: { masked: boolean; nonFinite: boolean },
  maskLabel: string | undefined,
  at: { x: number; y: number; width: number },
  id: string,
  gradient = `${id}-bar`,
): string {
  const parts: string[] = [];
  let y = at.y;
  if (scale.spec.label) {
    parts.push(
      text(scale.spec.label, { class: 'fig-legend-title', x: at.x, y, 'dominant-baseline': 'hanging' }),
    );
    y += FONT + 6;
  }
  const extra = extraItems(kinds, maskLabel, id);
  if (scale.spec.type === 'categorical') {
    const items: LegendItem[] = scale.spec.categories.map((c, i) => ({
      label: c,
      swatch: { type: 'rect', fill: categoryColor(i), className: 'fig-swatch' },
    }));
    parts.push(legend([...items, ...extra], at.x, y, at.width));
    return tag('g', { class: 'fig-map-legend' }, parts);
  }
  const spec = scale.spec;
  const [lo, hi] = scale.domain;
  const stops = Array.from({ length: 11 }, (_, i) => i / 10);
  const barWidth = Math.min(at.width, 240);
  parts.push(
    tag(
      'defs',
      {},
      tag(
        'linearGradient',
        { id: gradient },
        stops.map((t) =>
          tag('stop', { offset: `${t * 100}%`, 'stop-color': scale.fill(lo + t * (hi - lo)) }),
        ),
      ),
    ),
    tag('rect', {
      class: 'fig-colorbar',
      x: at.x,
      y,
      width: barWidth,
      height: BAR_HEIGHT,
      fill: `url(#${gradient})`,
    }),
  );
  const axis = linearScale([lo, hi], [at.x, at.x + barWidth]);
  const count = Math.max(2, Math.floor(barWidth / 50));
  const fmt = axis.tickFormat(count, spec.format);
  for (const t of axis.ticks(count)) {
    const tx = axis(t);
    parts.push(
      tag('line', { class: 'fig-tick', x1: tx, x2: tx, y1: y + BAR_HEIGHT, y2: y + BAR_HEIGHT + 4 }),
      text(fmt(t), {
        class: 'fig-tick-label',
        x: tx,
        y: y + BAR_HEIGHT + 6,
        'text-anchor': 'middle',
        'dominant-baseline': 'hanging',
      }),
    );
  }
  y += BAR_HEIGHT + 6 + FONT + 4;
  if (extra.length) parts.push(legend(extra, at.x, y + 4, at.width));
  return tag('g', { class: 'fig-map-legend' }, parts);
}
