import { describe, expect, it } from 'vitest';
import { tensor } from '../../src/loss/index.ts';
import { checkDim, checkOptions, indexStr, requireTensor, shapeStr } from '../../src/loss/check.ts';

describe('check helpers', () => {
  it('print shapes and multi-indices as messages do', () => {
    expect(shapeStr([2, 3, 4])).toBe('[2, 3, 4]');
    expect(shapeStr([])).toBe('[]');
    expect(indexStr(5, [2, 3])).toBe('[1, 2]');
    expect(indexStr(0, [])).toBe('[]');
  });
  it('checkDim wraps negative dims and names the shape when out of range', () => {
    expect(checkDim(-1, [2, 3], 'softmax')).toBe(1);
    expect(checkDim(0, [], 'softmax')).toBe(0);
    expect(checkDim(-1, [], 'softmax')).toBe(0);
    expect(() => checkDim(2, [2, 3], 'softmax')).toThrow(
      'Dimension out of range (expected to be in range of [-2, 1], but got 2): softmax input has shape [2, 3]',
    );
    expect(() => checkDim(undefined, [2, 3], 'softmax')).toThrow(/dim must be an integer in \[-2, 1\]/);
  });
  it('requireTensor suggests tensor(...) for arrays and numbers', () => {
    expect(() => requireTensor([1, 2], 'crossEntropy: input')).toThrow(
      'crossEntropy: input must be a Tensor, got an array; build one with tensor(...)',
    );
    expect(requireTensor(tensor([1]), 'x').shape).toEqual([1]);
  });
  it('checkOptions rejects unknown keys and non-objects', () => {
    expect(() => checkOptions({ label_smoothing: 0.1 }, ['labelSmoothing'], 'crossEntropy')).toThrow(
      "crossEntropy: unknown option 'label_smoothing' (did you mean labelSmoothing?); the options are labelSmoothing",
    );
    expect(() => checkOptions(3, ['reduction'], 'f')).toThrow(
      /options must be an object such as \{ reduction \}, got number 3/,
    );
    expect(() => checkOptions(undefined, ['reduction'], 'f')).not.toThrow();
  });
});
