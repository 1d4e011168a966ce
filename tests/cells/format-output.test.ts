/** The output rules of a cell's console.log, shared by Node and the browser. */
import { describe, expect, test } from 'vitest';
import { formatLogArgs, formatValue } from '../../src/cells/format-output.ts';
import { nn } from '../../src/loss/index.ts';

class FakeTensor {
  toString() {
    return 'tensor([[1., 2.],\n        [3., 4.]])';
  }
}

describe('formatLogArgs', () => {
  test('strings as-is, several arguments joined by one space', () => {
    expect(formatLogArgs(['loss:', 'a b'])).toBe('loss: a b');
  });

  test('numbers via String(n)', () => {
    expect(formatLogArgs([1, 0.1 + 0.2, -0, NaN, -Infinity, 1e21])).toBe(
      '1 0.30000000000000004 0 NaN -Infinity 1e+21',
    );
  });

  test('tensors (objects with their own toString) via toString, even when multi-line', () => {
    expect(formatLogArgs(['x =', new FakeTensor()])).toBe('x = tensor([[1., 2.],\n        [3., 4.]])');
  });

  test('arrays as [1, 3, 2, 2], recursively; strings quoted inside', () => {
    expect(formatLogArgs([[1, 3, 2, 2]])).toBe('[1, 3, 2, 2]');
    expect(formatLogArgs([[[1, [2]], 'a', [], null]])).toBe("[[1, [2]], 'a', [], null]");
    expect(formatLogArgs([Object.freeze([4, 5])])).toBe('[4, 5]');
    expect(formatLogArgs([new Float64Array([0.5, 2])])).toBe('[0.5, 2]');
  });

  test('booleans, null and undefined as JavaScript prints them', () => {
    expect(formatLogArgs([true, false, null, undefined])).toBe('true false null undefined');
  });

  test('other objects JSON-ish, tensors inside printed by toString', () => {
    expect(formatLogArgs([{ a: 1, 'b c': 'x', t: new FakeTensor(), n: { m: [1] } }])).toBe(
      "{a: 1, 'b c': 'x', t: tensor([[1., 2.],\n        [3., 4.]]), n: {m: [1]}}",
    );
  });

  test('errors, functions, maps, sets, bigints, symbols', () => {
    expect(formatValue(new RangeError('too big'))).toBe('RangeError: too big');
    expect(formatValue(function named() {})).toBe('[Function: named]');
    expect(formatValue(new Map([['k', 1]]))).toBe("Map {'k' => 1}");
    expect(formatValue(new Set([1, 2]))).toBe('Set {1, 2}');
    expect(formatValue(12n)).toBe('12n');
    expect(formatValue(Symbol('s'))).toBe('Symbol(s)');
  });

  test('a function with its own toString prints it: nn modules print as PyTorch prints them', () => {
    // PyTorch 1.13: print(nn.CrossEntropyLoss(), nn.Softmax(dim=1)) -> CrossEntropyLoss() Softmax(dim=1)
    expect(formatLogArgs([nn.CrossEntropyLoss(), nn.Softmax({ dim: 1 })])).toBe(
      'CrossEntropyLoss() Softmax(dim=1)',
    );
    expect(formatValue([nn.BCELoss()])).toBe('[BCELoss()]');
    expect(formatValue(Object.assign(() => 0, { toString: () => 'mine' }))).toBe('mine');
  });

  test('circular structures do not loop', () => {
    const a: unknown[] = [1];
    a.push(a);
    expect(formatValue(a)).toBe('[1, [Circular]]');
  });
});
