/**
 * Reading the loss fixtures written by scripts/fixtures/gen_loss_fixtures.py (real
 * PyTorch 1.13) and replaying them against the loss module: values, dtype, shape, grad_fn,
 * repr (with and without grad), the input's gradient, the nn module, and error cases.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import {
  Tensor,
  nn,
  crossEntropy,
  nllLoss,
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  softmax,
  logSoftmax,
  mseLoss,
  klDiv,
} from '../../src/loss/index.ts';
import { allocStorage, type DType } from '../../src/loss/tensor.ts';
import { expectClose, type Tolerance } from './close.ts';

export type JsonNumber = number | 'nan' | 'inf' | '-inf';

export interface LossTensorJson {
  dtype: DType;
  shape: number[];
  values: JsonNumber[];
}

export type OptionJson = number | string | { tensor: LossTensorJson };

export type LossFn =
  | 'crossEntropy'
  | 'nllLoss'
  | 'binaryCrossEntropy'
  | 'binaryCrossEntropyWithLogits'
  | 'softmax'
  | 'logSoftmax'
  | 'mseLoss'
  | 'klDiv';

export interface LossCase {
  name: string;
  fn: LossFn;
  input: LossTensorJson;
  target: LossTensorJson | null;
  options: Record<string, OptionJson>;
  out: LossTensorJson & { gradFn: string; repr: string };
  reprNoGrad: string;
  gradOutput: LossTensorJson | null;
  /** null where PyTorch's backward raised `gradError`. */
  grad: LossTensorJson | null;
  gradError?: string;
}

export interface LossErrorCase {
  name: string;
  fn: LossFn;
  input: LossTensorJson;
  target: LossTensorJson | null;
  options: Record<string, OptionJson>;
  /** Text our message must contain: the shapes or values at fault. */
  mention: string[];
  torchRaises: boolean;
  torchType?: string;
  torchMessage?: string;
  torchResult?: string;
}

export function loadLossFixture<T = LossCase>(name: string): T[] {
  const path = new URL(`../fixtures/${name}`, import.meta.url);
  return (JSON.parse(readFileSync(path, 'utf8')) as { cases: T[] }).cases;
}

export function decodeNumber(v: JsonNumber): number {
  if (v === 'nan') return NaN;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  return v;
}

export function toTensor(j: LossTensorJson, requiresGrad = false): Tensor {
  const data = allocStorage(j.dtype, j.values.length);
  j.values.forEach((v, i) => (data[i] = decodeNumber(v)));
  return new Tensor(data, j.shape, j.dtype, { requiresGrad });
}

export function decodeOptions(o: Record<string, OptionJson>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    out[k] = typeof v === 'object' ? toTensor(v.tensor) : v;
  }
  return out;
}

/** Call the function the case names, as the generator called PyTorch's. */
export function callFunctional(
  fn: LossFn,
  input: Tensor,
  target: Tensor | null,
  options: Record<string, unknown>,
): Tensor {
  switch (fn) {
    case 'crossEntropy':
      return crossEntropy(input, target!, options);
    case 'nllLoss':
      return nllLoss(input, target!, options);
    case 'binaryCrossEntropy':
      return binaryCrossEntropy(input, target!, options);
    case 'binaryCrossEntropyWithLogits':
      return binaryCrossEntropyWithLogits(input, target!, options);
    case 'softmax':
      return softmax(input, options.dim as number);
    case 'logSoftmax':
      return logSoftmax(input, options.dim as number);
    case 'mseLoss':
      return mseLoss(input, target!, options);
    case 'klDiv':
      return klDiv(input, target!, options);
  }
}

/** The same call through the nn module, built from the same options. */
export function callModule(
  fn: LossFn,
  input: Tensor,
  target: Tensor | null,
  options: Record<string, unknown>,
): Tensor {
  switch (fn) {
    case 'crossEntropy':
      return nn.CrossEntropyLoss(options)(input, target!);
    case 'nllLoss':
      return nn.NLLLoss(options)(input, target!);
    case 'binaryCrossEntropy':
      return nn.BCELoss(options)(input, target!);
    case 'binaryCrossEntropyWithLogits':
      return nn.BCEWithLogitsLoss(options)(input, target!);
    case 'softmax':
      return nn.Softmax({ dim: options.dim as number })(input);
    case 'logSoftmax':
      return nn.LogSoftmax({ dim: options.dim as number })(input);
    case 'mseLoss':
      return nn.MSELoss(options)(input, target!);
    case 'klDiv':
      return nn.KLDivLoss(options)(input, target!);
  }
}

/**
 * Tolerances, stated per dtype of the *input* (a float32 input carries float32 precision
 * even where the result is promoted to float64). PyTorch computes float32 in float32 and we
 * in double rounded once, so float32 agreement is to a few float32 ulp.
 */
export const LOSS_TOL: Record<'float32' | 'float64', Tolerance> = {
  float32: { atol: 1e-6, rtol: 1e-5 },
  float64: { atol: 1e-12, rtol: 1e-10 },
};

function tolFor(c: LossCase): Tolerance {
  return c.input.dtype === 'float64' && (c.target === null || c.target.dtype !== 'float32')
    ? LOSS_TOL.float64
    : LOSS_TOL.float32;
}

/** Replay one case: result, grad_fn, reprs, gradient, and the nn module's result. */
export function checkLossCase(c: LossCase): void {
  const tol = tolFor(c);
  const options = decodeOptions(c.options);
  const target = c.target === null ? null : toTensor(c.target);

  const plain = callFunctional(c.fn, toTensor(c.input), target, options);
  expect(plain.gradFn, 'no grad_fn without requiresGrad').toBeNull();
  expect(plain.toString(), 'repr without grad').toBe(c.reprNoGrad);

  const x = toTensor(c.input, true);
  const out = callFunctional(c.fn, x, target, options);
  expect(out.dtype, 'dtype').toBe(c.out.dtype);
  expect([...out.shape], 'shape').toEqual(c.out.shape);
  expectClose(out.data, c.out.values.map(decodeNumber), tol, 'result');
  expect(out.gradFn?.name, 'grad_fn').toBe(c.out.gradFn);
  expect(out.toString(), 'repr').toBe(c.out.repr);

  const runBackward = () => (c.gradOutput === null ? out.backward() : out.backward(toTensor(c.gradOutput)));
  if (c.gradError !== undefined) {
    expect(runBackward, "PyTorch's backward raised").toThrow(c.gradError);
  } else {
    runBackward();
    const grad = c.grad!;
    expect(x.grad, 'input.grad').not.toBeNull();
    expect(x.grad!.dtype, 'grad dtype').toBe(grad.dtype);
    expect([...x.grad!.shape], 'grad shape').toEqual(grad.shape);
    expectClose(x.grad!.data, grad.values.map(decodeNumber), tol, 'input.grad');
  }

  const viaModule = callModule(c.fn, toTensor(c.input), target, options);
  expectClose(viaModule.data, plain.data, { atol: 0, rtol: 0 }, 'nn module = functional');
}

/** The error our module throws for a case, called as a function or (`viaModule`) through nn (fails if none is thrown). */
export function ourError(c: LossErrorCase, viaModule = false): Error {
  const options = decodeOptions(c.options);
  const target = c.target === null ? null : toTensor(c.target);
  try {
    (viaModule ? callModule : callFunctional)(c.fn, toTensor(c.input), target, options);
  } catch (e) {
    return e as Error;
  }
  throw new Error(
    `${c.name}: expected an error (PyTorch: ${c.torchMessage ?? c.torchResult}), nothing was thrown`,
  );
}

/** We throw, and our message names what is at fault (with `viaModule`, through the nn module). */
export function checkLossErrorCase(c: LossErrorCase, viaModule = false): void {
  const err = ourError(c, viaModule);
  expect(err).toBeInstanceOf(Error);
  for (const m of c.mention) {
    expect(err.message, `message should mention ${m}`).toContain(m);
  }
}
