import { describe, expect, it } from 'vitest';
import {
  tensor,
  nn,
  crossEntropy,
  nllLoss,
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  softmax,
  logSoftmax,
} from '../../src/loss/index.ts';
import { expectClose } from '../helpers/close.ts';

const logits = tensor(
  [
    [1.5, -0.5, 0.25],
    [0.1, 2.0, -1.0],
  ],
  { requiresGrad: true },
);
const classes = tensor([0, 1]);

describe('nn loss modules read like PyTorch', () => {
  it('nn.CrossEntropyLoss() is callable and equals crossEntropy', () => {
    const loss = nn.CrossEntropyLoss();
    const value = loss(logits, classes);
    expect(value.item()).toBe(crossEntropy(logits, classes).item());
    expect(value.gradFn?.name).toBe('NllLossBackward0');
    expect(loss.forward(logits, classes).item()).toBe(value.item());
  });

  it('nn.CrossEntropyLoss passes every option through and exposes them', () => {
    const weight = tensor([0.2, 1, 3], { dtype: 'float32' });
    const options = { weight, ignoreIndex: 2, reduction: 'sum' as const, labelSmoothing: 0.1 };
    const loss = nn.CrossEntropyLoss(options);
    expect(loss(logits, classes).item()).toBe(crossEntropy(logits, classes, options).item());
    expect(loss.weight).toBe(weight);
    expect(loss.ignoreIndex).toBe(2);
    expect(loss.reduction).toBe('sum');
    expect(loss.labelSmoothing).toBe(0.1);
    const defaults = nn.CrossEntropyLoss();
    expect([defaults.weight, defaults.ignoreIndex, defaults.reduction, defaults.labelSmoothing]).toEqual([
      null,
      -100,
      'mean',
      0,
    ]);
  });

  it('works with new, as PyTorch code written in JS might', () => {
    const loss = new nn.CrossEntropyLoss({ reduction: 'none' });
    expectClose(loss(logits, classes).data, crossEntropy(logits, classes, { reduction: 'none' }).data, {
      atol: 0,
      rtol: 0,
    });
  });

  it('prints like PyTorch modules', () => {
    expect(String(nn.CrossEntropyLoss())).toBe('CrossEntropyLoss()');
    expect(String(nn.NLLLoss())).toBe('NLLLoss()');
    expect(String(nn.BCELoss())).toBe('BCELoss()');
    expect(String(nn.BCEWithLogitsLoss())).toBe('BCEWithLogitsLoss()');
    expect(String(nn.Softmax({ dim: 1 }))).toBe('Softmax(dim=1)');
    expect(String(nn.LogSoftmax({ dim: -1 }))).toBe('LogSoftmax(dim=-1)');
  });

  it('nn.NLLLoss, nn.BCELoss and nn.BCEWithLogitsLoss equal their functions', () => {
    const logp = logSoftmax(logits, 1);
    expect(nn.NLLLoss({ ignoreIndex: 1 })(logp, classes).item()).toBe(
      nllLoss(logp, classes, { ignoreIndex: 1 }).item(),
    );
    const p = tensor([0.2, 0.9, 0.5], { dtype: 'float32' });
    const y = tensor([0, 1, 1], { dtype: 'float32' });
    const w = tensor([1, 2, 3], { dtype: 'float32' });
    expect(nn.BCELoss({ weight: w })(p, y).item()).toBe(binaryCrossEntropy(p, y, { weight: w }).item());
    const z = tensor([-1, 2, 0.5], { dtype: 'float32' });
    expect(nn.BCEWithLogitsLoss({ posWeight: w, reduction: 'sum' })(z, y).item()).toBe(
      binaryCrossEntropyWithLogits(z, y, { posWeight: w, reduction: 'sum' }).item(),
    );
    expect(nn.BCEWithLogitsLoss({ posWeight: w }).posWeight).toBe(w);
  });

  it('nn.Softmax and nn.LogSoftmax take { dim } (or the dim) and expose it', () => {
    const sm = nn.Softmax({ dim: 1 });
    expect(sm.dim).toBe(1);
    expectClose(sm(logits).data, softmax(logits, 1).data, { atol: 0, rtol: 0 });
    expectClose(nn.LogSoftmax(0)(logits).data, logSoftmax(logits, 0).data, { atol: 0, rtol: 0 });
    expect(sm(logits).gradFn?.name).toBe('SoftmaxBackward0');
  });
});

describe('nn modules check their options when built', () => {
  it('rejects an unknown option, suggesting the camelCase name', () => {
    expect(() => nn.CrossEntropyLoss({ ignore_index: 1 } as never)).toThrow(
      /unknown option 'ignore_index' \(did you mean ignoreIndex\?\)/,
    );
    expect(() => nn.BCEWithLogitsLoss({ pos_weight: tensor([1]) } as never)).toThrow(
      /did you mean posWeight/,
    );
  });
  it('rejects a bad reduction or labelSmoothing', () => {
    expect(() => nn.NLLLoss({ reduction: 'avg' as never })).toThrow(
      /'avg' is not a valid value for reduction/,
    );
    expect(() => nn.CrossEntropyLoss({ labelSmoothing: 1.5 })).toThrow(
      /labelSmoothing must be between 0.0 and 1.0. Got: 1.5/,
    );
  });
  it('rejects a weight passed positionally, as in PyTorch', () => {
    expect(() => nn.CrossEntropyLoss(tensor([1, 2]) as never)).toThrow(/options must be an object/);
  });
  it('nn.Softmax without a dim says what to write', () => {
    expect(() => nn.Softmax()).toThrow(/nn.Softmax needs the dim .* nn.Softmax\(\{ dim: 1 \}\)/);
    expect(() => nn.LogSoftmax({ dim: 0.5 })).toThrow(/dim must be an integer, got 0.5/);
  });
  it('a module built with a dim out of range throws when called, naming the shape', () => {
    expect(() => nn.Softmax({ dim: 2 })(logits)).toThrow(
      /Dimension out of range .* \[-2, 1\], but got 2.*\[2, 3\]/,
    );
  });
});

describe('nn modules refuse arguments they would otherwise drop', () => {
  const x = tensor([[1.5, -0.5, 0.25]]);
  it('options given at the call throw, pointing to the constructor', () => {
    const call = nn.CrossEntropyLoss() as unknown as (...a: unknown[]) => unknown;
    expect(() => call(x, tensor([0]), { reduction: 'sum' })).toThrow(
      "nn.CrossEntropyLoss is called with (input, target), got 3 arguments; options go to the constructor, e.g. nn.CrossEntropyLoss({ reduction: 'sum' })",
    );
    const soft = nn.Softmax({ dim: 1 }) as unknown as (...a: unknown[]) => unknown;
    expect(() => soft(x, 0)).toThrow(/nn.Softmax is called with \(input\), got 2 arguments/);
  });
  it('a missing target says an argument was left out', () => {
    const call = nn.CrossEntropyLoss() as unknown as (...a: unknown[]) => unknown;
    expect(() => call(x)).toThrow(
      'crossEntropy: target must be a Tensor, got undefined (was an argument left out?)',
    );
  });
});
