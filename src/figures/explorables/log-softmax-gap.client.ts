/** The page side of LogSoftmaxGap: its model, the line renderer, and hydrate. Loaded lazily (lazy.ts). */
import { hydrateExplorable } from './hydrate.ts';
import { logSoftmaxGap } from './log-softmax-gap.ts';
import { lineInvert, renderLine } from '../line.ts';
import { lineTable } from '../line-text.ts';

export function hydrate(el: HTMLElement): void {
  hydrateExplorable(el, logSoftmaxGap, {
    line: { render: renderLine, invert: lineInvert, tables: (spec) => [lineTable(spec)] },
  });
}
