/**
 * Where a heatmap's map and legend go (./heatmap.ts draws them), and which cell is under
 * a point: no d3 and no colour schemes, so an explorable that only points at cells can
 * load this alone.
 */
import type { HeatmapSpec } from './spec.ts';
import { FONT } from './text-metrics.ts';
import { cellKinds, mapLegendHeight, rowLabelWidth, type MapPlacement } from './grid-layout.ts';

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

/** The cell under (px, py) in SVG user units: its column (x) and row (y), clamped to the map. */
export function heatmapInvert(spec: HeatmapSpec, px: number, py: number): { x: number; y: number } {
  const { map } = heatmapLayout(spec);
  const rows = spec.values.length;
  const cols = rows ? spec.values[0].length : 0;
  const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, Math.floor(v)));
  return { x: clamp((px - map.x) / map.cell, cols), y: clamp((py - map.y) / map.cell, rows) };
}
