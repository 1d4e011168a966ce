import { expect, test } from 'vitest';
import { ones } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';

describeOpFixtures('sub', ['sub']);

test('sub gives -grad to the right side', () => {
  const a = ones([2], { requiresGrad: true });
  const b = ones([2], { requiresGrad: true });
  a.sub(b).sum().backward();
  expect(Array.from(a.grad!.data)).toEqual([1, 1]);
  expect(Array.from(b.grad!.data)).toEqual([-1, -1]);
});
