/**
 * The components a lesson may use, in one place. In a lesson (MDX), below the frontmatter:
 *
 *   import { BinaryLossCurve, SoftmaxExplorer } from '../components/index.ts';
 *
 * Figures are computed by the loss module when the site is built, so they are in the page
 * without JavaScript. The explorables become live when they near the screen, recompute
 * every number with the same module, and offer their state as a cell ("Open as code").
 * The guide page "Figures in lessons" (src/guide/figures.mdx) shows each with its props.
 */
export { default as BinaryLossCurve } from './BinaryLossCurve.astro';
export { default as SigmoidBceSaturation } from './SigmoidBceSaturation.astro';
export { default as SoftmaxExplorer } from './SoftmaxExplorer.astro';
export { default as LogSoftmaxGap } from './LogSoftmaxGap.astro';
export { default as PixelMaps } from './PixelMaps.astro';
export { default as SegmentationExplorer } from './SegmentationExplorer.astro';
export { default as Figure } from './Figure.astro';
export { default as PixelLossTable } from './PixelLossTable.astro';
