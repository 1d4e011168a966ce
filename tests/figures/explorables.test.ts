/**
 * The explorables' models: their numbers against real PyTorch 1.13 (tests/fixtures/
 * figures-torch.json, from scripts/fixtures/gen_figure_fixtures.py), their states and
 * controls, their views (valid figure specs), and their "Open as code" cells, run by the
 * Node cell runner, printing the numbers the explorable shows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/figures/check-spec.ts';
import { binaryLoss, binaryLossCurve } from '../../src/figures/explorables/binary-loss-curve.ts';
import { routes, sigmoidBce } from '../../src/figures/explorables/sigmoid-bce.ts';
import { gapLandmarks, gapRoutes, logSoftmaxGap } from '../../src/figures/explorables/log-softmax-gap.ts';
import { softmaxExplorer, softmaxNumbers } from '../../src/figures/explorables/softmax-explorer.ts';
import {
  pixel,
  segmentation,
  segmentationExplorer,
} from '../../src/figures/explorables/segmentation-explorer.ts';
import type { ExplorableModel, View } from '../../src/figures/explorables/model.ts';
import { runCellsNode } from '../../src/cells/run-node.ts';
import { LOSS_TOL } from '../helpers/loss-fixtures.ts';

type J = number | 'nan' | 'inf' | '-inf';
const dec = (v: J): number => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v);
const torch = JSON.parse(readFileSync(new URL('../fixtures/figures-torch.json', import.meta.url), 'utf8'));

/**
 * Equal as float32 results, within the loss module's own float32 tolerance against PyTorch
 * (LOSS_TOL: atol 1e-6, rtol 1e-5); NaN and ±∞ must match exactly.
 */
function expectFloat32(actual: number[], expected: J[], what: string): void {
  const { atol, rtol } = LOSS_TOL.float32;
  expect(actual.length, what).toBe(expected.length);
  actual.forEach((a, i) => {
    const e = dec(expected[i]);
    if (!Number.isFinite(e))
      expect(Object.is(a, e) || (Number.isNaN(a) && Number.isNaN(e)), `${what}[${i}]: ${a} vs ${e}`).toBe(
        true,
      );
    else
      expect(Math.abs(a - e), `${what}[${i}]: ${a} vs ${e}`).toBeLessThanOrEqual(atol + rtol * Math.abs(e));
  });
}

describe('the explorables compute what PyTorch 1.13 computes (float32)', () => {
  it('BinaryLossCurve: the loss of one probability and its gradient', () => {
    for (const c of torch.binary as { p: number; y: 0 | 1; loss: J; grad: J }[]) {
      const { loss, grad } = binaryLoss({ p: c.p, y: c.y });
      expectFloat32([loss, grad], [c.loss, c.grad], `p = ${c.p}, y = ${c.y}`);
    }
  });

  it('SigmoidBceSaturation: both routes on the whole grid, with the clamp at 100 and the collapsed gradient', () => {
    for (const y of [0, 1] as const) {
      const t = torch.sigmoid[String(y)];
      const ours = routes(t.z, y);
      for (const key of ['p', 'stableLoss', 'stableGrad', 'naiveLoss', 'naiveGrad'] as const)
        expectFloat32(ours[key], t[key], `y = ${y}: ${key}`);
    }
    // What the figure shows, for y = 0 at z = 20: the naive loss is clamped, its gradient gone.
    const at = routes([20], 0);
    expect(at.p[0]).toBe(1);
    expect(at.naiveLoss[0]).toBe(100);
    expect(at.naiveGrad[0]).toBe(0);
    expect(at.stableGrad[0]).toBe(1);
  });

  it('LogSoftmaxGap: softmax(z).log() and logSoftmax(z) on the whole grid, −∞ included', () => {
    const ours = gapRoutes(torch.gap.gap);
    expectFloat32(ours.p, torch.gap.p, 'p');
    expectFloat32(ours.naive, torch.gap.naive, 'softmax().log()');
    expectFloat32(ours.stable, torch.gap.stable, 'logSoftmax');
    // The landmarks the caption names are where PyTorch's p is subnormal, and then 0.
    const { subnormal, zero } = gapLandmarks();
    const gapOf = (pred: (p: number) => boolean) =>
      torch.gap.gap[(torch.gap.p as J[]).map(dec).findIndex(pred)];
    expect(subnormal).toBe(gapOf((p) => p < 2 ** -126));
    expect(zero).toBe(gapOf((p) => p === 0));
  });

  it('SoftmaxExplorer: softmax(z / T), the loss and its gradient (p − y) / T', () => {
    for (const c of torch.softmax as {
      logits: number[];
      target: number;
      t: number;
      p: J[];
      loss: J;
      grad: J[];
    }[]) {
      const labels = c.logits.map((_, i) => `c${i}`);
      const n = softmaxNumbers({ logits: c.logits, target: c.target, t: c.t, labels });
      expectFloat32(n.p, c.p, 'p');
      expectFloat32([n.loss], [c.loss], 'loss');
      expectFloat32(n.grad, c.grad, 'grad');
    }
  });
});

describe('explorable states and controls', () => {
  it('snap values to their slider steps and ranges, and fill in defaults', () => {
    expect(binaryLossCurve.state({})).toEqual({ p: 0.3, y: 1 });
    expect(binaryLossCurve.state({ p: 1.7, y: 0 })).toEqual({ p: 0.99, y: 0 });
    expect(binaryLossCurve.state({ p: 0.3333 }).p).toBe(0.33);
    expect(sigmoidBce.state({ z: 200 })).toEqual({ y: 0, z: 110 });
    expect(logSoftmaxGap.state({ gap: 103.74 })).toEqual({ gap: 103.5 });
    expect(() => softmaxExplorer.state({ logits: [1] })).toThrow('SoftmaxExplorer: 2 to 6 logits, got 1');
    expect(() => softmaxExplorer.state({ logits: [1, 2], labels: ['a'] })).toThrow(
      'SoftmaxExplorer: 1 labels for 2 logits',
    );
  });

  it('follow their controls and the pointer', () => {
    const s = softmaxExplorer.state({});
    expect(softmaxExplorer.set(s, 'z1', '3.04').logits).toEqual([2, 3, -1]);
    expect(softmaxExplorer.set(s, 'target', '2').target).toBe(2);
    // A drag keeps to the bar where it started, wherever the pointer goes.
    const dragged = softmaxExplorer.drag!(s, { figure: 0, x: 2, y: -2.26, start: { x: 0, y: 1 } });
    expect(dragged!.logits).toEqual([-2.3, 0.5, -1]);
    expect(softmaxExplorer.drag!(s, { figure: 1, x: 0, y: 0.5, start: { x: 0, y: 0.5 } })).toBeNull();
    // Flipping the label mirrors z.
    expect(sigmoidBce.set(sigmoidBce.state({ z: 20, y: 0 }), 'y', '1')).toEqual({ y: 1, z: -20 });
    const seg = segmentationExplorer.state({});
    expect(segmentationExplorer.drag!(seg, { figure: 2, x: 3, y: 40, start: { x: 3, y: 40 } })).toMatchObject(
      { row: 31, col: 3 },
    );
  });

  it('give every slider an announced value and keep controls in step with the state', () => {
    const s = binaryLossCurve.state({ p: 0.25, y: 0 });
    const [p, y] = binaryLossCurve.controls(s);
    expect(p).toMatchObject({
      kind: 'range',
      value: 0.25,
      display: '0.25',
      valueText: 'p = 0.25, loss 0.2877',
    });
    expect(y).toMatchObject({ kind: 'choice', value: '0' });
  });
});

const STATES: [string, ExplorableModel<never>, object[]][] = [
  ['BinaryLossCurve', binaryLossCurve as ExplorableModel<never>, [{}, { p: 0.9, y: 0 }]],
  ['SigmoidBceSaturation', sigmoidBce as ExplorableModel<never>, [{}, { z: -95, y: 1 }, { z: 3.5, y: 0 }]],
  [
    'SoftmaxExplorer',
    softmaxExplorer as ExplorableModel<never>,
    [{}, { logits: [1, 3, -2, 0], target: 3, t: 2.5 }],
  ],
  ['LogSoftmaxGap', logSoftmaxGap as ExplorableModel<never>, [{ gap: 50 }, { gap: 104 }]],
  ['SegmentationExplorer', segmentationExplorer as ExplorableModel<never>, [{}, { row: 0, col: 0 }]],
];

describe('explorable views', () => {
  it.each(STATES)('%s draws valid figures, gives numbers and code', (_name, model, states) => {
    for (const input of states) {
      const view: View = model.view(model.state(input as never));
      for (const f of view.figures) expect(() => checkSpec(f)).not.toThrow();
      expect(view.readout.length).toBeGreaterThan(0);
      expect(view.announce).not.toBe('');
      expect(view.code).toContain("from '@loss'");
    }
  });

  it('SegmentationExplorer: the loss map is −log p of each pixel’s target, and void pixels count for nothing', () => {
    const c = segmentation(32, 7);
    expect(c.scene.target.length).toBe(32);
    const classes = new Set(c.scene.target.flat());
    expect([...classes].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 255]);
    let sum = 0;
    for (let row = 0; row < 32; row++)
      for (let col = 0; col < 32; col++) {
        const px = pixel({ row, col, size: 32, seed: 7 });
        if (px.target === 255) expect(c.lossMap[row][col]).toBe(0);
        else {
          expect(c.lossMap[row][col]).toBeCloseTo(-Math.log(px.p[px.target]), 5);
          sum += c.lossMap[row][col];
        }
      }
    expect(c.mean).toBeCloseTo(sum / c.counted, 5);
    expect(c.counted).toBeLessThan(32 * 32);
  });
});

/** The numbers in a text: decimals, scientific notation, the minus sign U+2212, inf and nan. */
function numbersIn(text: string): number[] {
  return [...text.replace(/−/g, '-').matchAll(/-?inf|nan|-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi)].map((m) =>
    /nan/i.test(m[0])
      ? NaN
      : /inf/i.test(m[0])
        ? m[0].startsWith('-')
          ? -Infinity
          : Infinity
        : Number(m[0]),
  );
}

describe('"Open as code": the cell prints what the explorable shows', () => {
  // Which readouts the cell prints (the others are inputs, or about the whole figure).
  const printed: Record<string, string[]> = {
    BinaryLossCurve: ['loss = −log p', 'loss = −log(1 − p)', '∂loss/∂p'],
    SigmoidBceSaturation: ['BCEWithLogitsLoss', 'sigmoid, then BCELoss'],
    SoftmaxExplorer: ['loss = −log p'],
    LogSoftmaxGap: ['softmax(z).log()', 'logSoftmax(z)'],
    SegmentationExplorer: ['p', 'loss'],
  };
  const cases = STATES.flatMap(([name, model, states]) =>
    states.map((input) => ({ name, view: model.view(model.state(input as never)) })),
  );

  it('runs every explorable’s code in the Node cell runner and finds each number it shows', async () => {
    const outcomes = await runCellsNode(
      cases.map((c) => ({ code: c.view.code, throws: false, timeout: 10_000 })),
    );
    cases.forEach(({ name, view }, i) => {
      const out = outcomes[i];
      expect(out.threw, `${name}: ${out.text}`).toBe(false);
      const got = numbersIn(out.text);
      for (const r of view.readout.filter((r) => printed[name].includes(r.label))) {
        const shown = r.value === '0 (ignored)' ? [0] : numbersIn(r.value);
        for (const v of shown) {
          const found = got.some((g) =>
            Number.isFinite(v) ? Math.abs(g - v) <= 5e-5 + 1e-4 * Math.abs(v) : Object.is(g, v),
          );
          expect(found, `${name}: ${r.label} = ${r.value} is not in the output:\n${out.text}`).toBe(true);
        }
      }
    });
  }, 60_000);
});
