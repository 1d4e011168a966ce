/**
 * Heatmaps: a grid of values in viridis or cividis (with a colour bar), or class indices in
 * the Okabe–Ito palette (with a legend of the classes). Masked cells (e.g. pixels whose
 * target is ignoreIndex) and NaN or ±∞ are hatched and named in the legend.
 */
import type { HeatmapSpec } from './spec.ts';
import { FONT } from './axis.ts';
import {
  cellKinds,
  colorScale,
  drawMap,
  mapAxes,
  mapLegend,
  mapLegendHeight,
  patterns,
  rowLabelWidth,
  type MapPlacement,
} from './grid.ts';
import { tag, text } from './svg.ts';
import { nextId, svgRoot, type RenderOptions } from './root.ts';

export const HEATMAP_DEFAULTS = { width: 360, maxCell: 64 };

export interface HeatmapLayout {
  width: number;
  height: number;
  map: MapPlacement;
  legendY: number;
}

export function heatmapLayout(spec: HeatmapSpec): HeatmapLayout {
  const width = spec.width ?? HEATMAP_DEFAULTS.width;
  const rows = spec.values.length;
  const cols = rows ? spec.values[0].length : 0;
  const left = 6 + rowLabelWidth(spec);
  const top = FONT + 10;
  const avail = width - left - 10;
  let cell = cols ? Math.min(avail / cols, HEATMAP_DEFAULTS.maxCell) : HEATMAP_DEFAULTS.maxCell;
  if (spec.height !== undefined && rows) cell = Math.min(cell, (spec.height - top - 60) / rows);
  const legendY = top + Math.max(rows, 1) * cell + 12;
  const legend =
    spec.legend === false ? 0 : mapLegendHeight(spec.color, cellKinds([spec]), spec.maskLabel, avail);
  const height = spec.height ?? legendY + legend + 8;
  return { width, height, map: { x: left, y: top, cell }, legendY };
}

/** The SVG of a heatmap. */
export function renderHeatmap(spec: HeatmapSpec, options: RenderOptions = {}): string {
  const id = options.id ?? nextId();
  const layout = heatmapLayout(spec);
  const rows = spec.values.length;
  const cols = rows ? spec.values[0].length : 0;
  const scale = colorScale(spec.color, [spec]);
  const body = [tag('defs', {}, patterns(id))];
  if (rows * cols === 0) {
    body.push(
      text('No data', {
        class: 'fig-empty',
        x: layout.width / 2,
        y: layout.map.y + 20,
        'text-anchor': 'middle',
      }),
    );
    return svgRoot(spec, id, layout.width, layout.height, body);
  }
  body.push(mapAxes(spec, layout.map), drawMap(spec, layout.map, scale, id));
  if (spec.legend !== false)
    body.push(
      mapLegend(
        scale,
        cellKinds([spec]),
        spec.maskLabel,
        { x: layout.map.x, y: layout.legendY, width: layout.width - layout.map.x - 10 },
        id,
      ),
    );
  return svgRoot(spec, id, layout.width, layout.height, body);
}

/** The cell under (px, py) in SVG user units: its column (x) and row (y), clamped to the map. */
export function heatmapInvert(spec: HeatmapSpec, px: number, py: number): { x: number; y: number } {
  const { map } = heatmapLayout(spec);
  const rows = spec.values.length;
  const cols = rows ? spec.values[0].length : 0;
  const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, Math.floor(v)));
  return { x: clamp((px - map.x) / map.cell, cols), y: clamp((py - map.y) / map.cell, rows) };
}
