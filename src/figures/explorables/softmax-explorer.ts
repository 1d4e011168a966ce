/**
 * Logits → softmax → cross-entropy for one example, with a temperature T. The reader drags
 * the logits (or uses their sliders), picks the target class and the temperature; the
 * probabilities softmax(z / T), the loss crossEntropy(z / T, target) and its gradient with
 * respect to each logit, (p − y) / T, are recomputed by the loss module (the gradient by
 * autograd), and the gradient is drawn as an arrow on each logit: training moves each logit
 * against its arrow.
 */
import { tensor } from '../../loss/creation/tensor.ts';
import { crossEntropy } from '../../loss/cross-entropy.ts';
import { softmax } from '../../loss/softmax.ts';
import type { BarChartSpec } from '../spec.ts';
import type { FigureTable } from '../table.ts';
import { formatNumber } from '../format.ts';
import { snap, type Control, type ExplorableModel } from './model.ts';

export interface SoftmaxState {
  logits: number[];
  /** The target class index. */
  target: number;
  /** The temperature T: the logits are divided by it before the softmax. */
  t: number;
  /** The classes' names. */
  labels: string[];
}

export const LOGIT = { min: -5, max: 5, step: 0.1 };
export const TEMPERATURE = { min: 0.1, max: 5, step: 0.1 };
const f4 = (x: number) => formatNumber(x, '.4f');
const f2 = (x: number) => formatNumber(x, '.2f');

/** The probabilities, the loss and its gradient for the state, from the loss module. */
export function softmaxNumbers(s: SoftmaxState): { p: number[]; loss: number; grad: number[] } {
  const z = tensor([s.logits], { dtype: 'float32', requiresGrad: true });
  const scaled = z.div(s.t);
  const loss = crossEntropy(scaled, tensor([s.target]));
  loss.backward();
  return {
    p: (softmax(scaled, 1).tolist() as number[][])[0],
    loss: loss.item(),
    grad: (z.grad!.tolist() as number[][])[0],
  };
}

const jsNumber = (x: number) => String(x);

export const softmaxExplorer: ExplorableModel<SoftmaxState> = {
  name: 'softmax-explorer',

  state(input) {
    const logits = (input.logits ?? [2, 0.5, -1]).map((v) =>
      snap(Number(v), LOGIT.min, LOGIT.max, LOGIT.step),
    );
    if (logits.length < 2 || logits.length > 6)
      throw new Error(`SoftmaxExplorer: 2 to 6 logits, got ${logits.length}`);
    const labels = input.labels ?? logits.map((_, i) => `class ${i}`);
    if (labels.length !== logits.length)
      throw new Error(`SoftmaxExplorer: ${labels.length} labels for ${logits.length} logits`);
    const target = Math.max(0, Math.min(logits.length - 1, Math.round(Number(input.target ?? 0))));
    const t = snap(Number(input.t ?? 1), TEMPERATURE.min, TEMPERATURE.max, TEMPERATURE.step);
    return { logits, target, t, labels };
  },

  controls(s) {
    const { p } = softmaxNumbers(s);
    const logitControls: Control[] = s.logits.map((z, i) => ({
      kind: 'range',
      name: `z${i}`,
      label: `logit of ${s.labels[i]}`,
      ...LOGIT,
      value: z,
      display: f2(z),
      valueText: `${f2(z)}; p = ${f4(p[i])}`,
    }));
    return [
      ...logitControls,
      {
        kind: 'range',
        name: 't',
        label: 'temperature T',
        ...TEMPERATURE,
        value: s.t,
        display: s.t.toFixed(1),
        valueText: `T = ${s.t.toFixed(1)}`,
      },
      {
        kind: 'choice',
        name: 'target',
        label: 'Target',
        options: s.labels.map((l, i) => ({ value: String(i), label: l })),
        value: String(s.target),
      },
    ];
  },

  set(s, name, value) {
    if (name === 't') return this.state({ ...s, t: Number(value) });
    if (name === 'target') return this.state({ ...s, target: Number(value) });
    const m = /^z(\d+)$/.exec(name);
    if (!m) return s;
    const logits = [...s.logits];
    logits[Number(m[1])] = Number(value);
    return this.state({ ...s, logits });
  },

  drag(s, at) {
    if (at.figure !== 0) return null;
    const logits = [...s.logits];
    logits[Math.round(at.start.x)] = at.y;
    return this.state({ ...s, logits });
  },

  view(s) {
    const { p, loss, grad } = softmaxNumbers(s);
    const logits: BarChartSpec = {
      kind: 'bars',
      title: 'The logits, with the gradient of the loss on each',
      labels: s.labels,
      values: s.logits,
      y: { label: 'logit z', domain: [LOGIT.min, LOGIT.max], format: '.2f' },
      highlight: s.target,
      arrows: grad,
      arrowLabel: 'gradient ∂loss/∂z = (p − y) / T',
      arrowScale: 4,
      height: 240,
    };
    const probs: BarChartSpec = {
      kind: 'bars',
      title: `The probabilities softmax(z / T), T = ${s.t.toFixed(1)}`,
      labels: s.labels,
      values: p,
      y: { label: 'p', domain: [0, 1], format: '.4f' },
      highlight: s.target,
      height: 240,
    };
    const table: FigureTable = {
      caption: `Each class: its logit, its probability and the gradient of the loss (target: ${s.labels[s.target]}, T = ${s.t.toFixed(1)})`,
      columns: ['class', 'logit z', 'p = softmax(z / T)', '∂loss/∂z'],
      rows: s.labels.map((l, i) => [
        i === s.target ? `${l} (target)` : l,
        f2(s.logits[i]),
        f4(p[i]),
        f4(grad[i]),
      ]),
    };
    const target = s.labels[s.target];
    return {
      labels: ['Logits, with the gradient', 'Probabilities'],
      figures: [logits, probs],
      tables: [table],
      readout: [
        { label: `p of the target (${target})`, value: f4(p[s.target]) },
        { label: 'loss = −log p', value: f4(loss) },
        { label: 'T', value: s.t.toFixed(1) },
      ],
      announce: `Logits ${s.logits.map(f2).join(', ')}, T = ${s.t.toFixed(1)}: probabilities ${p.map(f4).join(', ')}; loss ${f4(loss)}`,
      code: [
        "import { tensor, softmax, crossEntropy } from '@loss';",
        `const logits = tensor([[${s.logits.map(jsNumber).join(', ')}]], { dtype: 'float32', requiresGrad: true });`,
        `const target = tensor([${s.target}]); // ${target}`,
        `const T = ${s.t}; // the temperature`,
        'console.log(softmax(logits.div(T), 1));',
        'const loss = crossEntropy(logits.div(T), target);',
        'loss.backward();',
        'console.log(loss);',
        'console.log(logits.grad); // (p - y) / T',
      ].join('\n'),
    };
  },
};
