/**
 * The authors' check library (@exercise): what a learner reads when a check fails.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { softmax, tensor } from '@loss';
import {
  __attach,
  check,
  CheckFailure,
  expectClose,
  expectShape,
  expectSumsToOne,
  expectTensorClose,
  fail,
  formatPair,
} from '../../src/cells/exercise/checks.ts';
import { decodeCheck } from '../../src/cells/exercise/report.ts';

/** The CheckFailure message `fn` throws. */
function messageOf(fn: () => void): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CheckFailure);
    return (e as Error).message;
  }
  throw new Error('expected a CheckFailure, nothing was thrown');
}

describe('expectSumsToOne', () => {
  it('passes for a softmax and names the first slice that does not sum to 1', () => {
    const logits = tensor(
      [
        [
          [
            [1, 2],
            [3, 4],
          ],
          [
            [0, 1],
            [2, 0],
          ],
          [
            [5, 1],
            [1, 1],
          ],
        ],
      ],
      { dtype: 'float32' },
    ); // (1, 3, 2, 2)
    expect(() => expectSumsToOne(softmax(logits, 1), 1)).not.toThrow();
    const bad = tensor([
      [
        [
          [0.5, 0.2],
          [0.1, 0.3],
        ],
        [
          [0.5, 0.8],
          [0.9, 0.7],
        ],
        [
          [0, 0],
          [0.37, 0],
        ],
      ],
    ]);
    expect(messageOf(() => expectSumsToOne(bad, 1, { what: 'your softmax' }))).toBe(
      'your softmax does not sum to 1 along dim 1: got 1.37 at [0, :, 1, 0]',
    );
  });

  it('accepts a negative dim and says when the dim does not exist', () => {
    expect(() => expectSumsToOne(tensor([[0.25, 0.75]]), -1)).not.toThrow();
    expect(messageOf(() => expectSumsToOne(tensor([0.5, 0.5]), 1))).toBe(
      'your result has shape [2], which has no dim 1; expected at least 2 dims',
    );
  });
});

describe('expectTensorClose', () => {
  const want = tensor([
    [0.7856, 0.1753, 0.0391],
    [0.0493, 0.0545, 0.8962],
  ]);

  it('passes within the tolerance', () => {
    expect(() => expectTensorClose(want.add(1e-6), want, { atol: 1e-5, rtol: 0 })).not.toThrow();
  });

  it('gives the first entry that is off, both values, and how many are off', () => {
    const got = tensor([
      [0.7856, 0.1753, 0.2],
      [0.0493, 0.0545, 0.5],
    ]);
    expect(messageOf(() => expectTensorClose(got, want, { what: 'your softmax', atol: 1e-4, rtol: 0 }))).toBe(
      'your softmax is off at [0, 2]: got 0.2, expected 0.0391 (2 of 6 entries off by more than the tolerance)',
    );
  });

  it('reports a shape mismatch before any value', () => {
    expect(messageOf(() => expectTensorClose(want.permute(1, 0), want, { what: 'your probabilities' }))).toBe(
      'your probabilities has shape [3, 2]; expected [2, 3]',
    );
  });

  it('reports NaN as NaN', () => {
    expect(
      messageOf(() => expectTensorClose(tensor([1, NaN]), tensor([1, 2]), { atol: 1e-6, rtol: 0 })),
    ).toBe('your result has NaN at [1]; expected 2 (1 of 2 entries off by more than the tolerance)');
  });

  it('accepts numbers and nested arrays on either side', () => {
    expect(() => expectTensorClose([[1, 2]], tensor([[1, 2]]), { atol: 0, rtol: 0 })).not.toThrow();
    expect(() => expectTensorClose(0.5, tensor(0.5), { atol: 0, rtol: 0 })).not.toThrow();
  });

  it('speaks to a learner whose function returned nothing or the wrong kind of value', () => {
    expect(messageOf(() => expectTensorClose(undefined, want, { what: 'your softmax' }))).toBe(
      'your softmax is undefined (did the function `return` its result?); expected a tensor of shape [2, 3]',
    );
    expect(messageOf(() => expectTensorClose(softmax, want, { what: 'your softmax' }))).toBe(
      'your softmax is a function (did you forget to call it?); expected a tensor of shape [2, 3]',
    );
    expect(messageOf(() => expectTensorClose([[1, 2], [3]], want))).toBe(
      'your result is an array that is not a grid of numbers; expected a tensor of shape [2, 3]',
    );
  });
});

describe('expectClose and expectShape', () => {
  it('compares a single number and says when the result was not reduced', () => {
    expect(() => expectClose(tensor(0.61224), 0.6122, { atol: 1e-4, rtol: 0 })).not.toThrow();
    expect(
      messageOf(() => expectClose(tensor(0.52), 0.6122, { what: 'your mean loss', atol: 1e-4, rtol: 0 })),
    ).toBe('your mean loss is 0.52; expected 0.6122');
    expect(messageOf(() => expectClose(tensor([0.1, 0.2]), 0.15, { what: 'your loss' }))).toBe(
      'your loss has shape [2]; expected a single number (did you forget to reduce, e.g. with .mean()?)',
    );
  });

  it('checks a shape, [] meaning a single number', () => {
    expect(() => expectShape(tensor([[1, 2, 3]]), [1, 3])).not.toThrow();
    expect(messageOf(() => expectShape(tensor([1, 2]), [], { what: 'your loss' }))).toBe(
      'your loss has shape [2]; expected [] (a single number)',
    );
  });

  it('prints more digits only when four would show two different numbers alike', () => {
    expect(formatPair(1.0000001, 1)).toEqual(['1.0000001', '1']);
    expect(formatPair(0.24472847, 0.2)).toEqual(['0.2447', '0.2']);
  });
});

describe('check', () => {
  const lines: string[] = [];
  beforeEach(() => {
    lines.length = 0;
    __attach({ log: (line: unknown) => lines.push(String(line)) });
  });
  afterEach(() => __attach({ log: () => {} }));

  it('reports passes, failures, a false return and errors from the learner code', () => {
    expect(check('sums to 1', () => expectSumsToOne(tensor([[0.5, 0.5]]), 1))).toBe(true);
    expect(check('is positive', () => fail('your loss is negative: -0.5'))).toBe(false);
    expect(check('returns true', () => false)).toBe(false);
    expect(
      check('runs', () => {
        throw new TypeError('logits.exp is not a function');
      }),
    ).toBe(false);
    expect(lines.map(decodeCheck)).toEqual([
      { name: 'sums to 1', passed: true, message: '' },
      { name: 'is positive', passed: false, message: 'your loss is negative: -0.5' },
      { name: 'returns true', passed: false, message: 'not yet' },
      {
        name: 'runs',
        passed: false,
        message: 'your code threw an error: TypeError: logits.exp is not a function',
      },
    ]);
  });
});
