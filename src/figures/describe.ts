/**
 * The textual form of a figure: a few lines that give its numbers, in words. It is the
 * SVG's <desc> (what a screen reader says after the title), and it is short and stable
 * enough to be compared in a doc-test: a changed figure changes its text.
 *
 * Small data is given in full (every point, bar or cell); larger data as a summary (count,
 * extent with where it is reached, runs of NaN or ±∞, masked cells). Each kind's text is in
 * its own module (line-text.ts, bars-text.ts, map-text.ts), so a page that draws one kind
 * loads only that one.
 */
import type { FigureSpec } from './spec.ts';
import { describeLine } from './line-text.ts';
import { describeBars } from './bars-text.ts';
import { describeHeatmap, describeMultiples } from './map-text.ts';

/** The figure's textual form: lines joined by newlines. */
export function describeFigure(spec: FigureSpec): string {
  switch (spec.kind) {
    case 'line':
      return describeLine(spec);
    case 'bars':
      return describeBars(spec);
    case 'heatmap':
      return describeHeatmap(spec);
    case 'multiples':
      return describeMultiples(spec);
  }
}
