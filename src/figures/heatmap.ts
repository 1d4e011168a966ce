/**
 * Heatmaps: a grid of values in viridis or cividis (with a colour bar), or class indices in
 * the Okabe–Ito palette (with a legend of the classes). Masked cells (e.g. pixels whose
 * target is ignoreIndex) and NaN or ±∞ are hatched and named in the legend.
 */
import type { HeatmapSpec } from './spec.ts';
import { colorScale, drawMap, mapAxes, mapLegend, patterns } from './grid.ts';
import { cellKinds } from './grid-layout.ts';
import { heatmapLayout } from './heatmap-layout.ts';
import { tag, text } from './svg.ts';
import { describeHeatmap } from './map-text.ts';
import { nextId, svgRoot, type RenderOptions } from './root.ts';

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
    return svgRoot(spec, id, layout.width, layout.height, body, describeHeatmap(spec));
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
  return svgRoot(spec, id, layout.width, layout.height, body, describeHeatmap(spec));
}
