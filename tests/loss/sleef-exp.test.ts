import { expect, test } from 'vitest';
import { sleefExpf } from '../../src/loss/sleef-exp.ts';

// (x, torch.exp(x)) from PyTorch 1.13 on float32 (vectorised, SLEEF's expf_u10), picked where
// the correctly rounded e^x is the other float32 neighbour.
const ONE_ULP_OFF: [number, number][] = [
  [-5.144619941711426, 0.005830690264701843],
  [5.221869945526123, 185.28033447265625],
  [-1.6680915355682373, 0.18860667943954468],
  [0.37066876888275146, 1.4487030506134033],
  [4.290330410003662, 72.99058532714844],
  [6.589138984680176, 727.154541015625],
  [-23.256072998046875, 7.943572188917614e-11],
  [-2.4832708835601807, 0.08346976339817047],
];

test("sleefExpf equals PyTorch's float32 exp bit for bit where a correctly rounded exp does not", () => {
  for (const [x, torchExp] of ONE_ULP_OFF) {
    expect([x, sleefExpf(x)]).toEqual([x, torchExp]);
    expect(Math.fround(Math.exp(x))).not.toBe(torchExp);
  }
});

test('sleefExpf at the ends of the float32 range: 0 below -104, subnormals, overflow, NaN', () => {
  // torch.exp(tensor([-104.5, -103.9, -87.5, 88.7, 89.0, nan]))
  const xs = [-104.5, -103.9, -87.5, 88.7, 89.0];
  const torchExp = [0, 1.401298464324817e-45, 9.982351397596697e-39, 3.325976864406685e38, Infinity];
  expect(xs.map((x) => sleefExpf(x))).toEqual(torchExp);
  expect(sleefExpf(NaN)).toBeNaN();
});
