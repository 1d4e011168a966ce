/**
 * renderFigure: figure data in, SVG markup out. A pure function of the spec (and the id
 * prefix), with no DOM: the same call draws a figure in Node at build time (Astro
 * components), in the page (explorables), and for a cell's figure sent by its worker.
 *
 * Explorables import the one renderer they need (renderLine, renderBars, ...), so the page
 * downloads only that kind's code; this dispatcher pulls in every kind.
 */
import type { FigureSpec } from './spec.ts';
import { checkSpec } from './check-spec.ts';
import { LINE_DEFAULTS, renderLine } from './line.ts';
import { BARS_DEFAULTS, renderBars } from './bars.ts';
import { renderHeatmap } from './heatmap.ts';
import { HEATMAP_DEFAULTS } from './heatmap-layout.ts';
import { MULTIPLES_DEFAULTS, renderMultiples } from './multiples.ts';
import type { RenderOptions } from './root.ts';

/** Check the spec (a FigureSpecError names what is wrong) and draw it as an <svg> string. */
export function renderFigure(spec: FigureSpec, options: RenderOptions = {}): string {
  checkSpec(spec);
  switch (spec.kind) {
    case 'line':
      return renderLine(spec, options);
    case 'bars':
      return renderBars(spec, options);
    case 'heatmap':
      return renderHeatmap(spec, options);
    case 'multiples':
      return renderMultiples(spec, options);
  }
}

const DEFAULT_WIDTH = {
  line: LINE_DEFAULTS.width,
  bars: BARS_DEFAULTS.width,
  heatmap: HEATMAP_DEFAULTS.width,
  multiples: MULTIPLES_DEFAULTS.width,
};

/**
 * The widest a figure should be shown, in CSS px: its width in SVG user units, times 1.35.
 * Its 12-unit text is then at most about 16 px, next to the page's 17-px text.
 */
export function displayWidth(spec: FigureSpec): number {
  return Math.round((spec.width ?? DEFAULT_WIDTH[spec.kind]) * 1.35);
}
