import { expect, test } from 'vitest';
import { tensor } from '../../../src/loss/index.ts';
import { describeOpFixtures } from '../../helpers/fixture-suites.ts';
import { expectClose } from '../../helpers/close.ts';

describeOpFixtures('exp', ['exp']);

test('exp of float32 is float32-rounded and exp of int64 is float32', () => {
  const y = tensor([0, 1, 2]).exp();
  expect(y.dtype).toBe('float32');
  expectClose(y.data, [1, Math.E, Math.E ** 2], { atol: 0, rtol: 1e-7 });
  for (const v of y.data) expect(v).toBe(Math.fround(v));
});

test('float32 exp has the bits of PyTorch 1.13 (SLEEF), also for 0-d and odd-length tensors', () => {
  // torch.exp(torch.tensor([-5.144619941711426, 5.221869945526123, 0.37066876888275146])).tolist();
  // a correctly rounded exp gives the other float32 neighbour for each.
  const x = tensor([-5.144619941711426, 5.221869945526123, 0.37066876888275146]);
  expect(Array.from(x.exp().data)).toEqual([0.005830690264701843, 185.28033447265625, 1.4487030506134033]);
  expect(tensor(-2.4832708835601807).exp().item()).toBe(0.08346976339817047);
});
