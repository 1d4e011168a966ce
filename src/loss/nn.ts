/**
 * `nn`: PyTorch's loss and softmax modules, nn.Linear and nn.Parameter as callables, so that
 * PyTorch code reads the same:
 *
 *   const loss = nn.CrossEntropyLoss({ weight, ignoreIndex, reduction, labelSmoothing });
 *   const value = loss(input, target);          // also loss.forward(input, target)
 *
 * A module is a function carrying its options as properties (`loss.reduction`,
 * `loss.weight`, ...) and a `toString()` that prints like PyTorch's repr (`CrossEntropyLoss()`,
 * `Softmax(dim=1)`). `new nn.CrossEntropyLoss()` works too and returns the same callable.
 * Options are checked when the module is built (unknown keys, reduction, labelSmoothing, dim),
 * everything else when it is called, by the function it wraps.
 *
 * NOTE: options are one object with camelCased names instead of PyTorch's keyword arguments;
 * the deprecated `size_average` / `reduce` are not supported. A module is not an
 * `nn.Module` (no parameters(), train(), to(), hooks).
 *
 * See: https://pytorch.org/docs/1.13/nn.html#loss-functions
 */
import { Tensor } from './tensor.ts';
import { checkReduction, type Reduction } from './reduction.ts';
import { checkOptions } from './check.ts';
import { crossEntropy, type CrossEntropyOptions } from './cross-entropy.ts';
import { nllLoss, type NllLossOptions } from './nll-loss.ts';
import { binaryCrossEntropy, type BinaryCrossEntropyOptions } from './binary-cross-entropy.ts';
import {
  binaryCrossEntropyWithLogits,
  type BinaryCrossEntropyWithLogitsOptions,
} from './binary-cross-entropy-with-logits.ts';
import { softmax } from './softmax.ts';
import { mseLoss, type MseLossOptions } from './mse-loss.ts';
import { klDiv, type KlDivOptions, type KlDivReduction } from './kl-div.ts';
import { Linear } from './linear-module.ts';
import { Parameter } from './parameter.ts';

/** nn.Parameter(t, requiresGrad = true), with or without `new`. See ./parameter.ts. */
const ParameterFactory = function (data: Tensor, requiresGrad = true): Parameter {
  return new Parameter(data, requiresGrad);
} as unknown as {
  (data: Tensor, requiresGrad?: boolean): Parameter;
  new (data: Tensor, requiresGrad?: boolean): Parameter;
};
import { logSoftmax } from './log-softmax.ts';

/** A loss module: call it (or its `forward`) with (input, target). */
export interface LossModule {
  (input: Tensor, target: Tensor): Tensor;
  forward(input: Tensor, target: Tensor): Tensor;
  readonly reduction: Reduction;
  /** PyTorch's repr, e.g. `CrossEntropyLoss()`. */
  toString(): string;
}

export interface CrossEntropyLossModule extends LossModule {
  readonly weight: Tensor | null;
  readonly ignoreIndex: number;
  readonly labelSmoothing: number;
}

export interface NLLLossModule extends LossModule {
  readonly weight: Tensor | null;
  readonly ignoreIndex: number;
}

export interface BCELossModule extends LossModule {
  readonly weight: Tensor | null;
}

export interface KLDivLossModule {
  (input: Tensor, target: Tensor): Tensor;
  forward(input: Tensor, target: Tensor): Tensor;
  readonly reduction: KlDivReduction;
  readonly logTarget: boolean;
  toString(): string;
}

export interface BCEWithLogitsLossModule extends LossModule {
  readonly weight: Tensor | null;
  readonly posWeight: Tensor | null;
}

/** nn.Softmax / nn.LogSoftmax: call it (or `forward`) with the input. */
export interface DimModule {
  (input: Tensor): Tensor;
  forward(input: Tensor): Tensor;
  readonly dim: number;
  /** PyTorch's repr, e.g. `Softmax(dim=1)`. */
  toString(): string;
}

/** Callable with or without `new`. */
export interface ModuleFactory<O, M> {
  (options?: O): M;
  new (options?: O): M;
}

function lossModule<O extends object>(
  name: string,
  fn: (input: Tensor, target: Tensor, options: O) => Tensor,
  allowed: readonly string[],
  options: O | undefined,
  props: Record<string, unknown>,
  reductions?: readonly string[],
): LossModule {
  checkOptions(options, allowed, `nn.${name}`);
  const opts = { ...(options ?? {}) } as O;
  const reduction = checkReduction((opts as { reduction?: unknown }).reduction, `nn.${name}`, reductions);
  const module = function (input: Tensor, target: Tensor, ...extra: unknown[]): Tensor {
    // PyTorch: "forward() takes 3 positional arguments but 4 were given". Options passed at
    // the call would otherwise be dropped without a word.
    if (extra.length > 0) {
      throw new Error(
        `nn.${name} is called with (input, target), got ${2 + extra.length} arguments; ` +
          `options go to the constructor, e.g. nn.${name}({ reduction: 'sum' })`,
      );
    }
    return fn(input, target, opts);
  };
  Object.defineProperty(module, 'name', { value: name });
  return Object.assign(module, { forward: module, reduction, toString: () => `${name}()` }, props);
}

/**
 * nn.CrossEntropyLoss({ weight, ignoreIndex, reduction, labelSmoothing }): `crossEntropy` as a
 * module (see there for shapes, dtypes, reduction and what throws).
 * See: https://pytorch.org/docs/1.13/generated/torch.nn.CrossEntropyLoss.html
 */
const CrossEntropyLoss = function (options?: CrossEntropyOptions): CrossEntropyLossModule {
  const ls = options?.labelSmoothing ?? 0;
  if (typeof ls !== 'number' || !(ls >= 0 && ls <= 1)) {
    throw new Error(`labelSmoothing must be between 0.0 and 1.0. Got: ${String(ls)} (nn.CrossEntropyLoss)`);
  }
  return lossModule(
    'CrossEntropyLoss',
    crossEntropy,
    ['weight', 'ignoreIndex', 'reduction', 'labelSmoothing'],
    options,
    {
      weight: options?.weight ?? null,
      ignoreIndex: options?.ignoreIndex ?? -100,
      labelSmoothing: ls,
    },
  ) as CrossEntropyLossModule;
} as ModuleFactory<CrossEntropyOptions, CrossEntropyLossModule>;

/**
 * nn.NLLLoss({ weight, ignoreIndex, reduction }): `nllLoss` as a module.
 * See: https://pytorch.org/docs/1.13/generated/torch.nn.NLLLoss.html
 */
const NLLLoss = function (options?: NllLossOptions): NLLLossModule {
  return lossModule('NLLLoss', nllLoss, ['weight', 'ignoreIndex', 'reduction'], options, {
    weight: options?.weight ?? null,
    ignoreIndex: options?.ignoreIndex ?? -100,
  }) as NLLLossModule;
} as ModuleFactory<NllLossOptions, NLLLossModule>;

/**
 * nn.BCELoss({ weight, reduction }): `binaryCrossEntropy` as a module.
 * See: https://pytorch.org/docs/1.13/generated/torch.nn.BCELoss.html
 */
const BCELoss = function (options?: BinaryCrossEntropyOptions): BCELossModule {
  return lossModule('BCELoss', binaryCrossEntropy, ['weight', 'reduction'], options, {
    weight: options?.weight ?? null,
  }) as BCELossModule;
} as ModuleFactory<BinaryCrossEntropyOptions, BCELossModule>;

/**
 * nn.BCEWithLogitsLoss({ weight, posWeight, reduction }): `binaryCrossEntropyWithLogits` as a
 * module. See: https://pytorch.org/docs/1.13/generated/torch.nn.BCEWithLogitsLoss.html
 */
const BCEWithLogitsLoss = function (options?: BinaryCrossEntropyWithLogitsOptions): BCEWithLogitsLossModule {
  return lossModule(
    'BCEWithLogitsLoss',
    binaryCrossEntropyWithLogits,
    ['weight', 'posWeight', 'reduction'],
    options,
    {
      weight: options?.weight ?? null,
      posWeight: options?.posWeight ?? null,
    },
  ) as BCEWithLogitsLossModule;
} as ModuleFactory<BinaryCrossEntropyWithLogitsOptions, BCEWithLogitsLossModule>;

function dimModule(name: string, fn: (input: Tensor, dim: number) => Tensor, options: unknown): DimModule {
  const dim = typeof options === 'number' ? options : (options as { dim?: unknown } | undefined)?.dim;
  if (typeof options !== 'number') checkOptions(options, ['dim'], `nn.${name}`);
  if (dim === undefined) {
    throw new Error(
      `nn.${name} needs the dim to normalise over, e.g. nn.${name}({ dim: 1 }) for (N, C) logits ` +
        `(PyTorch's implicit dim choice is deprecated)`,
    );
  }
  if (typeof dim !== 'number' || !Number.isInteger(dim)) {
    throw new Error(`nn.${name}: dim must be an integer, got ${String(dim)}`);
  }
  const module = function (input: Tensor, ...extra: unknown[]): Tensor {
    if (extra.length > 0) {
      throw new Error(
        `nn.${name} is called with (input), got ${1 + extra.length} arguments; ` +
          `the dim goes to the constructor, e.g. nn.${name}({ dim: 1 })`,
      );
    }
    return fn(input, dim);
  };
  Object.defineProperty(module, 'name', { value: name });
  return Object.assign(module, { forward: module, dim, toString: () => `${name}(dim=${dim})` });
}

/**
 * nn.Softmax({ dim }) (or nn.Softmax(dim)): `softmax` along `dim` as a module.
 * See: https://pytorch.org/docs/1.13/generated/torch.nn.Softmax.html
 */
const Softmax = function (options?: { dim: number } | number): DimModule {
  return dimModule('Softmax', softmax, options);
} as ModuleFactory<{ dim: number } | number, DimModule>;

/**
 * nn.LogSoftmax({ dim }) (or nn.LogSoftmax(dim)): `logSoftmax` along `dim` as a module.
 * See: https://pytorch.org/docs/1.13/generated/torch.nn.LogSoftmax.html
 */
const LogSoftmax = function (options?: { dim: number } | number): DimModule {
  return dimModule('LogSoftmax', logSoftmax, options);
} as ModuleFactory<{ dim: number } | number, DimModule>;

/**
 * nn.MSELoss({ reduction }): `mseLoss` as a module.
 * See: https://pytorch.org/docs/1.13/generated/torch.nn.MSELoss.html
 */
const MSELoss = function (options?: MseLossOptions): LossModule {
  return lossModule('MSELoss', mseLoss, ['reduction'], options, {});
} as ModuleFactory<MseLossOptions, LossModule>;

/**
 * nn.KLDivLoss({ reduction, logTarget }): `klDiv` as a module. Its default reduction is 'mean'
 * (PyTorch warns on each such call: pass 'batchmean' for the KL divergence).
 * See: https://pytorch.org/docs/1.13/generated/torch.nn.KLDivLoss.html
 */
const KLDivLoss = function (options?: KlDivOptions): KLDivLossModule {
  return lossModule(
    'KLDivLoss',
    klDiv,
    ['reduction', 'logTarget'],
    options,
    { logTarget: options?.logTarget ?? false },
    ['mean', 'batchmean', 'sum', 'none'],
  ) as unknown as KLDivLossModule;
} as ModuleFactory<KlDivOptions, KLDivLossModule>;

/** PyTorch's `torch.nn`, for the losses, softmaxes and the linear layer of this module. */
export const nn = {
  Linear,
  Parameter: ParameterFactory,
  CrossEntropyLoss,
  NLLLoss,
  BCELoss,
  BCEWithLogitsLoss,
  MSELoss,
  KLDivLoss,
  Softmax,
  LogSoftmax,
};
