import { expect, test } from 'vitest';
import { arange } from '../../../src/loss/index.ts';
import { describeCreationFixtures } from '../../helpers/fixture-suites.ts';

describeCreationFixtures('arange', ['arange']);

test('arange(end), (start, end), (start, end, step), each with options', () => {
  expect(arange(3).tolist()).toEqual([0, 1, 2]);
  expect(arange(1, 3).tolist()).toEqual([1, 2]);
  expect(arange(0, 6, 2, { dtype: 'float64' }).dtype).toBe('float64');
  expect(arange(2, { dtype: 'float32', requiresGrad: true }).requiresGrad).toBe(true);
});

test('bad bounds are refused', () => {
  expect(() => arange(Infinity)).toThrow(/unsupported range/);
  expect(() => (arange as (...a: unknown[]) => unknown)('3')).toThrow(
    /expected \(end\), \(start, end\) or \(start, end, step\)/,
  );
});

test('a NaN step, a huge range and unknown options are refused with a clear message', () => {
  expect(() => arange(0, 1, NaN)).toThrow('step must be nonzero (got step NaN)');
  expect(() => arange(1e10)).toThrow(/arange\(\): a tensor of shape \[10000000000\] would hold/);
  expect(() => arange(3, { requires_grad: true } as never)).toThrow(
    /arange\(\): unknown option 'requires_grad'/,
  );
});
