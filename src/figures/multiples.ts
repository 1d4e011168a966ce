/**
 * Small multiples: heatmaps in a grid, each under its own title, drawn with the same cell
 * size so they can be compared. With a shared `color` (the usual case) every panel uses one
 * scale and one colour bar sits under the grid; without it each panel has its own legend.
 */
import type { SmallMultiplesSpec } from './spec.ts';
import { FONT } from './text-metrics.ts';
import { colorScale, drawMap, mapAxes, mapLegend, patterns } from './grid.ts';
import { cellKinds, mapLegendHeight, rowLabelWidth, type MapData, type MapPlacement } from './grid-layout.ts';
import { tag, text } from './svg.ts';
import { describeMultiples } from './map-text.ts';
import { nextId, svgRoot, type RenderOptions } from './root.ts';

export const MULTIPLES_DEFAULTS = { width: 360, gap: 14, maxCell: 48 };

export interface MultiplesLayout {
  width: number;
  height: number;
  /** Where each panel's map is. */
  panels: MapPlacement[];
  /** The title's baseline of each panel. */
  titles: { x: number; y: number }[];
  /** Each panel's own legend (no shared colour), or the shared one's place. */
  legends: { x: number; y: number; width: number }[];
}

export function multiplesLayout(spec: SmallMultiplesSpec): MultiplesLayout {
  const width = spec.width ?? MULTIPLES_DEFAULTS.width;
  const { gap } = MULTIPLES_DEFAULTS;
  const n = spec.panels.length;
  const columns = Math.max(1, Math.min(spec.columns ?? n, n || 1));
  const slot = (width - 16 - (columns - 1) * gap) / columns;
  const labelW = Math.max(0, ...spec.panels.map((p) => rowLabelWidth(p)));
  const cols = Math.max(1, ...spec.panels.map((p) => p.values[0]?.length ?? 0));
  const rowsMax = Math.max(1, ...spec.panels.map((p) => p.values.length));
  const cell = Math.min((slot - labelW) / cols, MULTIPLES_DEFAULTS.maxCell);
  const shared = spec.color !== undefined;
  const ownLegend = (p: MapData) =>
    shared ? 0 : 10 + mapLegendHeight(p.color, cellKinds([p]), p.maskLabel, slot - labelW);
  const panels: MapPlacement[] = [];
  const titles: { x: number; y: number }[] = [];
  const legends: { x: number; y: number; width: number }[] = [];
  let y = 8;
  for (let start = 0; start < n; start += columns) {
    const row = spec.panels.slice(start, start + columns);
    const legendH = Math.max(0, ...row.map(ownLegend));
    row.forEach((p, k) => {
      const x = 8 + k * (slot + gap);
      titles.push({ x, y });
      const map = { x: x + labelW, y: y + FONT + 6 + FONT + 6, cell };
      panels.push(map);
      if (!shared) legends.push({ x: map.x, y: map.y + rowsMax * cell + 10, width: slot - labelW });
    });
    y += FONT + 6 + FONT + 6 + rowsMax * cell + legendH + gap;
  }
  let height = y;
  if (shared) {
    legends.push({ x: 8 + labelW, y, width: width - 16 - labelW });
    height +=
      mapLegendHeight(
        colorScale(spec.color, spec.panels),
        cellKinds(spec.panels),
        spec.panels[0]?.maskLabel,
        width - 16 - labelW,
      ) + 8;
  }
  if (n === 0) height = 60;
  return { width, height, panels, titles, legends };
}

/** The SVG of small multiples. */
export function renderMultiples(spec: SmallMultiplesSpec, options: RenderOptions = {}): string {
  const id = options.id ?? nextId();
  const layout = multiplesLayout(spec);
  const body = [tag('defs', {}, patterns(id))];
  if (spec.panels.length === 0) {
    body.push(text('No data', { class: 'fig-empty', x: layout.width / 2, y: 30, 'text-anchor': 'middle' }));
    return svgRoot(spec, id, layout.width, layout.height, body, describeMultiples(spec));
  }
  const shared = spec.color !== undefined ? colorScale(spec.color, spec.panels) : null;
  spec.panels.forEach((panel, i) => {
    const scale = shared ?? colorScale(panel.color, [panel]);
    const at = layout.panels[i];
    const parts = [
      text(panel.title, {
        class: 'fig-panel-title',
        x: layout.titles[i].x,
        y: layout.titles[i].y,
        'dominant-baseline': 'hanging',
      }),
    ];
    if (panel.values.length && panel.values[0].length)
      parts.push(mapAxes(panel, at), drawMap(panel, at, scale, id));
    if (!shared)
      parts.push(
        mapLegend(scale, cellKinds([panel]), panel.maskLabel, layout.legends[i], id, `${id}-bar${i}`),
      );
    body.push(tag('g', { class: 'fig-panel' }, parts));
  });
  if (shared)
    body.push(mapLegend(shared, cellKinds(spec.panels), spec.panels[0]?.maskLabel, layout.legends[0], id));
  return svgRoot(spec, id, layout.width, layout.height, body, describeMultiples(spec));
}
