/**
 * The check library for exercise authors, imported in a ```ts check fence as
 * `import { check, expectTensorClose } from '@exercise'`.
 *
 * `check(name, fn)` runs one check and reports it to the page; the `expect*` helpers
 * throw a CheckFailure whose message speaks to the learner about *their* code:
 *
 *   your softmax does not sum to 1 along dim 1: got 1.37 at [0, :, 1, 0]
 *   your loss has shape [2]; expected a single number (shape [])
 *   your softmax returned nothing (undefined): did you forget `return`?
 *
 * Every helper takes `what` (default "your result"): the noun phrase that starts the
 * message, e.g. `{ what: 'your softmax' }`. Values may be tensors, numbers or nested
 * arrays of numbers. Tolerances are explicit options with stated defaults.
 */
import { encodeCheck, type CheckResult } from './report.ts';

/** A failed expectation: its message is shown to the learner as it is. */
export class CheckFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckFailure';
  }
}

export interface WhatOption {
  /** How the message names the value checked, e.g. "your softmax". Default "your result". */
  what?: string;
}

export interface ToleranceOptions extends WhatOption {
  /** Absolute tolerance. Default 1e-5. */
  atol?: number;
  /** Relative tolerance (of the expected value). Default 1e-4. */
  rtol?: number;
}

type Sink = (line: string) => void;
let sink: Sink | null = null;

/**
 * Called by the exercise runner at the start of the check code with that cell's
 * console, so results go into the check cell's output. Not for authors.
 */
export function __attach(cellConsole: { log(...args: unknown[]): void }): void {
  sink = (line) => cellConsole.log(line);
}

/**
 * Run one check. `fn` should call expect* helpers (or `fail`); the check passes when
 * it returns without throwing (returning `false` counts as failing). An error from the
 * learner's own code is reported as "your code threw ...". Returns whether it passed.
 * NOTE: `fn` is run synchronously; a promise it returns is not awaited (it fails).
 */
export function check(name: string, fn: () => unknown): boolean {
  let result: CheckResult;
  try {
    const value = fn();
    if (value && typeof (value as { then?: unknown }).then === 'function') {
      throw new CheckFailure('internal: a check function must not be async');
    }
    result =
      value === false ? { name, passed: false, message: 'not yet' } : { name, passed: true, message: '' };
  } catch (e) {
    result = { name, passed: false, message: failureMessage(e) };
  }
  if (sink) sink(encodeCheck(result));
  else throw new Error('check() ran outside an exercise (no page to report to)');
  return result.passed;
}

/** Fail the current check with `message`, shown to the learner as it is. */
export function fail(message: string): never {
  throw new CheckFailure(message);
}

function failureMessage(e: unknown): string {
  if (e instanceof CheckFailure) return e.message;
  const missing = e instanceof ReferenceError ? /^(\S+) is not defined/.exec(e.message) : null;
  if (missing) return `\`${missing[1]}\` is not defined in your code: keep the names the starter code uses`;
  if (e instanceof Error)
    return `your code threw an error: ${e.name === 'Error' ? '' : `${e.name}: `}${e.message}`;
  return `your code threw ${formatAny(e)}`;
}

// ---------------------------------------------------------------------------------------
// Values as shape + flat numbers

interface Values {
  shape: number[];
  data: ArrayLike<number>;
}

function isTensorLike(x: unknown): x is { shape: readonly number[]; data: ArrayLike<number> } {
  return (
    typeof x === 'object' &&
    x !== null &&
    Array.isArray((x as { shape?: unknown }).shape) &&
    ArrayBuffer.isView((x as { data?: unknown }).data)
  );
}

/** A value as shape + data, or a learner-facing CheckFailure saying what it is instead. */
function valuesOf(x: unknown, what: string, wanted: string): Values {
  if (isTensorLike(x)) return { shape: [...x.shape], data: x.data };
  if (typeof x === 'number') return { shape: [], data: [x] };
  if (Array.isArray(x)) {
    const shape: number[] = [];
    for (let level: unknown = x; Array.isArray(level); level = level[0]) shape.push(level.length);
    const data: number[] = [];
    const walk = (v: unknown, depth: number): boolean => {
      if (depth === shape.length) {
        if (typeof v !== 'number') return false;
        data.push(v);
        return true;
      }
      return Array.isArray(v) && v.length === shape[depth] && v.every((item) => walk(item, depth + 1));
    };
    if (walk(x, 0)) return { shape, data };
    throw new CheckFailure(`${what} is an array that is not a grid of numbers; expected ${wanted}`);
  }
  if (x === undefined) {
    throw new CheckFailure(
      `${what} is undefined (did the function \`return\` its result?); expected ${wanted}`,
    );
  }
  throw new CheckFailure(`${what} is ${formatAny(x)}; expected ${wanted}`);
}

function wantedOf(v: Values): string {
  return v.shape.length === 0 ? 'a single number' : `a tensor of shape ${formatShape(v.shape)}`;
}

// ---------------------------------------------------------------------------------------
// The expectations

/**
 * The shape of `actual` is `shape`. `shape` [] means a single number (a 0-d tensor).
 * Message: "your probabilities have shape [3, 2]; expected [2, 3]".
 */
export function expectShape(actual: unknown, shape: readonly number[], options: WhatOption = {}): void {
  const what = options.what ?? 'your result';
  const wanted = shape.length === 0 ? 'a single number' : `a tensor of shape ${formatShape(shape)}`;
  const v = valuesOf(actual, what, wanted);
  if (!sameShape(v.shape, shape)) {
    throw new CheckFailure(
      `${what} has shape ${formatShape(v.shape)}; expected ${formatShape(shape)}${shape.length === 0 ? ' (a single number)' : ''}`,
    );
  }
}

/**
 * Every element of `actual` is within `atol + rtol * |expected|` of `expected`, and the
 * shapes match (no broadcasting). NaN is never close. Messages:
 * "your softmax is off at [1, 2]: got 0.2, expected 0.0391 (2 of 6 entries are off by more than the tolerance)".
 */
export function expectTensorClose(actual: unknown, expected: unknown, options: ToleranceOptions = {}): void {
  const what = options.what ?? 'your result';
  const atol = options.atol ?? 1e-5;
  const rtol = options.rtol ?? 1e-4;
  const want = valuesOf(expected, 'the expected value', 'a tensor or a number');
  const got = valuesOf(actual, what, wantedOf(want));
  if (!sameShape(got.shape, want.shape)) {
    const gotSingle = got.data.length === 1 && want.data.length === 1;
    throw new CheckFailure(
      `${what} has shape ${formatShape(got.shape)}; expected ${formatShape(want.shape)}${want.shape.length === 0 ? ' (a single number)' : ''}` +
        (gotSingle
          ? ` — the value ${formatPair(got.data[0], want.data[0])[0]} itself ${isClose(got.data[0], want.data[0], atol, rtol) ? 'is right' : 'is also off'}`
          : ''),
    );
  }
  let first = -1;
  let count = 0;
  for (let i = 0; i < want.data.length; i++) {
    if (!isClose(got.data[i], want.data[i], atol, rtol)) {
      if (first < 0) first = i;
      count += 1;
    }
  }
  if (first < 0) return;
  const g = got.data[first];
  const w = want.data[first];
  const where = got.shape.length === 0 ? '' : ` at ${formatIndex(unravel(first, got.shape))}`;
  const [gs, ws] = formatPair(g, w);
  const more =
    want.data.length > 1 ? ` (${count} of ${want.data.length} entries off by more than the tolerance)` : '';
  if (Number.isNaN(g)) throw new CheckFailure(`${what} has NaN${where}; expected ${ws}${more}`);
  if (!Number.isFinite(g)) throw new CheckFailure(`${what} has ${gs}${where}; expected ${ws}${more}`);
  throw new CheckFailure(`${what} is off${where}: got ${gs}, expected ${ws}${more}`);
}

/**
 * A single number close to `expected` (each a number or a one-element tensor).
 * Message: "your mean loss is 0.52; expected 0.6122".
 */
export function expectClose(actual: unknown, expectedValue: unknown, options: ToleranceOptions = {}): void {
  const what = options.what ?? 'your result';
  const atol = options.atol ?? 1e-5;
  const rtol = options.rtol ?? 1e-4;
  const want = valuesOf(expectedValue, 'the expected value', 'a single number');
  if (want.data.length !== 1)
    throw new Error(
      `expectClose: the expected value has shape ${formatShape(want.shape)}; use expectTensorClose`,
    );
  const expected = want.data[0];
  const got = valuesOf(actual, what, 'a single number');
  if (got.data.length !== 1) {
    throw new CheckFailure(
      `${what} has shape ${formatShape(got.shape)}; expected a single number (did you forget to reduce, e.g. with .mean()?)`,
    );
  }
  const g = got.data[0];
  if (isClose(g, expected, atol, rtol)) return;
  const [gs, ws] = formatPair(g, expected);
  throw new CheckFailure(`${what} is ${Number.isNaN(g) ? 'NaN' : gs}; expected ${ws}`);
}

/**
 * The sums of `actual` along `dim` are all 1 (within `atol`, default 1e-5), as for
 * probabilities. Message: "your softmax does not sum to 1 along dim 1: got 1.37 at [0, :, 1, 0]".
 */
export function expectSumsToOne(
  actual: unknown,
  dim: number,
  options: WhatOption & { atol?: number } = {},
): void {
  const what = options.what ?? 'your result';
  const atol = options.atol ?? 1e-5;
  const got = valuesOf(actual, what, `a tensor with a dim ${dim}`);
  const nd = got.shape.length;
  const d = dim < 0 ? dim + nd : dim;
  if (d < 0 || d >= nd) {
    throw new CheckFailure(
      `${what} has shape ${formatShape(got.shape)}, which has no dim ${dim}; expected at least ${dim < 0 ? -dim : dim + 1} dims`,
    );
  }
  const size = got.shape[d];
  const inner = got.shape.slice(d + 1).reduce((a, b) => a * b, 1);
  const outer = got.shape.slice(0, d).reduce((a, b) => a * b, 1);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let sum = 0;
      for (let k = 0; k < size; k++) sum += got.data[(o * size + k) * inner + i];
      if (!(Math.abs(sum - 1) <= atol)) {
        const index: (number | ':')[] = unravel(o * size * inner + i, got.shape);
        index[d] = ':';
        throw new CheckFailure(
          `${what} does not sum to 1 along dim ${dim}: got ${formatPair(sum, 1)[0]} at ${formatIndex(index)}`,
        );
      }
    }
  }
}

// ---------------------------------------------------------------------------------------
// Formatting

function isClose(a: number, b: number, atol: number, rtol: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  if (a === b) return true;
  return Math.abs(a - b) <= atol + rtol * Math.abs(b);
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

function unravel(flat: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length);
  for (let k = shape.length - 1; k >= 0; k--) {
    index[k] = flat % shape[k];
    flat = Math.floor(flat / shape[k]);
  }
  return index;
}

export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

function formatIndex(index: readonly (number | string)[]): string {
  return `[${index.join(', ')}]`;
}

/** Two numbers with 4 significant digits, or more when 4 would print them alike. */
export function formatPair(a: number, b: number): [string, string] {
  for (let digits = 4; digits < 17; digits++) {
    const as = formatNumber(a, digits);
    const bs = formatNumber(b, digits);
    if (as !== bs || a === b) return [as, bs];
  }
  return [String(a), String(b)];
}

function formatNumber(x: number, digits: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  return String(Number(x.toPrecision(digits)));
}

function formatAny(x: unknown): string {
  if (x === null) return 'null';
  if (typeof x === 'string') return `the text ${JSON.stringify(x)}`;
  if (typeof x === 'boolean') return String(x);
  if (typeof x === 'function') return 'a function (did you forget to call it?)';
  if (typeof x === 'object') return `an object (${Object.prototype.toString.call(x).slice(8, -1)})`;
  return String(x);
}
