/**
 * The worked example of pixel-wise cross-entropy as pictures: the C score maps (the
 * logits of each class), the C probability maps (softmax over dim 1) and the loss map
 * (crossEntropy with reduction 'none'), each cell printed with its value, all computed by
 * the loss module from the logits (B, C, H, W) and the target (B, H, W) of one image.
 */
import { tensor } from '../loss/creation/tensor.ts';
import { crossEntropy } from '../loss/cross-entropy.ts';
import { softmax } from '../loss/softmax.ts';
import type { HeatmapSpec, SmallMultiplesSpec } from './spec.ts';
import type { FigureTable } from './table.ts';
import { formatNumber } from './format.ts';

export interface PixelMapsInput {
  logits: number[][][][];
  target: number[][][];
  /** Which image of the batch (default 0). */
  image?: number;
  /** The classes' names (default "class 0", "class 1", ...). */
  labels?: string[];
}

const f4 = (x: number) => formatNumber(x, '.4f');

export function pixelMaps(input: PixelMapsInput): {
  figures: [SmallMultiplesSpec, SmallMultiplesSpec, HeatmapSpec];
  table: FigureTable;
} {
  const logits = tensor(input.logits, { dtype: 'float32' });
  const target = tensor(input.target);
  const b = input.image ?? 0;
  if (logits.dim() !== 4)
    throw new Error(`PixelMaps: logits must have shape (B, C, H, W), got [${logits.shape.join(', ')}]`);
  const [B, C, H, W] = logits.shape;
  if (!(Number.isInteger(b) && b >= 0 && b < B))
    throw new Error(`PixelMaps: image ${b} is not in the batch of ${B}`);
  const labels = input.labels ?? Array.from({ length: C }, (_, c) => `class ${c}`);
  if (labels.length !== C) throw new Error(`PixelMaps: ${labels.length} labels for ${C} classes`);
  // crossEntropy checks the target's shape against the logits' and names both if they differ.
  const loss = (crossEntropy(logits, target, { reduction: 'none' }).tolist() as number[][][])[b];
  const scores = (logits.tolist() as number[][][][])[b];
  const probs = (softmax(logits, 1).tolist() as number[][][][])[b];
  const t = (target.tolist() as number[][][])[b];
  // Two decimals in the pictures, so a phone can read them; the table has four.
  const panels = (maps: number[][][]) =>
    maps.map((values, c) => ({ title: labels[c], values, annotate: '.2f' }));
  const pixels = Array.from({ length: H * W }, (_, i) => [Math.floor(i / W), i % W]);
  return {
    figures: [
      {
        kind: 'multiples',
        title: 'The score maps: the logits of each class at each pixel',
        panels: panels(scores),
        color: { label: 'logit', format: '.1f' },
      },
      {
        kind: 'multiples',
        title: 'The probability maps: softmax over the classes (dim 1) at each pixel',
        panels: panels(probs),
        color: { label: 'p', domain: [0, 1], format: '.1f' },
      },
      {
        kind: 'heatmap',
        title: "The loss map: crossEntropy with reduction 'none', with each pixel's target class",
        values: loss,
        annotate: '.4f',
        cellLabels: t.map((row) => row.map((k) => labels[k] ?? String(k))),
        color: { label: 'loss', format: '.1f' },
        width: 240,
      },
    ],
    table: {
      caption: 'Each pixel: its target, its scores and probabilities per class, and its loss',
      columns: [
        'pixel (row, column)',
        'target',
        ...labels.map((l) => `score of ${l}`),
        ...labels.map((l) => `p of ${l}`),
        'loss',
      ],
      rows: pixels.map(([h, w]) => [
        `(${h}, ${w})`,
        labels[t[h][w]] ?? String(t[h][w]),
        ...scores.map((m) => f4(m[h][w])),
        ...probs.map((m) => f4(m[h][w])),
        f4(loss[h][w]),
      ]),
    },
  };
}
