/** The page side of SoftmaxExplorer: its model, the bar renderer, and hydrate. Loaded lazily (lazy.ts). */
import { hydrateExplorable } from './hydrate.ts';
import { softmaxExplorer } from './softmax-explorer.ts';
import { barsInvert, renderBars } from '../bars.ts';

export function hydrate(el: HTMLElement): void {
  hydrateExplorable(el, softmaxExplorer, { bars: { render: renderBars, invert: barsInvert } });
}
