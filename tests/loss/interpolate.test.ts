import { expect, test } from 'vitest';
import { interpolate, tensor } from '../../src/loss/index.ts';
import { describeOpFixtures } from '../helpers/fixture-suites.ts';
import { expectClose } from '../helpers/close.ts';

describeOpFixtures('interpolate', ['F.interpolate'], {
  'interpolate 2-d':
    'Input Error: Only 3D, 4D and 5D input Tensors supported (got 2D) for the modes: nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact (got nearest)',
});

const mask = tensor([
  [
    [
      [0, 0, 2, 2],
      [0, 0, 2, 2],
      [0, 2, 2, 2],
      [2, 2, 2, 2],
    ],
  ],
]);

const classes = (t: { data: ArrayLike<number> }) => [...new Set(Array.from(t.data))].sort();

test('a label mask resized with nearest keeps its classes; bilinear invents new values', () => {
  const nearest = interpolate(mask.float(), { size: [6, 6] });
  const bilinear = interpolate(mask.float(), { size: [6, 6], mode: 'bilinear' });
  expect(classes(nearest)).toEqual([0, 2]);
  // Between classes 0 and 2 bilinear makes values that are no class at all (1 among them).
  expect(classes(bilinear).filter((v) => v > 0 && v < 2).length).toBeGreaterThan(3);
  expect(
    interpolate(tensor([[[[0, 2]]]], { dtype: 'float32' }), { size: [1, 3], mode: 'bilinear' }).tolist(),
  ).toEqual([[[[0, 1, 2]]]]);
  expect(interpolate(mask.float(), { scaleFactor: 0.5 }).long().toString()).toBe(
    'tensor([[[[0, 2],\n          [0, 2]]]])',
  );
});

test("an int64 mask must be converted first, as PyTorch 1.13 says (in its kernel's words)", () => {
  expect(() => interpolate(mask, { size: 8 })).toThrow(/not implemented for 'Long'.*mask\.float\(\)/);
});

test('one-channel (channels-last) bilinear input: within 1 float32 ulp of PyTorch (the NOTE)', () => {
  // PyTorch 1.13: interpolate(tensor([[[[5., 1.], [3., -1.]]]]), size=(3, 3), mode='bilinear')
  const y = interpolate(
    tensor(
      [
        [
          [
            [5, 1],
            [3, -1],
          ],
        ],
      ],
      { dtype: 'float32' },
    ),
    { size: [3, 3], mode: 'bilinear' },
  );
  expectClose(y.data, [5, 3, 1, 4, 2, 0, 3, 1, -0.9999999403953552], { atol: 0, rtol: 1.2e-7 });
});

test('the gradient of a nearest 2x upsampling sums each 2x2 block back (float32, exact)', () => {
  const x = tensor(
    [
      [
        [
          [1, 2],
          [3, 4],
        ],
      ],
    ],
    { dtype: 'float32', requiresGrad: true },
  );
  interpolate(x, { scaleFactor: 2 }).sum().backward();
  expect(x.grad!.tolist()).toEqual([
    [
      [
        [4, 4],
        [4, 4],
      ],
    ],
  ]);
});
