/**
 * Property tests (fast-check) of the losses in float64: identities that must hold for any
 * input, and gradients against central finite differences. numRuns stay modest so the file
 * runs in a few seconds.
 */
import { describe, it } from 'vitest';
import fc from 'fast-check';
import {
  Tensor,
  tensor,
  crossEntropy,
  nllLoss,
  logSoftmax,
  softmax,
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
} from '../../src/loss/index.ts';
import type { Reduction } from '../../src/loss/index.ts';
import { expectClose } from '../helpers/close.ts';

const RUNS = { numRuns: 40 };

interface Problem {
  shape: number[]; // input (N, C, d1..dk) or (C)
  logits: number[];
  targets: number[]; // class indices, one per position
  weight: number[];
  upstream: number[]; // a gradient per position, for reduction 'none'
}

/** A classification problem: (C) or (N, C, d1..dk) with k <= 2, small sizes. */
const problem: fc.Arbitrary<Problem> = fc
  .record({
    unbatched: fc.boolean(),
    N: fc.integer({ min: 1, max: 3 }),
    C: fc.integer({ min: 1, max: 5 }),
    spatial: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
  })
  .chain(({ unbatched, N, C, spatial }) => {
    const shape = unbatched ? [C] : [N, C, ...spatial];
    const numel = shape.reduce((a, b) => a * b, 1);
    const positions = numel / C;
    const real = fc.double({ min: -5, max: 5, noNaN: true });
    return fc.record({
      shape: fc.constant(shape),
      logits: fc.array(real, { minLength: numel, maxLength: numel }),
      targets: fc.array(fc.integer({ min: 0, max: C - 1 }), { minLength: positions, maxLength: positions }),
      weight: fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), { minLength: C, maxLength: C }),
      upstream: fc.array(real, { minLength: positions, maxLength: positions }),
    });
  });

const classDim = (p: Problem): number => (p.shape.length === 1 ? 0 : 1);
const targetShape = (p: Problem): number[] => (p.shape.length === 1 ? [] : [p.shape[0], ...p.shape.slice(2)]);
const logitsOf = (p: Problem, requiresGrad = false): Tensor =>
  tensor(p.logits, { dtype: 'float64', shape: p.shape, requiresGrad });
const targetOf = (p: Problem): Tensor => tensor(p.targets, { dtype: 'int64', shape: targetShape(p) });
const upstreamOf = (p: Problem): Tensor => tensor(p.upstream, { dtype: 'float64', shape: targetShape(p) });

/** One-hot probabilities of the input's shape for the class-index targets. */
function oneHotOf(p: Problem): Tensor {
  const C = p.shape[classDim(p)];
  const S = p.shape.length === 1 ? 1 : p.shape.slice(2).reduce((a, b) => a * b, 1);
  const data = new Float64Array(p.logits.length);
  p.targets.forEach((t, i) => {
    const n = Math.floor(i / S);
    data[(n * C + t) * S + (i % S)] = 1;
  });
  return new Tensor(data, p.shape, 'float64');
}

const TIGHT = { atol: 1e-12, rtol: 1e-10 };

describe('crossEntropy identities (float64, any shape)', () => {
  it('crossEntropy(x, t) = nllLoss(logSoftmax(x, 1), t), for every reduction', () => {
    fc.assert(
      fc.property(problem, fc.constantFrom<Reduction>('mean', 'sum', 'none'), (p, reduction) => {
        const x = logitsOf(p);
        const a = crossEntropy(x, targetOf(p), { reduction });
        const b = nllLoss(logSoftmax(x, classDim(p)), targetOf(p), { reduction });
        expectClose(a.data, b.data, TIGHT);
      }),
      RUNS,
    );
  });

  it('is invariant to adding a constant to every class of a position', () => {
    fc.assert(
      fc.property(problem, fc.double({ min: -50, max: 50, noNaN: true }), (p, shift) => {
        const a = crossEntropy(logitsOf(p), targetOf(p), { reduction: 'none' });
        const shifted = tensor(
          p.logits.map((v) => v + shift),
          { dtype: 'float64', shape: p.shape },
        );
        const b = crossEntropy(shifted, targetOf(p), { reduction: 'none' });
        expectClose(a.data, b.data, { atol: 1e-12 * (1 + Math.abs(shift)), rtol: 1e-9 });
      }),
      RUNS,
    );
  });

  it('with one-hot probabilities equals the indexed log-probability (the dot product picks it)', () => {
    fc.assert(
      fc.property(problem, (p) => {
        const viaIndex = crossEntropy(logitsOf(p), targetOf(p), { reduction: 'none' });
        const viaProbabilities = crossEntropy(logitsOf(p), oneHotOf(p), { reduction: 'none' });
        expectClose(viaIndex.data, viaProbabilities.data, TIGHT);
        // and both are -logSoftmax(x)[t]
        const logp = logSoftmax(logitsOf(p), classDim(p)).data;
        const oneHot = oneHotOf(p).data;
        const C = p.shape[classDim(p)];
        const S = p.logits.length / C / (p.shape.length === 1 ? 1 : p.shape[0]);
        const picked = p.targets.map((_, i) => {
          const n = Math.floor(i / S);
          let dot = 0;
          for (let c = 0; c < C; c++)
            dot += oneHot[(n * C + c) * S + (i % S)] * logp[(n * C + c) * S + (i % S)];
          return -dot;
        });
        expectClose(viaIndex.data, picked, TIGHT);
      }),
      RUNS,
    );
  });

  it('the gradient of the mean is (softmax - onehot) / number of positions', () => {
    fc.assert(
      fc.property(problem, (p) => {
        const x = logitsOf(p, true);
        crossEntropy(x, targetOf(p)).backward();
        const sm = softmax(logitsOf(p), classDim(p)).data;
        const oneHot = oneHotOf(p).data;
        const positions = p.targets.length;
        expectClose(
          x.grad!.data,
          Array.from(sm, (v, i) => (v - oneHot[i]) / positions),
          TIGHT,
        );
      }),
      RUNS,
    );
  });
});

/** Central finite differences of the scalar f at x (float64), step h. */
function numericGradient(f: (values: number[]) => number, x: number[], h = 1e-5): number[] {
  return x.map((_, i) => {
    const up = [...x];
    const down = [...x];
    up[i] += h;
    down[i] -= h;
    return (f(up) - f(down)) / (2 * h);
  });
}

/**
 * Compare autograd with finite differences for loss(input) reduced by `reduction`; for
 * 'none' the scalar is Σ upstream · loss (and backward gets `upstream`).
 */
function checkGradient(
  values: number[],
  shape: number[],
  loss: (input: Tensor) => Tensor,
  upstream: Tensor | null,
): void {
  const scalar = (v: number[]): number => {
    const out = loss(tensor(v, { dtype: 'float64', shape }));
    if (upstream === null) return out.item();
    return Array.from(out.data).reduce((acc, o, i) => acc + o * upstream.data[i], 0);
  };
  const x = tensor(values, { dtype: 'float64', shape, requiresGrad: true });
  const out = loss(x);
  if (upstream === null) out.backward();
  else out.backward(upstream);
  expectClose(x.grad!.data, numericGradient(scalar, values), { atol: 1e-6, rtol: 1e-5 });
}

describe('gradients agree with central finite differences (float64)', () => {
  const options = fc.record({
    reduction: fc.constantFrom<Reduction>('mean', 'sum', 'none'),
    weighted: fc.boolean(),
    ignoreFirst: fc.boolean(),
    labelSmoothing: fc.constantFrom(0, 0.1, 0.5, 1),
  });

  it('crossEntropy with class indices (weight, ignoreIndex, labelSmoothing, every reduction)', () => {
    fc.assert(
      fc.property(problem, options, (p, o) => {
        const targets = o.ignoreFirst ? [-1, ...p.targets.slice(1)] : p.targets;
        const t = tensor(targets, { dtype: 'int64', shape: targetShape(p) });
        const weight = o.weighted ? tensor(p.weight, { dtype: 'float64' }) : undefined;
        // all positions ignored makes 'mean' NaN; skip that corner
        if (o.ignoreFirst && targets.length === 1 && o.reduction === 'mean') return;
        checkGradient(
          p.logits,
          p.shape,
          (x) =>
            crossEntropy(x, t, {
              reduction: o.reduction,
              weight,
              ignoreIndex: -1,
              labelSmoothing: o.labelSmoothing,
            }),
          o.reduction === 'none' ? upstreamOf(p) : null,
        );
      }),
      RUNS,
    );
  });

  it('crossEntropy with class probabilities (weight, labelSmoothing, every reduction)', () => {
    fc.assert(
      fc.property(problem, options, (p, o) => {
        const probabilities = softmax(
          tensor(
            p.logits.map((v) => -v / 2),
            { dtype: 'float64', shape: p.shape },
          ),
          classDim(p),
        );
        const weight = o.weighted ? tensor(p.weight, { dtype: 'float64' }) : undefined;
        checkGradient(
          p.logits,
          p.shape,
          (x) =>
            crossEntropy(x, probabilities, {
              reduction: o.reduction,
              weight,
              labelSmoothing: o.labelSmoothing,
            }),
          o.reduction === 'none' ? upstreamOf(p) : null,
        );
      }),
      RUNS,
    );
  });

  it('nllLoss, softmax and logSoftmax', () => {
    fc.assert(
      fc.property(problem, options, (p, o) => {
        const weight = o.weighted ? tensor(p.weight, { dtype: 'float64' }) : undefined;
        checkGradient(
          p.logits,
          p.shape,
          (x) => nllLoss(x, targetOf(p), { weight, reduction: o.reduction }),
          o.reduction === 'none' ? upstreamOf(p) : null,
        );
        const g = tensor(
          p.logits.map((v) => Math.cos(v * 3)),
          { dtype: 'float64', shape: p.shape },
        );
        checkGradient(p.logits, p.shape, (x) => softmax(x, classDim(p)), g);
        checkGradient(p.logits, p.shape, (x) => logSoftmax(x, -1), g);
      }),
      RUNS,
    );
  });

  const binary = fc
    .array(
      fc.record({
        x: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        y: fc.double({ min: 0, max: 1, noNaN: true }),
        w: fc.double({ min: 0.1, max: 2, noNaN: true }),
      }),
      { minLength: 1, maxLength: 8 },
    )
    .map((rows) => ({ x: rows.map((r) => r.x), y: rows.map((r) => r.y), w: rows.map((r) => r.w) }));

  it('binaryCrossEntropy (weight, every reduction)', () => {
    fc.assert(
      fc.property(binary, options, (b, o) => {
        const shape = [b.x.length];
        const y = tensor(b.y, { dtype: 'float64' });
        const weight = o.weighted ? tensor(b.w, { dtype: 'float64' }) : undefined;
        checkGradient(
          b.x,
          shape,
          (x) => binaryCrossEntropy(x, y, { weight, reduction: o.reduction }),
          o.reduction === 'none'
            ? tensor(
                b.w.map((v) => v - 1),
                { dtype: 'float64' },
              )
            : null,
        );
      }),
      RUNS,
    );
  });

  it('binaryCrossEntropyWithLogits (weight, posWeight, every reduction)', () => {
    fc.assert(
      fc.property(binary, options, (b, o) => {
        const logits = b.x.map((v) => (v - 0.5) * 20);
        const shape = [logits.length];
        const y = tensor(b.y, { dtype: 'float64' });
        const weight = o.weighted ? tensor(b.w, { dtype: 'float64' }) : undefined;
        const posWeight = o.ignoreFirst
          ? tensor(
              b.w.map((v) => v * 2),
              { dtype: 'float64' },
            )
          : undefined;
        checkGradient(
          logits,
          shape,
          (x) => binaryCrossEntropyWithLogits(x, y, { weight, posWeight, reduction: o.reduction }),
          o.reduction === 'none'
            ? tensor(
                b.w.map((v) => v - 1),
                { dtype: 'float64' },
              )
            : null,
        );
      }),
      RUNS,
    );
  });
});
