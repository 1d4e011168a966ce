import { expect, test } from 'vitest';
import { tensor } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';
import { expectClose } from '../../helpers/close.ts';

describeOpFixtures('log1p', ['log1p']);

test('log1p keeps the digits that log(1 + x) loses in float32', () => {
  const x = tensor([1e-10], { dtype: 'float32' });
  expect(x.add(1).log().item()).toBe(0);
  expectClose(x.log1p().item(), 1e-10, { atol: 0, rtol: 1e-7 });
});
