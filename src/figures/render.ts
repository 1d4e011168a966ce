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
import { renderLine } from './line.ts';
import { renderBars } from './bars.ts';
import { renderHeatmap } from './heatmap.ts';
import { renderMultiples } from './multiples.ts';
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
