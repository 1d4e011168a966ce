/**
 * The log-probability of a target class that trails the largest logit by a gap g, in
 * float32, two ways: softmax(z).log() (the naive route) and logSoftmax(z) (the fused,
 * stable one), for logits z = [0, −g] and target class 1. Exactly, log p = −g − log(1 + e^−g).
 *
 * The naive route's p = e^−g / (1 + e^−g) leaves float32's normal range near g ≈ 87 (its
 * log then loses digits: float32 subnormals carry fewer bits) and rounds to exactly 0 near
 * g ≈ 104, where its log is −∞: a loss of +∞ and a NaN gradient. Both places are found in
 * the module's own output, not typed in.
 */
import { tensor } from '../../loss/creation/tensor.ts';
import { logSoftmax } from '../../loss/log-softmax.ts';
import { softmax } from '../../loss/softmax.ts';
import type { LinePlotSpec, RuleMark } from '../spec.ts';
import { formatNumber } from '../format.ts';
import { snap, type ExplorableModel } from './model.ts';

export interface GapState {
  /** How far the target's logit trails the largest one. */
  gap: number;
}

export const GAP = { min: 0, max: 120, step: 0.5 };
/** The smallest normal float32, 2^−126: below it a float32 has fewer significant bits. */
const FLOAT32_MIN_NORMAL = 2 ** -126;
const f4 = (x: number) => formatNumber(x, '.4f');

/** log p of the target for each gap, both ways (float32): one (n, 2) batch per route. */
export function gapRoutes(gaps: number[]): { naive: number[]; stable: number[]; p: number[] } {
  const z = tensor(
    gaps.map((g) => [0, -g]),
    { dtype: 'float32' },
  );
  const column1 = (rows: number[][]) => rows.map((r) => r[1]);
  const p = softmax(z, 1);
  return {
    p: column1(p.tolist() as number[][]),
    naive: column1(p.log().tolist() as number[][]),
    stable: column1(logSoftmax(z, 1).tolist() as number[][]),
  };
}

let cache: {
  gaps: number[];
  naive: number[];
  stable: number[];
  rules: RuleMark[];
  landmarks: GapLandmarks;
} | null = null;

/** Where the naive route goes wrong, found in the module's float32 output (null: not in range). */
export interface GapLandmarks {
  /** The first gap on the grid where p is subnormal. */
  subnormal: number | null;
  /** The first gap on the grid where p rounds to 0 (its log is −∞). */
  zero: number | null;
}

function curves() {
  if (cache) return cache;
  const n = Math.round((GAP.max - GAP.min) / GAP.step) + 1;
  const gaps = Array.from({ length: n }, (_, i) => GAP.min + i * GAP.step);
  const { naive, stable, p } = gapRoutes(gaps);
  const rules: RuleMark[] = [];
  const subnormal = p.findIndex((v) => v < FLOAT32_MIN_NORMAL);
  if (subnormal >= 0) rules.push({ axis: 'x', value: gaps[subnormal], label: 'p subnormal', side: 'before' });
  const zero = p.findIndex((v) => v === 0);
  if (zero >= 0) rules.push({ axis: 'x', value: gaps[zero], label: 'p = 0' });
  const landmarks = {
    subnormal: subnormal >= 0 ? gaps[subnormal] : null,
    zero: zero >= 0 ? gaps[zero] : null,
  };
  cache = { gaps, naive, stable, rules, landmarks };
  return cache;
}

export const gapLandmarks = (): GapLandmarks => curves().landmarks;

export const logSoftmaxGap: ExplorableModel<GapState> = {
  name: 'log-softmax-gap',

  state(input) {
    return { gap: snap(Number(input.gap ?? 100), GAP.min, GAP.max, GAP.step) };
  },

  controls(s) {
    const r = gapRoutes([s.gap]);
    return [
      {
        kind: 'range',
        name: 'gap',
        label: 'gap g to the largest logit',
        ...GAP,
        value: s.gap,
        display: s.gap.toFixed(1),
        valueText: `g = ${s.gap}: softmax().log() ${f4(r.naive[0])}, logSoftmax ${f4(r.stable[0])}`,
      },
    ];
  },

  set(s, name, value) {
    return name === 'gap' ? this.state({ gap: Number(value) }) : s;
  },

  drag(s, at) {
    return this.state({ gap: at.x });
  },

  view(s) {
    const c = curves();
    const at = gapRoutes([s.gap]);
    const figure: LinePlotSpec = {
      kind: 'line',
      title: 'log p of the target class against its gap g to the largest logit, float32',
      x: { label: 'gap g', domain: [GAP.min, GAP.max] },
      y: { label: 'log p of the target', domain: [-130, 0] },
      series: [
        { label: 'softmax(z).log()', x: c.gaps, y: c.naive },
        { label: 'logSoftmax(z)', x: c.gaps, y: c.stable, style: 'dashed' },
      ],
      points: [
        { x: s.gap, y: at.naive[0], series: 0 },
        { x: s.gap, y: at.stable[0], series: 1 },
      ],
      rules: c.rules,
      height: 250,
    };
    return {
      figures: [figure],
      readout: [
        { label: 'g', value: s.gap.toFixed(1) },
        { label: 'p in float32', value: at.p[0] === 0 ? '0 (rounded)' : formatNumber(at.p[0], '.4~e') },
        { label: 'softmax(z).log()', value: f4(at.naive[0]) },
        { label: 'logSoftmax(z)', value: f4(at.stable[0]) },
      ],
      announce: `g = ${s.gap}: softmax then log ${f4(at.naive[0])}, logSoftmax ${f4(at.stable[0])}`,
      code: [
        "import { tensor, softmax, logSoftmax } from '@loss';",
        `const g = ${s.gap}; // how far the target's logit trails the largest`,
        "const logits = tensor([[0, -g]], { dtype: 'float32' }); // the target is class 1",
        'console.log(softmax(logits, 1)); // its p may round to 0',
        'console.log(softmax(logits, 1).log());',
        'console.log(logSoftmax(logits, 1));',
      ].join('\n'),
    };
  },
};
