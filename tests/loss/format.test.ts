import { describe, expect, test } from 'vitest';
import { formatTensor, pyFormatExp, pyFormatFixed } from '../../src/loss/format.ts';
import { Tensor } from '../../src/loss/tensor.ts';
import {
  fromJson,
  loadFixture,
  decodeValue,
  type TensorJson,
  type JsonValue,
} from '../helpers/tensor-fixtures.ts';

const reprCases = ['tensor-repr.json', 'tensor-repr-int32-bool.json'].flatMap((f) =>
  loadFixture<{ name: string; tensor: TensorJson }[]>(f),
);
const numberCases =
  loadFixture<{ value: JsonValue; fixed4: string; fixed0: string; exp4: string }[]>(
    'tensor-number-format.json',
  );

describe('formatTensor reproduces PyTorch 1.13 repr exactly', () => {
  test.each(reprCases.map((c) => [c.name, c.tensor] as const))('%s', (_name, t) => {
    expect(formatTensor(fromJson(t))).toBe(t.repr);
  });
});

describe("Python's float formatting", () => {
  test(`'{:.4f}', '{:.0f}', '{:.4e}' agree with Python on ${numberCases.length} values`, () => {
    for (const c of numberCases) {
      const v = decodeValue(c.value);
      expect([v, pyFormatFixed(v, 4)]).toEqual([v, c.fixed4]);
      expect([v, pyFormatFixed(v, 0)]).toEqual([v, c.fixed0]);
      expect([v, pyFormatExp(v, 4)]).toEqual([v, c.exp4]);
    }
  });

  test('ties round half to even, unlike toFixed', () => {
    expect(pyFormatFixed(0.03125, 4)).toBe('0.0312');
    expect((0.03125).toFixed(4)).toBe('0.0313');
    expect(pyFormatFixed(2.5, 0)).toBe('2');
    expect(pyFormatExp(100005, 4)).toBe('1.0000e+05');
  });

  test('signs, zeros and non-finite values', () => {
    expect(pyFormatFixed(-0, 4)).toBe('-0.0000');
    expect(pyFormatFixed(-0.00001, 4)).toBe('-0.0000');
    expect(pyFormatExp(0, 4)).toBe('0.0000e+00');
    expect(pyFormatExp(1e-300, 4)).toBe('1.0000e-300');
    expect(pyFormatFixed(NaN, 4)).toBe('nan');
    expect(pyFormatExp(-Infinity, 4)).toBe('-inf');
  });
});

test('a summarised tensor with a dim of millions prints without building an index per element', () => {
  const t = new Tensor(new Float32Array(2 ** 27), [2 ** 27], 'float32');
  expect(formatTensor(t)).toBe('tensor([0., 0., 0.,  ..., 0., 0., 0.])');
});
