/** The page side of SigmoidBceSaturation: its model, the line renderer, and hydrate. Loaded lazily (lazy.ts). */
import { hydrateExplorable } from './hydrate.ts';
import { sigmoidBce } from './sigmoid-bce.ts';
import { lineInvert, renderLine } from '../line.ts';
import { lineTable } from '../line-text.ts';

export function hydrate(el: HTMLElement): void {
  hydrateExplorable(el, sigmoidBce, {
    line: { render: renderLine, invert: lineInvert, tables: (spec) => [lineTable(spec)] },
  });
}
