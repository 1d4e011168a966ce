/**
 * Moving a heatmap's outlined cell in the page without drawing the map again (an
 * explorable that points at pixels redraws nothing else): the outline's rects move and the
 * SVG's textual form is rewritten. Any other change is left to a full render.
 */
import type { HeatmapSpec } from './spec.ts';
import { heatmapLayout } from './heatmap-layout.ts';
import { describeHeatmap } from './map-text.ts';

const withoutHighlight = (spec: HeatmapSpec) => JSON.stringify({ ...spec, highlight: null });

/** Move the outline in the SVG inside `slot` to spec.highlight; false if more than that changed. */
export function moveHighlight(slot: Element, spec: HeatmapSpec, previous: HeatmapSpec): boolean {
  if (!spec.highlight || withoutHighlight(spec) !== withoutHighlight(previous)) return false;
  const rings = slot.querySelectorAll<SVGRectElement>('.fig-highlight, .fig-highlight-outer');
  if (rings.length === 0) return false;
  const { map } = heatmapLayout(spec);
  const [r, c] = spec.highlight;
  for (const ring of rings) {
    ring.setAttribute('x', String(map.x + c * map.cell - 1.5));
    ring.setAttribute('y', String(map.y + r * map.cell - 1.5));
  }
  const desc = slot.querySelector('desc');
  if (desc) desc.textContent = describeHeatmap(spec);
  return true;
}
