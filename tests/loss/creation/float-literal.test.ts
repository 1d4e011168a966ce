/**
 * The float-literal marks (src/loss/creation/float-literal.ts) as the loss module reads them:
 * set by hand here, as the cell transpiler sets them in cells.
 */
import { expect, test } from 'vitest';
import { arange, full, tensor } from '../../../src/loss/index.ts';
import {
  FLOAT_LITERAL,
  FLOAT_LITERAL_ARGS,
  isFloatLiteral,
  markFloatLiteral,
} from '../../../src/loss/creation/float-literal.ts';

type Variant<F> = (positions: readonly number[]) => F;
const variantOf = <F>(fn: F, positions: number[]): F =>
  ((fn as Record<symbol, Variant<F>>)[FLOAT_LITERAL_ARGS] as Variant<F>)(positions);

test('the mark is a non-enumerable Symbol.for property, set once, invisible to JSON and keys', () => {
  const a = [1, 0];
  expect(markFloatLiteral(a)).toBe(a);
  expect(markFloatLiteral(a)).toBe(a);
  expect(FLOAT_LITERAL).toBe(Symbol.for('loss.floatLiteral'));
  expect(isFloatLiteral(a)).toBe(true);
  expect(isFloatLiteral([1, 0])).toBe(false);
  expect(isFloatLiteral(new Float32Array(2))).toBe(false);
  expect(Object.getOwnPropertyDescriptor(a, FLOAT_LITERAL)).toEqual({
    value: true,
    enumerable: false,
    writable: false,
    configurable: false,
  });
  expect(JSON.stringify(a)).toBe('[1,0]');
  expect(Object.keys(a)).toEqual(['0', '1']);
  expect(a).toEqual([1, 0]);
  expect(isFloatLiteral(a.slice())).toBe(false);
  expect(isFloatLiteral([...a])).toBe(false);
});

test('tensor() infers float32 when any array of its data is marked; an explicit dtype wins', () => {
  expect(tensor(markFloatLiteral([1, 0])).dtype).toBe('float32');
  expect(tensor(markFloatLiteral([1, 0])).toString()).toBe('tensor([1., 0.])');
  expect(tensor([[1, 0], markFloatLiteral([0, 1])]).dtype).toBe('float32');
  expect(
    tensor([
      [[1], [0]],
      [[0], markFloatLiteral([1])],
    ]).dtype,
  ).toBe('float32');
  expect(tensor(markFloatLiteral([1, 0]), { dtype: 'int64' }).dtype).toBe('int64');
  expect(tensor(markFloatLiteral([1, 0]), { dtype: 'float64' }).dtype).toBe('float64');
  // Unmarked, as from Node: a JS 1.0 is an integer.
  expect(tensor([1.0, 0.0]).dtype).toBe('int64');
  expect(
    tensor([
      [1, 0],
      [0, 1],
    ]).dtype,
  ).toBe('int64');
});

test('tensor, full and arange have variants for float-literal arguments', () => {
  const t = variantOf(tensor, [0]);
  expect(t(1).toString()).toBe('tensor(1.)');
  expect(t(2, { requiresGrad: true }).toString()).toBe('tensor(2., requires_grad=True)');
  expect(t(1, { dtype: 'int64' }).dtype).toBe('int64');
  expect(variantOf(tensor, [1])).toBe(tensor);

  const f = variantOf(full, [1]);
  expect(f([2], 1).toString()).toBe('tensor([1., 1.])');
  expect(f([2], 1, { dtype: 'int64' }).dtype).toBe('int64');
  expect(variantOf(full, [0])).toBe(full);

  const r = variantOf(arange, [0]);
  expect(r(0, 3).toString()).toBe('tensor([0., 1., 2.])');
  expect(r(3, { dtype: 'int64' }).dtype).toBe('int64');
  expect(variantOf(arange, [])).toBe(arange);
});
