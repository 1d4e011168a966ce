import { describe, expect, test } from 'vitest';
import { full, tensor } from '../../../src/loss/index.ts';
import {
  castStorage,
  castValue,
  promoteTypes,
  resultType,
  scalarTypeName,
} from '../../../src/loss/ops/dtype.ts';

describe('type promotion (torch.result_type)', () => {
  test('promoteTypes orders int64 < float32 < float64', () => {
    expect(promoteTypes('int64', 'int64')).toBe('int64');
    expect(promoteTypes('int64', 'float32')).toBe('float32');
    expect(promoteTypes('float32', 'float64')).toBe('float64');
    expect(promoteTypes('int64', 'float64')).toBe('float64');
  });

  test('dim tensors beat 0-d tensors beat numbers, unless the lower class is a float over ints', () => {
    const i = tensor([1]);
    const f = tensor([1.5]);
    const d = tensor([1.5], { dtype: 'float64' });
    const d0 = tensor(1.5, { dtype: 'float64' });
    expect(resultType([i, 2])).toBe('int64');
    expect(resultType([i, 2.5])).toBe('float32');
    expect(resultType([f, d])).toBe('float64');
    expect(resultType([f, d0])).toBe('float32');
    expect(resultType([i, d0])).toBe('float64');
    expect(resultType([tensor(1), d0])).toBe('float64');
    expect(resultType([d0, 2.5])).toBe('float64');
    expect(resultType([tensor(2), 2.5])).toBe('float32');
  });
});

describe('casting', () => {
  test('castValue rounds to float32, truncates to int64, refuses non-finite ints', () => {
    expect(castValue(0.1, 'float32')).toBe(Math.fround(0.1));
    expect(castValue(0.1, 'float64')).toBe(0.1);
    expect(castValue(-2.7, 'int64')).toBe(-2);
    expect(Object.is(castValue(-0.5, 'int64'), 0)).toBe(true);
    expect(() => castValue(NaN, 'int64')).toThrow(/cannot convert NaN to int64/);
  });

  test('castStorage converts whole tensors', () => {
    expect(Array.from(castStorage(tensor([1.5, -1.5]), 'int64'))).toEqual([1, -1]);
    expect(castStorage(tensor([2 ** 24 + 1]), 'float32')[0]).toBe(2 ** 24);
    expect(castStorage(tensor([1]), 'float64')).toBeInstanceOf(Float64Array);
  });

  test("scalarTypeName is PyTorch's", () => {
    expect(scalarTypeName('int64')).toBe('Long');
    expect(scalarTypeName('float32')).toBe('Float');
    expect(scalarTypeName('float64')).toBe('Double');
  });
});

test('int64 refuses values outside [-2^63, 2^63) instead of storing a number int64 cannot hold', () => {
  // PyTorch: torch.tensor([1e20], dtype=torch.int64) -> "value cannot be converted to type int64 without overflow"
  expect(() => tensor([1e20], { dtype: 'int64' })).toThrow(
    /value cannot be converted to type int64 without overflow/,
  );
  expect(() => full([2], 2 ** 63, { dtype: 'int64' })).toThrow(/without overflow/);
  expect(tensor([-(2 ** 63)], { dtype: 'int64' }).data[0]).toBe(-(2 ** 63));
  // An integer-valued number past int64 is read as a float, as torch.tensor([1e20]) is.
  expect(tensor([1e20]).dtype).toBe('float32');
  expect(tensor([1e20]).toString()).toBe('tensor([1.0000e+20])');
  expect(full([1], 1e20).dtype).toBe('float32');
});
