import { expect, test } from 'vitest';
import { tensor } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';

describeOpFixtures('neg', ['neg']);

test('neg keeps int64 and never makes -0', () => {
  const y = tensor([0, 3]).neg();
  expect(y.dtype).toBe('int64');
  expect(y.tolist()).toEqual([0, -3]);
  expect(String(y)).toBe('tensor([ 0, -3])');
});
