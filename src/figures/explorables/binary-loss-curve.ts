/**
 * Binary cross-entropy against the predicted probability p: −log p (label 1) and
 * −log(1 − p) (label 0) on one plot, with the point the reader drags along the curve of
 * the chosen label. Every number comes from binaryCrossEntropy (and its gradient from
 * autograd): the curves from one call with reduction 'none', the point from a scalar loss.
 */
import { binaryCrossEntropy } from '../../loss/binary-cross-entropy.ts';
import { tensor } from '../../loss/creation/tensor.ts';
import type { LinePlotSpec } from '../spec.ts';
import { formatNumber } from '../format.ts';
import { snap, type ExplorableModel } from './model.ts';

export interface BinaryLossState {
  /** The predicted probability of "yes". */
  p: number;
  /** The label: 1 (yes) or 0 (no). */
  y: 0 | 1;
}

const P = { min: 0.01, max: 0.99, step: 0.01 };
const f4 = (x: number) => formatNumber(x, '.4f');

let curves: { p: number[]; label1: number[]; label0: number[] } | null = null;

/** Both curves, once: the loss of every p on the grid, for each label (reduction 'none'). */
function lossCurves() {
  if (curves) return curves;
  const n = Math.round((P.max - P.min) / P.step) + 1;
  const grid = Array.from({ length: n }, (_, i) => snap(P.min + i * P.step, P.min, P.max, P.step));
  const p = tensor(grid, { dtype: 'float32' });
  const perLabel = (label: number) =>
    binaryCrossEntropy(
      p,
      tensor(
        grid.map(() => label),
        { dtype: 'float32' },
      ),
      { reduction: 'none' },
    ).tolist() as number[];
  curves = { p: grid, label1: perLabel(1), label0: perLabel(0) };
  return curves;
}

/** The loss of one prediction and its gradient with respect to p. */
export function binaryLoss(state: BinaryLossState): { loss: number; grad: number } {
  const p = tensor([state.p], { dtype: 'float32', requiresGrad: true });
  const loss = binaryCrossEntropy(p, tensor([state.y], { dtype: 'float32' }));
  loss.backward();
  return { loss: loss.item(), grad: p.grad!.item() };
}

export const binaryLossCurve: ExplorableModel<BinaryLossState> = {
  name: 'binary-loss-curve',

  state(input) {
    return {
      p: snap(Number(input.p ?? 0.3), P.min, P.max, P.step),
      y: Number(input.y ?? 1) === 0 ? 0 : 1,
    };
  },

  controls(s) {
    const { loss } = binaryLoss(s);
    return [
      {
        kind: 'range',
        name: 'p',
        label: 'p (probability of yes)',
        ...P,
        value: s.p,
        display: s.p.toFixed(2),
        valueText: `p = ${s.p.toFixed(2)}, loss ${f4(loss)}`,
      },
      {
        kind: 'choice',
        name: 'y',
        label: 'Label',
        options: [
          { value: '1', label: 'y = 1 (yes)' },
          { value: '0', label: 'y = 0 (no)' },
        ],
        value: String(s.y),
      },
    ];
  },

  set(s, name, value) {
    if (name === 'p') return this.state({ ...s, p: Number(value) });
    if (name === 'y') return this.state({ ...s, y: value === '0' ? 0 : 1 });
    return s;
  },

  drag(s, at) {
    return this.state({ ...s, p: at.x });
  },

  view(s) {
    const c = lossCurves();
    const { loss, grad } = binaryLoss(s);
    const formula = s.y === 1 ? '−log p' : '−log(1 − p)';
    const figure: LinePlotSpec = {
      kind: 'line',
      title: 'Binary cross-entropy against the predicted probability p, for each label',
      x: { label: 'p', domain: [0, 1] },
      y: { label: 'loss', domain: [0, 5] },
      series: [
        { label: 'y = 1: −log p', x: c.p, y: c.label1 },
        { label: 'y = 0: −log(1 − p)', x: c.p, y: c.label0, style: 'dashed' },
      ],
      points: [{ x: s.p, y: loss, label: `loss ${f4(loss)}`, series: s.y === 1 ? 0 : 1 }],
      height: 260,
    };
    return {
      figures: [figure],
      readout: [
        { label: 'p', value: s.p.toFixed(2) },
        { label: 'y', value: String(s.y) },
        { label: `loss = ${formula}`, value: f4(loss) },
        { label: '∂loss/∂p', value: f4(grad) },
      ],
      announce: `p = ${s.p.toFixed(2)}, y = ${s.y}: loss ${f4(loss)}, gradient ${f4(grad)}`,
      code: [
        "import { tensor, binaryCrossEntropy } from '@loss';",
        `const p = tensor([${s.p}], { dtype: 'float32', requiresGrad: true }); // the predicted probability of yes`,
        `const y = tensor([${s.y}], { dtype: 'float32' }); // the label`,
        'const loss = binaryCrossEntropy(p, y);',
        'loss.backward();',
        `console.log(loss); // ${formula}`,
        'console.log(p.grad); // the slope of the curve at p',
      ].join('\n'),
    };
  },
};
