/** The page side of BinaryLossCurve: its model, the line renderer, and hydrate. Loaded lazily (lazy.ts). */
import { hydrateExplorable } from './hydrate.ts';
import { binaryLossCurve } from './binary-loss-curve.ts';
import { lineInvert, renderLine } from '../line.ts';
import { lineTable } from '../line-text.ts';

export function hydrate(el: HTMLElement): void {
  hydrateExplorable(el, binaryLossCurve, {
    line: { render: renderLine, invert: lineInvert, tables: (spec) => [lineTable(spec)] },
  });
}
