/**
 * Two routes from a logit z to the binary cross-entropy, in float32, against z:
 *
 *   stable: binaryCrossEntropyWithLogits(z, y)      (nn.BCEWithLogitsLoss)
 *   naive:  p = sigmoid(z), then binaryCrossEntropy(p, y)   (nn.Sigmoid, then nn.BCELoss)
 *
 * For a confident mistake the naive route breaks: once p rounds to exactly 1 (z ≥ 17 for
 * y = 0) BCELoss clamps log(1 − p) at −100, so the loss sticks at 100, and the sigmoid's
 * gradient p(1 − p) is 0, so the gradient collapses to 0 and training stops learning from
 * that example. The stable route's loss keeps growing like |z| and its gradient stays σ(z) − y.
 *
 * The sigmoid is the loss module's, which computes as PyTorch's does: forward 1/(1 + e^−z)
 * in float32, backward grad · (1 − p) · p from the output (SigmoidBackward0).
 */
import { binaryCrossEntropyWithLogits } from '../../loss/binary-cross-entropy-with-logits.ts';
import { binaryCrossEntropy } from '../../loss/binary-cross-entropy.ts';
import { tensor } from '../../loss/creation/tensor.ts';
import { sigmoid } from '../../loss/ops/sigmoid.ts';
import type { LinePlotSpec } from '../spec.ts';
import { formatNumber } from '../format.ts';
import { snap, type ExplorableModel } from './model.ts';

export interface SigmoidBceState {
  /** The logit. */
  z: number;
  /** The label: 0 or 1. */
  y: 0 | 1;
}

/** The logits shown: confident mistakes are large positive z for y = 0, large negative for y = 1. */
export const Z_RANGE = { 0: { min: -10, max: 110 }, 1: { min: -110, max: 10 } } as const;
const STEP = 0.5;
const f4 = (x: number) => formatNumber(x, '.4f');

export interface RouteValues {
  /** sigmoid(z) in float32. */
  p: number[];
  stableLoss: number[];
  stableGrad: number[];
  naiveLoss: number[];
  naiveGrad: number[];
}

const float32 = (values: number[]) => tensor(values, { dtype: 'float32' });

/** Both routes at every logit in `zs`, with label y: each value is the loss of that logit alone. */
export function routes(zs: number[], y: 0 | 1): RouteValues {
  const labels = float32(zs.map(() => y));

  const z = tensor(zs, { dtype: 'float32', requiresGrad: true });
  const stable = binaryCrossEntropyWithLogits(z, labels, { reduction: 'none' });
  stable.sum().backward();

  const zNaive = tensor(zs, { dtype: 'float32', requiresGrad: true });
  const p = sigmoid(zNaive);
  const naive = binaryCrossEntropy(p, labels, { reduction: 'none' });
  naive.sum().backward();

  return {
    p: p.tolist() as number[],
    stableLoss: stable.tolist() as number[],
    stableGrad: z.grad!.tolist() as number[],
    naiveLoss: naive.tolist() as number[],
    naiveGrad: zNaive.grad!.tolist() as number[],
  };
}

const cache = new Map<0 | 1, { zs: number[]; values: RouteValues }>();

function curves(y: 0 | 1) {
  let c = cache.get(y);
  if (!c) {
    const { min, max } = Z_RANGE[y];
    const zs = Array.from({ length: Math.round((max - min) / STEP) + 1 }, (_, i) => min + i * STEP);
    c = { zs, values: routes(zs, y) };
    cache.set(y, c);
  }
  return c;
}

export const sigmoidBce: ExplorableModel<SigmoidBceState> = {
  name: 'sigmoid-bce',

  state(input) {
    const y = Number(input.y ?? 0) === 1 ? 1 : 0;
    const { min, max } = Z_RANGE[y];
    return { y, z: snap(Number(input.z ?? (y === 0 ? 20 : -20)), min, max, STEP) };
  },

  controls(s) {
    const v = routes([s.z], s.y);
    const { min, max } = Z_RANGE[s.y];
    return [
      {
        kind: 'range',
        name: 'z',
        label: 'z (the logit)',
        min,
        max,
        step: STEP,
        value: s.z,
        display: s.z.toFixed(1),
        valueText: `z = ${s.z}: stable loss ${f4(v.stableLoss[0])}, naive loss ${f4(v.naiveLoss[0])}`,
      },
      {
        kind: 'choice',
        name: 'y',
        label: 'Label',
        options: [
          { value: '0', label: 'y = 0' },
          { value: '1', label: 'y = 1' },
        ],
        value: String(s.y),
      },
    ];
  },

  set(s, name, value) {
    if (name === 'z') return this.state({ ...s, z: Number(value) });
    // Flipping the label mirrors z, so the mistake stays as confident.
    if (name === 'y') {
      const y = value === '1' ? 1 : 0;
      return y === s.y ? s : this.state({ y, z: -s.z });
    }
    return s;
  },

  drag(s, at) {
    return this.state({ ...s, z: at.x });
  },

  view(s) {
    const { zs, values: c } = curves(s.y);
    const at = routes([s.z], s.y);
    const { min, max } = Z_RANGE[s.y];
    const series = (stable: number[], naive: number[]) => [
      { label: 'BCEWithLogitsLoss', x: zs, y: stable },
      { label: 'sigmoid, then BCELoss', x: zs, y: naive, style: 'dashed' as const },
    ];
    const points = (stable: number, naive: number) => [
      { x: s.z, y: stable, series: 0 },
      { x: s.z, y: naive, series: 1 },
    ];
    const loss: LinePlotSpec = {
      kind: 'line',
      title: `Loss against the logit z for label y = ${s.y}, two routes in float32`,
      x: { label: 'z', domain: [min, max] },
      y: { label: 'loss', domain: [0, 120] },
      series: series(c.stableLoss, c.naiveLoss),
      points: points(at.stableLoss[0], at.naiveLoss[0]),
      rules: [{ axis: 'y', value: 100, label: 'BCELoss clamps log at −100' }],
      height: 220,
    };
    const grad: LinePlotSpec = {
      kind: 'line',
      title: `Gradient of the loss with respect to z for label y = ${s.y}, two routes in float32`,
      x: { label: 'z', domain: [min, max] },
      y: { label: '∂loss/∂z', domain: [-1.2, 1.2] },
      series: series(c.stableGrad, c.naiveGrad),
      points: points(at.stableGrad[0], at.naiveGrad[0]),
      height: 220,
    };
    const p = at.p[0];
    const pText =
      p === 1 ? '1 (exactly: rounded)' : p === 0 ? '0 (exactly: rounded)' : formatNumber(p, '.8~g');
    return {
      labels: ['Loss', 'Gradient'],
      figures: [loss, grad],
      readout: [
        { label: 'z', value: s.z.toFixed(1) },
        { label: 'p = sigmoid(z)', value: pText },
        { label: 'BCEWithLogitsLoss', value: `${f4(at.stableLoss[0])}, ∂/∂z ${f4(at.stableGrad[0])}` },
        { label: 'sigmoid, then BCELoss', value: `${f4(at.naiveLoss[0])}, ∂/∂z ${f4(at.naiveGrad[0])}` },
      ],
      announce: `z = ${s.z}, y = ${s.y}: BCEWithLogitsLoss ${f4(at.stableLoss[0])} with gradient ${f4(at.stableGrad[0])}; sigmoid then BCELoss ${f4(at.naiveLoss[0])} with gradient ${f4(at.naiveGrad[0])}`,
      code: [
        "import { tensor, sigmoid, binaryCrossEntropy, binaryCrossEntropyWithLogits } from '@loss';",
        `const y = tensor([${s.y}], { dtype: 'float32' }); // the label`,
        '// The stable route: the sigmoid folded into the loss.',
        `const z = tensor([${s.z}], { dtype: 'float32', requiresGrad: true }); // the logit`,
        'const stable = binaryCrossEntropyWithLogits(z, y);',
        'stable.backward();',
        'console.log(stable, z.grad);',
        '// The naive route: p = sigmoid(z) in float32, then BCELoss on p.',
        `const z2 = tensor([${s.z}], { dtype: 'float32', requiresGrad: true });`,
        'const p = sigmoid(z2);',
        'const naive = binaryCrossEntropy(p, y);',
        'naive.backward();',
        'console.log(p, naive, z2.grad);',
      ].join('\n'),
    };
  },
};
