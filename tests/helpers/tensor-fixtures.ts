/**
 * Reading the tensor fixtures written by scripts/fixtures/gen_tensor_fixtures.py (real
 * PyTorch 1.13) and replaying them against the loss module.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { Tensor, allocStorage, type DType, type GradFn } from '../../src/loss/tensor.ts';
import * as loss from '../../src/loss/index.ts';
import { expectClose, type Tolerance } from './close.ts';

export type JsonValue = number | 'nan' | 'inf' | '-inf';

export interface TensorJson {
  dtype: DType;
  shape: number[];
  strides: number[];
  values: JsonValue[];
  requiresGrad: boolean;
  gradFn: string | null;
  repr?: string;
}

export type ArgJson =
  | number
  | boolean
  | null
  | string
  | number[]
  | { tensor: TensorJson }
  | Record<string, number | string | boolean | null | number[]>;

export interface OpCase {
  name: string;
  self: TensorJson;
  chain: [string, ArgJson[]][];
  out: TensorJson;
  gradOutput?: TensorJson;
  grads?: (TensorJson | null)[];
}

export interface ErrorCase {
  name: string;
  kind: 'op' | 'call';
  self?: TensorJson;
  chain?: [string, ArgJson[]][];
  fn?: string;
  args?: unknown[];
  kwargs?: Record<string, unknown>;
  torchType: string;
  torchMessage: string;
}

export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

export function decodeValue(v: JsonValue): number {
  if (v === 'nan') return NaN;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  return v;
}

/** Decode nested data where "nan"/"inf"/"-inf" strings stand for those numbers. */
export function decodeNested(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decodeNested);
  if (v === 'nan' || v === 'inf' || v === '-inf') return decodeValue(v);
  return v;
}

/** A fake node so that a fixture's `grad_fn=<Name>` can be printed without rebuilding the graph. */
function namedGradFn(name: string): GradFn {
  return { name, inputs: [], backward: () => [] };
}

/** The fixture tensor as one of ours (data, shape, dtype, PyTorch strides, requiresGrad, grad_fn name). */
export function fromJson(t: TensorJson): Tensor {
  const data = allocStorage(t.dtype, t.values.length);
  t.values.forEach((v, i) => (data[i] = decodeValue(v)));
  return new Tensor(data, t.shape, t.dtype, {
    strides: t.strides,
    requiresGrad: t.requiresGrad,
    gradFn: t.gradFn === null ? null : namedGradFn(t.gradFn),
  });
}

export const TOL: Record<DType, Tolerance> = {
  float32: { atol: 1e-6, rtol: 2e-6 },
  float64: { atol: 1e-12, rtol: 1e-12 },
  int64: { atol: 0, rtol: 0 },
  int32: { atol: 0, rtol: 0 },
  bool: { atol: 0, rtol: 0 },
};

/** Expect `actual` to match the fixture tensor: dtype, shape, values within `tol` (default TOL[dtype]). */
export function expectTensor(
  actual: Tensor,
  expected: TensorJson,
  label: string,
  tol = TOL[expected.dtype],
): void {
  expect(actual.dtype, `${label} dtype`).toBe(expected.dtype);
  expect([...actual.shape], `${label} shape`).toEqual(expected.shape);
  expectClose(actual.data, expected.values.map(decodeValue), tol, label);
}

function decodeArg(a: ArgJson, leaves: Tensor[]): unknown {
  if (a !== null && typeof a === 'object' && !Array.isArray(a) && 'tensor' in a) {
    const t = fromJson(a.tensor as TensorJson);
    leaves.push(t);
    return t;
  }
  return a === null ? undefined : a;
}

/** The functions a chain calls as `F.<name>` (with the tensor first), as the fixture's torch.where / F.<name>. */
const FUNCTIONS: Record<string, (...a: never[]) => Tensor> = {
  where: loss.where,
  logsigmoid: loss.logsigmoid,
  softplus: loss.softplus,
  interpolate: loss.interpolate,
  linear: loss.linear,
};

/** Call method `name` of `t` (or function `F.<name>` on it) as the fixture's Python did. */
export function callMethod(t: Tensor, name: string, args: unknown[]): Tensor {
  if (name.startsWith('F.')) {
    const fn = FUNCTIONS[name.slice(2)] as ((...a: unknown[]) => Tensor) | undefined;
    if (fn === undefined) throw new Error(`test: no function ${name}`);
    return fn(t, ...args);
  }
  switch (name) {
    case 'max':
      return args.length === 0 ? t.max() : t.max(args[0] as number, args[1] as boolean | undefined).values;
    case 'maxIndices':
      return t.max(args[0] as number, args[1] as boolean | undefined).indices;
    case 'backward':
      t.backward();
      return t;
    default: {
      const method = (t as unknown as Record<string, (...a: unknown[]) => Tensor>)[name];
      if (typeof method !== 'function') throw new Error(`test: no method ${name}`);
      return method.apply(t, args);
    }
  }
}

/** Replay an op chain: the leaves (self first, then tensor arguments) and the result. */
export function replay(c: { self?: TensorJson; chain?: [string, ArgJson[]][] }): {
  leaves: Tensor[];
  out: Tensor;
} {
  const self = fromJson(c.self!);
  const leaves = [self];
  let y = self;
  for (const [m, args] of c.chain!)
    y = callMethod(
      y,
      m,
      args.map((a) => decodeArg(a, leaves)),
    );
  return { leaves, out: y };
}

/** Replay an op case and compare result, strides, grad_fn, repr and gradients with PyTorch's. */
export function checkOpCase(c: OpCase): void {
  const { leaves, out } = replay(c);
  // Values computed through float32 anywhere carry float32 precision only, whatever their dtype.
  const viaFloat32 = [c.out, ...leaves].some((t) => t.dtype === 'float32');
  const tol = (dtype: DType): Tolerance => (viaFloat32 && dtype === 'float64' ? TOL.float32 : TOL[dtype]);
  expectTensor(out, c.out, 'result', tol(c.out.dtype));
  expect([...out.torchStrides], 'PyTorch strides').toEqual(c.out.strides);
  expect(out.gradFn?.name ?? null, 'grad_fn').toBe(c.out.gradFn);
  expect(out.requiresGrad, 'requires_grad').toBe(c.out.requiresGrad);
  expect(out.toString(), 'repr').toBe(c.out.repr);
  if (c.gradOutput !== undefined) {
    out.backward(fromJson(c.gradOutput));
    c.grads!.forEach((g, i) => {
      if (g === null) return;
      expect(leaves[i].grad, `grad of leaf ${i}`).not.toBeNull();
      expectTensor(leaves[i].grad!, g, `grad of leaf ${i}`, tol(g.dtype));
    });
  }
}

/** The cases whose chain calls `method`. */
export function casesUsing<T extends { chain?: [string, ArgJson[]][] }>(
  cases: T[],
  ...methods: string[]
): T[] {
  return cases.filter((c) => c.chain?.some(([m]) => methods.includes(m)));
}

/** Call a creation function as the fixture's Python did. */
export async function callCreation(
  fn: string,
  args: unknown[],
  kwargs: Record<string, unknown>,
): Promise<Tensor> {
  const loss = await import('../../src/loss/index.ts');
  const decoded = args.map(decodeNested);
  switch (fn) {
    case 'tensor':
      return loss.tensor(decoded[0] as number[], kwargs);
    case 'zeros':
      return loss.zeros(decoded[0] as number[], kwargs);
    case 'ones':
      return loss.ones(decoded[0] as number[], kwargs);
    case 'full':
      return loss.full(decoded[0] as number[], decoded[1] as number, kwargs);
    case 'arange':
      return (loss.arange as (...a: unknown[]) => Tensor)(...decoded);
    case 'oneHot': {
      const spec = decoded[0] as { tensor: number[]; dtype?: DType };
      const target = loss.tensor(spec.tensor, spec.dtype ? { dtype: spec.dtype } : {});
      return loss.oneHot(target, decoded[1] as number | undefined);
    }
    default:
      throw new Error(`test: no creation function ${fn}`);
  }
}

/** The message our module throws for an error case (fails the test if it does not throw). */
export async function ourErrorMessage(c: ErrorCase): Promise<string> {
  try {
    if (c.kind === 'op') replay(c);
    else await callCreation(c.fn!, c.args!, c.kwargs!);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`${c.name}: expected an error like PyTorch's "${c.torchMessage}", but nothing was thrown`);
}

/**
 * Expect our message for `c` to start with PyTorch's (we may append the shapes), or,
 * where we chose other words, with `ours`.
 */
export async function checkErrorCase(c: ErrorCase, ours?: string): Promise<void> {
  const msg = await ourErrorMessage(c);
  expect(msg.startsWith(ours ?? c.torchMessage), `ours: "${msg}"\ntorch: "${c.torchMessage}"`).toBe(true);
}
