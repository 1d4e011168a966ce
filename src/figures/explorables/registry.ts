/**
 * Every explorable's model by name, for the build (src/components/figures/Explorable.astro
 * renders any of them). The page never imports this: each component's script loads only
 * its own model (the *.client.ts modules).
 */
import type { ExplorableModel } from './model.ts';
import { binaryLossCurve } from './binary-loss-curve.ts';
import { sigmoidBce } from './sigmoid-bce.ts';
import { softmaxExplorer } from './softmax-explorer.ts';
import { logSoftmaxGap } from './log-softmax-gap.ts';
import { segmentationExplorer } from './segmentation-explorer.ts';

export const MODELS = {
  'binary-loss-curve': binaryLossCurve,
  'sigmoid-bce': sigmoidBce,
  'softmax-explorer': softmaxExplorer,
  'log-softmax-gap': logSoftmaxGap,
  'segmentation-explorer': segmentationExplorer,
} as const;

export type ModelName = keyof typeof MODELS;

/** A model by name, with its state type forgotten (the build only passes states through it). */
export function modelNamed(name: ModelName): ExplorableModel<unknown> {
  return MODELS[name] as unknown as ExplorableModel<unknown>;
}
