import { expect, test } from 'vitest';
import { sleefLogf } from '../../src/loss/sleef-log.ts';
import { tensor } from '../../src/loss/index.ts';

// (x, torch.log(x)) from PyTorch 1.13 on float32 (SLEEF's logf_u1), picked where the correctly
// rounded ln x is the other float32 neighbour.
const ONE_ULP_OFF: [number, number][] = [
  [38.420169830322266, 3.648582696914673],
  [2.3235082626342773, 0.8430782556533813],
  [2.7269272804260254, 1.0031754970550537],
  [28.27972412109375, 3.3421449661254883],
  [43.96518325805664, 3.783398151397705],
  [46.048583984375, 3.8296971321105957],
];

test("sleefLogf equals PyTorch's float32 log bit for bit where a correctly rounded log does not", () => {
  for (const [x, torchLog] of ONE_ULP_OFF) {
    expect([x, sleefLogf(x)]).toEqual([x, torchLog]);
    expect(Math.fround(Math.log(x))).not.toBe(torchLog);
  }
  // The same through tensor.log() (its float32 kernel).
  expect(Array.from(tensor(ONE_ULP_OFF.map(([x]) => x)).log().data)).toEqual(ONE_ULP_OFF.map(([, l]) => l));
});

test('sleefLogf on subnormals, the largest floats, 0, negatives and 1', () => {
  // torch.log(tensor([1e-40, 1e-45, 3e38, 0.0, -1.0, 1.0])).tolist()
  const xs = [1e-40, 1e-45, 3e38, 0, -1, 1];
  const got = xs.map((x) => sleefLogf(x));
  expect(got.slice(0, 4)).toEqual([-92.10340881347656, -103.2789306640625, 88.59684753417969, -Infinity]);
  expect(got[4]).toBeNaN();
  expect(got[5]).toBe(0);
});
