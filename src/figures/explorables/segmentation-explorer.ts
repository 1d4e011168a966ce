/**
 * A segmentation example larger than the worked one: a synthetic street scene
 * (../scenes/street-scene.ts), its target mask with a void band whose target is
 * ignoreIndex, the model's prediction (argmax of the logits) and the per-pixel loss map,
 * crossEntropy(logits, target, { reduction: 'none', ignoreIndex }), where void pixels
 * count for nothing (drawn hatched). Pointing at a pixel (or moving the row and column
 * sliders) shows its logits, its probabilities and its loss, computed by the loss module.
 */
import { tensor } from '../../loss/creation/tensor.ts';
import { crossEntropy } from '../../loss/cross-entropy.ts';
import { softmax } from '../../loss/softmax.ts';
import type { HeatmapSpec } from '../spec.ts';
import type { FigureTable } from '../table.ts';
import { formatNumber } from '../format.ts';
import { streetScene, type Scene } from '../scenes/street-scene.ts';
import { snap, type ExplorableModel } from './model.ts';

export interface SegmentationState {
  row: number;
  col: number;
  /** The scene's size and seed (streetScene). */
  size: number;
  seed: number;
}

const IGNORE = 255;
const f4 = (x: number) => formatNumber(x, '.4f');

interface Computed {
  scene: Scene;
  lossMap: number[][];
  prediction: number[][];
  void: boolean[][];
  mean: number;
  counted: number;
}

const cache = new Map<string, Computed>();

/** The scene and what the loss module makes of it (once per size and seed). */
export function segmentation(size: number, seed: number): Computed {
  const key = `${size}:${seed}`;
  let c = cache.get(key);
  if (!c) {
    const scene = streetScene({ size, seed, ignoreIndex: IGNORE });
    const logits = tensor([scene.logits], { dtype: 'float32' });
    const target = tensor([scene.target]);
    const lossMap = (
      crossEntropy(logits, target, { reduction: 'none', ignoreIndex: IGNORE }).tolist() as number[][][]
    )[0];
    const prediction = (logits.argmax(1).tolist() as number[][][])[0];
    const isVoid = scene.target.map((row) => row.map((t) => t === IGNORE));
    c = {
      scene,
      lossMap,
      prediction,
      void: isVoid,
      mean: crossEntropy(logits, target, { ignoreIndex: IGNORE }).item(),
      counted: isVoid.flat().filter((v) => !v).length,
    };
    cache.set(key, c);
  }
  return c;
}

/** One pixel: its logits, its probabilities (softmax over the classes) and its loss. */
export function pixel(s: SegmentationState): { logits: number[]; p: number[]; loss: number; target: number } {
  const { scene, lossMap } = segmentation(s.size, s.seed);
  const logits = scene.logits.map((map) => map[s.row][s.col]);
  const p = (softmax(tensor([logits], { dtype: 'float32' }), 1).tolist() as number[][])[0];
  return { logits, p, loss: lossMap[s.row][s.col], target: scene.target[s.row][s.col] };
}

/** A float32 number written so that it reads back as the same float32. */
const literal = (x: number) => String(Number(x.toPrecision(9)));

export const segmentationExplorer: ExplorableModel<SegmentationState> = {
  name: 'segmentation-explorer',

  state(input) {
    const size = Math.round(Number(input.size ?? 32));
    const seed = Math.round(Number(input.seed ?? 7));
    const clamp = (v: unknown, fallback: number) => snap(Number(v ?? fallback), 0, size - 1, 1);
    return {
      size,
      seed,
      row: clamp(input.row, Math.round(size * 0.7)),
      col: clamp(input.col, Math.round(size * 0.75)),
    };
  },

  controls(s) {
    const { loss, target } = pixel(s);
    const said = target === IGNORE ? 'void, not counted' : `loss ${f4(loss)}`;
    return (['row', 'col'] as const).map((name) => ({
      kind: 'range' as const,
      name,
      label: name === 'row' ? 'row' : 'column',
      min: 0,
      max: s.size - 1,
      step: 1,
      value: s[name],
      display: String(s[name]),
      valueText: `${name === 'row' ? 'row' : 'column'} ${s[name]}: ${said}`,
    }));
  },

  set(s, name, value) {
    return name === 'row' || name === 'col' ? this.state({ ...s, [name]: Number(value) }) : s;
  },

  drag(s, at) {
    return this.state({ ...s, row: at.y, col: at.x });
  },

  view(s) {
    const c = segmentation(s.size, s.seed);
    const { classes } = c.scene;
    const px = pixel(s);
    const highlight: [number, number] = [s.row, s.col];
    const categorical = { type: 'categorical' as const, categories: [...classes], label: 'class' };
    const maskLabel = `void: target ${IGNORE} (ignoreIndex)`;
    const base = { kind: 'heatmap' as const, width: 260, highlight };
    const figures: HeatmapSpec[] = [
      {
        ...base,
        title: 'The target mask',
        values: c.scene.target.map((row) => row.map((t) => (t === IGNORE ? 0 : t))),
        mask: c.void,
        maskLabel,
        color: categorical,
      },
      {
        ...base,
        title: "The model's prediction (argmax of the logits)",
        values: c.prediction,
        color: categorical,
      },
      {
        ...base,
        title: "Each pixel's loss, reduction 'none'",
        values: c.lossMap,
        mask: c.void,
        maskLabel,
        color: { label: 'loss', format: '.1f' },
      },
    ];
    const isVoid = px.target === IGNORE;
    const targetName = isVoid ? `void (${IGNORE}): not counted` : classes[px.target];
    const pixelTable: FigureTable = {
      caption: `Pixel (${s.row}, ${s.col}): target ${targetName}`,
      columns: ['class', 'logit', 'p'],
      rows: classes.map((k, i) => [i === px.target ? `${k} (target)` : k, f4(px.logits[i]), f4(px.p[i])]),
    };
    const sceneTable: FigureTable = {
      caption: `The scene: ${s.size}×${s.size} pixels`,
      columns: ['quantity', 'value'],
      rows: [
        ['pixels counted', String(c.counted)],
        [`void pixels (target ${IGNORE})`, String(s.size * s.size - c.counted)],
        ['mean loss over the counted pixels', f4(c.mean)],
      ],
    };
    return {
      labels: ['Target', 'Prediction', 'Loss per pixel'],
      figures,
      tables: [pixelTable, sceneTable],
      readout: [
        { label: 'pixel', value: `(${s.row}, ${s.col})` },
        { label: 'target', value: targetName },
        { label: 'logits', value: `[${px.logits.map(f4).join(', ')}]` },
        { label: 'p', value: `[${px.p.map(f4).join(', ')}]` },
        { label: 'loss', value: isVoid ? '0 (ignored)' : f4(px.loss) },
        { label: 'mean loss of the image', value: f4(c.mean) },
      ],
      announce: `Pixel row ${s.row}, column ${s.col}: target ${targetName}; ${isVoid ? 'its loss is not counted' : `loss ${f4(px.loss)}`}`,
      code: [
        "import { tensor, softmax, crossEntropy } from '@loss';",
        `// Pixel (${s.row}, ${s.col}) of the street scene: one logit per class (${classes.join(', ')}).`,
        `const logits = tensor([[${px.logits.map(literal).join(', ')}]], { dtype: 'float32' });`,
        `const target = tensor([${px.target}]); // ${targetName}`,
        'console.log(softmax(logits, 1));',
        `console.log(crossEntropy(logits, target, { reduction: 'none', ignoreIndex: ${IGNORE} }));`,
      ].join('\n'),
    };
  },
};
