/**
 * The page side of SegmentationExplorer: its model and hydrate. The maps never change,
 * only the outlined pixel, so no renderer is loaded: the outline is moved in place.
 * Loaded lazily (lazy.ts).
 */
import { hydrateExplorable } from './hydrate.ts';
import { segmentationExplorer } from './segmentation-explorer.ts';
import { heatmapInvert } from '../heatmap-layout.ts';
import { moveHighlight } from '../heatmap-highlight.ts';

export function hydrate(el: HTMLElement): void {
  hydrateExplorable(
    el,
    segmentationExplorer,
    { heatmap: { invert: heatmapInvert, update: moveHighlight } },
    'hover',
  );
}
