/**
 * nn.Linear(inFeatures, outFeatures, { bias, dtype }): a fully connected layer holding its
 * weight (outFeatures, inFeatures) and bias (outFeatures) as Parameters; `layer(x)` is
 * `linear(x, layer.weight, layer.bias)` (see ./linear.ts for shapes and gradients).
 *
 *   manualSeed(0);
 *   const layer = nn.Linear(2, 1);
 *   layer.weight = nn.Parameter(tensor([[0.5, -0.25]], { dtype: 'float32' }));  // set by hand
 *   const loss = binaryCrossEntropyWithLogits(layer(x).squeeze(1), y);
 *
 * Initialisation (PyTorch's reset_parameters): every weight and bias entry uniform in
 * [-1/√in, 1/√in] (kaiming_uniform with a = √5), weight first, row by row, then bias.
 *
 * NOTE: the numbers come from the loss module's own seeded generator (see ./creation/randn.ts:
 * manualSeed resets it), so they differ from torch.manual_seed's for the same seed; only the
 * distribution is PyTorch's. Set the weights by hand to reproduce a PyTorch run.
 * NOTE: a module is a callable, not an nn.Module: it has parameters(), zeroGrad() and its
 * weight and bias, no train()/eval(), to() or state_dict().
 *
 * Throws: in/out features that are not non-negative integers; an unknown option; assigning
 * something other than a Parameter to weight, or than a Parameter or null to bias (PyTorch's
 * "cannot assign 'torch.FloatTensor' as parameter 'weight' (torch.nn.Parameter or None
 * expected)").
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.nn.Linear.html
 */
import { Tensor, allocStorage } from './tensor.ts';
import { Parameter, zeroGrads } from './parameter.ts';
import { linear } from './linear.ts';
import { checkOptions } from './check.ts';
import { moduleGenerator } from './creation/randn.ts';
import { scalarTypeName } from './ops/dtype.ts';

export interface LinearOptions {
  /** Whether the layer adds a learned bias. Default true. */
  bias?: boolean;
  /** float32 (default) or float64. */
  dtype?: 'float32' | 'float64';
}

export interface LinearModule {
  (input: Tensor): Tensor;
  forward(input: Tensor): Tensor;
  weight: Parameter;
  bias: Parameter | null;
  readonly inFeatures: number;
  readonly outFeatures: number;
  /** [weight, bias] (or [weight]), as module.parameters() lists them. */
  parameters(): Parameter[];
  /** PyTorch 1.13's zero_grad(): zeros each .grad in place, or sets it to null with setToNone. */
  zeroGrad(options?: { setToNone?: boolean }): void;
  /** PyTorch's repr, e.g. `Linear(in_features=2, out_features=1, bias=True)`. */
  toString(): string;
}

/** A Parameter of `shape` with entries uniform in [-bound, bound] from the module's generator. */
function uniformParameter(shape: number[], bound: number, dtype: 'float32' | 'float64'): Parameter {
  const gen = moduleGenerator();
  const data = allocStorage(
    dtype,
    shape.reduce((p, s) => p * s, 1),
  );
  for (let i = 0; i < data.length; i++) data[i] = -bound + 2 * bound * gen.uniform();
  return new Parameter(new Tensor(data, shape, dtype));
}

function typeName(v: unknown): string {
  return v instanceof Tensor ? `torch.${scalarTypeName(v.dtype)}Tensor` : v === null ? 'None' : typeof v;
}

function createLinear(inFeatures: number, outFeatures: number, options: LinearOptions = {}): LinearModule {
  checkOptions(options, ['bias', 'dtype'], 'nn.Linear');
  for (const [name, v] of [
    ['inFeatures', inFeatures],
    ['outFeatures', outFeatures],
  ] as const) {
    if (!Number.isInteger(v) || v < 0) {
      throw new Error(`nn.Linear: ${name} must be a non-negative integer, got ${String(v)}`);
    }
  }
  const dtype = options.dtype ?? 'float32';
  if (dtype !== 'float32' && dtype !== 'float64') {
    throw new Error(`nn.Linear: dtype must be float32 or float64, got ${String(dtype)}`);
  }
  const bound = inFeatures > 0 ? 1 / Math.sqrt(inFeatures) : 0;
  let weight = uniformParameter([outFeatures, inFeatures], bound, dtype);
  let bias = options.bias === false ? null : uniformParameter([outFeatures], bound, dtype);
  const module = function (input: Tensor, ...extra: unknown[]): Tensor {
    if (extra.length > 0)
      throw new Error(`nn.Linear is called with (input), got ${1 + extra.length} arguments`);
    return linear(input, weight, bias);
  } as LinearModule;
  Object.defineProperty(module, 'name', { value: 'Linear' });
  const assign = (name: 'weight' | 'bias', v: unknown, allowNull: boolean): void => {
    if (!(v instanceof Parameter) && !(allowNull && v === null)) {
      throw new Error(
        `cannot assign '${typeName(v)}' as parameter '${name}' (torch.nn.Parameter or None expected); ` +
          `wrap it: layer.${name} = nn.Parameter(t)`,
      );
    }
  };
  Object.defineProperties(module, {
    weight: {
      get: () => weight,
      set: (v: unknown) => {
        assign('weight', v, false);
        weight = v as Parameter;
      },
      enumerable: true,
    },
    bias: {
      get: () => bias,
      set: (v: unknown) => {
        assign('bias', v, true);
        bias = v as Parameter | null;
      },
      enumerable: true,
    },
  });
  return Object.assign(module, {
    forward: module,
    inFeatures,
    outFeatures,
    parameters: () => (bias === null ? [weight] : [weight, bias]),
    zeroGrad: (o: { setToNone?: boolean } = {}) =>
      zeroGrads(bias === null ? [weight] : [weight, bias], o.setToNone),
    toString: () =>
      `Linear(in_features=${inFeatures}, out_features=${outFeatures}, bias=${bias === null ? 'False' : 'True'})`,
  });
}

/** nn.Linear, callable with or without `new`. */
export const Linear = createLinear as unknown as {
  (inFeatures: number, outFeatures: number, options?: LinearOptions): LinearModule;
  new (inFeatures: number, outFeatures: number, options?: LinearOptions): LinearModule;
};
