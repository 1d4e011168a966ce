/**
 * randn and manualSeed: normally distributed random numbers, reproducible everywhere.
 *
 * Shape: `randn([2, 3])` or `randn(2)`. Dtypes: float32 (default) or float64.
 * Seeding: `randn(shape, { seed })` uses its own generator seeded with `seed`; without
 * it, a module-wide generator is used, reset by `manualSeed(seed)` (PyTorch's
 * torch.manual_seed) and seeded at load with PyTorch's default seed, 67280421310721.
 * Throws: for a bad shape; for a non-integer seed; for an integer or bool dtype ("normal_" needs floats).
 *
 * Generator: mulberry32 (32-bit state) gives uniforms in (0, 1); Marsaglia's polar
 * method turns pairs into normals. It uses only +, -, *, /, sqrt and a logarithm
 * written here from those (not Math.log, whose last bit may vary between JS engines),
 * so Node and every browser give identical numbers for a seed.
 *
 * NOTE: the numbers differ from torch.randn's for the same seed (PyTorch uses a
 * Mersenne Twister and its own normal transform); only the distribution is the same.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.randn.html
 */
import { Tensor, allocStorage, isFloating, numelOf } from '../tensor.ts';
import { scalarTypeName } from '../ops/dtype.ts';
import {
  checkCreationOptions,
  checkDtype,
  checkRequiresGrad,
  checkShape,
  type CreationOptions,
} from './shape.ts';

/** A seeded source of standard normal numbers. */
export class NormalGenerator {
  private state: number;
  private spare: number | null = null;

  constructor(seed: number) {
    if (!Number.isSafeInteger(seed)) throw new Error(`seed must be an integer, but got ${seed}`);
    const lo = seed >>> 0;
    const hi = Math.floor(seed / 2 ** 32) >>> 0;
    this.state = (lo ^ Math.imul(hi, 0x9e3779b9)) >>> 0;
  }

  /** mulberry32: the next uniform in (0, 1). */
  uniform(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u32 = (t ^ (t >>> 14)) >>> 0;
    return (u32 + 0.5) / 4294967296;
  }

  /** The next standard normal (Marsaglia's polar method; values come in pairs). */
  normal(): number {
    if (this.spare !== null) {
      const z = this.spare;
      this.spare = null;
      return z;
    }
    for (;;) {
      const u = 2 * this.uniform() - 1;
      const v = 2 * this.uniform() - 1;
      const s = u * u + v * v;
      if (s >= 1 || s === 0) continue;
      const f = Math.sqrt((-2 * portableLog(s)) / s);
      this.spare = v * f;
      return u * f;
    }
  }
}

const LN2 = 0.6931471805599453;
const SQRT2 = 1.4142135623730951;

/**
 * ln(x) for x in (0, 1], from basic arithmetic only (identical on every engine):
 * x = m * 2^e with m in [1/sqrt2, sqrt2); ln m = 2 atanh(s) = 2 (s + s^3/3 + s^5/5 + ...)
 * with s = (m - 1) / (m + 1), |s| <= 0.172, so 14 terms reach double precision.
 */
export function portableLog(x: number): number {
  let m = x;
  let e = 0;
  while (m < 1 / SQRT2) {
    m *= 2;
    e--;
  }
  while (m >= SQRT2) {
    m /= 2;
    e++;
  }
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let term = s;
  let series = 0;
  for (let k = 1; k < 30; k += 2) {
    series += term / k;
    term *= s2;
  }
  return e * LN2 + 2 * series;
}

const DEFAULT_SEED = 67280421310721;
let globalGenerator = new NormalGenerator(DEFAULT_SEED);

/** The module-wide generator (reset by manualSeed), for the other random initialisations (nn.Linear). */
export function moduleGenerator(): NormalGenerator {
  return globalGenerator;
}

/** Reset the module-wide generator (PyTorch's torch.manual_seed). */
export function manualSeed(seed: number): void {
  globalGenerator = new NormalGenerator(seed);
}

export interface RandnOptions extends CreationOptions {
  /** Seed a private generator for this call; the module-wide one is left untouched. */
  seed?: number;
}

export function randn(shape: number | readonly number[], options: RandnOptions = {}): Tensor {
  checkCreationOptions('randn', options, ['dtype', 'requiresGrad', 'seed']);
  const dims = checkShape('randn', shape);
  const dtype = checkDtype('randn', options.dtype ?? 'float32');
  if (!isFloating(dtype))
    throw new Error(
      `"normal_kernel_cpu" not implemented for '${scalarTypeName(dtype)}' (randn needs a floating dtype)`,
    );
  const requiresGrad = checkRequiresGrad(dtype, options.requiresGrad);
  const gen = options.seed === undefined ? globalGenerator : new NormalGenerator(options.seed);
  const data = allocStorage(dtype, numelOf(dims));
  for (let i = 0; i < data.length; i++) data[i] = gen.normal();
  return new Tensor(data, dims, dtype, { requiresGrad });
}
