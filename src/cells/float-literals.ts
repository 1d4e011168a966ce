/**
 * PyTorch's reading of float literals in cells: `tensor([1.0, 0.0])` is float32, `tensor([1, 0])`
 * int64. JavaScript has one number type (`1.0 === 1`), but the cell's source says how each number
 * was written, so the notebook core (./notebook.ts) rewrites the cell before it runs, from the
 * tokens of sucrase's parser:
 *
 * 1. An array literal with an element that is a float literal, alone or signed (`[1.0, 0]`,
 *    `[-1.0]`, `[1e-3]`), becomes `__nb_f([...])`, which marks the array and returns it
 *    (markFloatLiteral in src/loss/creation/float-literal.ts). Nested arrays are marked each on
 *    its own; `tensor()` looks for a mark on any of them.
 * 2. A call of a bare name with such an argument, `tensor(1.0)`, `full([2], 1.0)`, becomes
 *    `__nb_fa(tensor, [0], "tensor")(1.0)`: the function, or its float-literal variant when it has
 *    one (withFloatLiteralArgs). Only the loss module's `tensor`, `full` and `arange` have one.
 *
 * What counts as a float literal is what Python reads as a float: a decimal number written with a
 * point or an exponent (`1.0`, `1.`, `.5`, `1e-3`, `2E3`, `1_000.5`). `1`, `1_000`, `0x10`, `0o7`,
 * `0b1` and `10n` are integers. A number inside a string, a comment, a template's text or a regular
 * expression is not a token of its own and never counts.
 *
 * Why it is sound:
 * - Only array *literals* are wrapped: sucrase gives the `[` of an index (`x[1.0]`), an optional
 *   index (`x?.[1.0]`) or a computed key (`{ [1.0]: v }`) a subscript start or a context id, and
 *   type tokens (`[1.0]` as a tuple type) are flagged `isType`. A destructuring pattern cannot
 *   have a literal as an element, so an array with a bare float element is never a pattern.
 * - Only calls whose callee is one bare name (sucrase: an identifier access right before a call
 *   paren whose subscript starts at that name): `this` is `undefined` for such a call either way,
 *   the name is read once as before, and the arguments are untouched. A callee that is not a
 *   function throws the same "x is not a function" TypeError, after its arguments are evaluated,
 *   as before. `new F(1.0)`, `obj.f(1.0)` and `f?.(1.0)` are left alone.
 * - Everything is inserted within the line it belongs to, so line numbers of errors are kept;
 *   syntax errors are found in the source as written, so their columns are too.
 *
 * Limits (the cheat sheet, src/guide/from-pytorch.mdx, says them to readers): only literals
 * count, not computed values (`[x * 1.0]`, `[1, 2].map((v) => v / 1)`); an array made from a marked
 * one (`.map`, `.slice`, `[...a]`) is a new array without the mark; `obj.tensor(1.0)` and methods
 * (`t.mul(2.0)`) are not rewritten; a function's source text (`String(f)`) shows the rewrite.
 */
import { FLOAT_LITERAL_ARGS, markFloatLiteral } from '../loss/creation/float-literal.ts';
import type { ParserToken, Transpiler } from './notebook.ts';

/** The names of the two helpers the rewritten code calls (parameters of the program). */
export const FLOAT_ARRAY = '__nb_f';
export const FLOAT_ARGS = '__nb_fa';

/** An insertion into a cell's source. */
export interface SourceEdit {
  at: number;
  end: number;
  insert: string;
}

/** Python's reading: a decimal literal with a point or an exponent (not hex, octal, binary, bigint). */
export function isFloatSyntax(text: string): boolean {
  return /^(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?$/.test(text) && /[.eE]/.test(text);
}

/** What calibrate() reads off sucrase's parser: its IdentifierRole for a name being read. */
interface Calibration {
  accessRole: number | null;
}
const calibrations = new WeakMap<Transpiler, Calibration>();

/** The parser's identifier role of `f` in `f(1)` (sucrase's IdentifierRole.Access), read once. */
function calibrate(tp: Transpiler): Calibration {
  let c = calibrations.get(tp);
  if (!c) {
    const tokens = tp.parse('f(1)', false, true, false).tokens;
    c = { accessRole: tokens[0]?.identifierRole ?? null };
    calibrations.set(tp, c);
  }
  return c;
}

interface Open {
  /** Index of the opening token. */
  index: number;
  /** `[` of an array literal, `(` of a call of a bare name, or anything else. */
  kind: 'array' | 'call' | 'other';
  /** Commas seen at this level so far (the argument position, for calls). */
  commas: number;
  /** A call with a spread argument: positions after it are unknown, so it is left alone. */
  spread: boolean;
  /** An array: it has a float-literal element. A call: the positions of its float-literal arguments. */
  floatArray: boolean;
  floatArgs: number[];
}

const OPENERS = new Set(['[', '(', '{', '${']);
const CLOSERS = new Set([']', ')', '}']);

/**
 * The insertions that keep PyTorch's reading of float literals in one cell, from the tokens
 * of sucrase's parser (`src` is the cell's source, `tokens` its parse).
 */
export function floatLiteralEdits(src: string, tokens: ArrayLike<ParserToken>, tp: Transpiler): SourceEdit[] {
  const { accessRole } = calibrate(tp);
  const text = (i: number) => (i >= 0 && i < tokens.length ? src.slice(tokens[i].start, tokens[i].end) : '');
  const edits: SourceEdit[] = [];
  const stack: Open[] = [];

  const kindOf = (i: number): Open['kind'] => {
    const t = tokens[i];
    if (t.isType) return 'other';
    const word = text(i);
    if (word === '[') {
      const arrayLiteral = t.subscriptStartIndex == null && t.contextId == null && text(i - 1) !== '?.';
      return arrayLiteral ? 'array' : 'other';
    }
    if (word === '(' && t.subscriptStartIndex === i - 1 && t.contextId != null && i > 0) {
      const callee = tokens[i - 1];
      const bareName =
        accessRole !== null &&
        callee.identifierRole === accessRole &&
        !callee.isType &&
        text(i - 2) !== '.' &&
        text(i - 2) !== '?.' &&
        text(i - 2) !== 'new';
      return bareName ? 'call' : 'other';
    }
    return 'other';
  };

  for (let i = 0; i < tokens.length; i++) {
    const word = text(i);
    if (OPENERS.has(word)) {
      stack.push({ index: i, kind: kindOf(i), commas: 0, spread: false, floatArray: false, floatArgs: [] });
      continue;
    }
    const top = stack.at(-1);
    if (CLOSERS.has(word)) {
      const open = stack.pop();
      if (open?.kind === 'array' && open.floatArray) {
        edits.push({
          at: tokens[open.index].start,
          end: tokens[open.index].start,
          insert: `${FLOAT_ARRAY}(`,
        });
        edits.push({ at: tokens[i].end, end: tokens[i].end, insert: ')' });
      } else if (open?.kind === 'call' && open.floatArgs.length > 0 && !open.spread) {
        const callee = tokens[open.index - 1];
        const name = src.slice(callee.start, callee.end);
        edits.push({ at: callee.start, end: callee.start, insert: `${FLOAT_ARGS}(` });
        edits.push({
          at: callee.end,
          end: callee.end,
          insert: `,[${open.floatArgs.join(',')}],${JSON.stringify(name)})`,
        });
      }
      continue;
    }
    if (!top || top.kind === 'other') continue;
    if (word === ',') {
      top.commas += 1;
      continue;
    }
    if (word === '...') {
      top.spread = true;
      continue;
    }
    // A bare element or argument: [sign] number, between the opener or a comma and a comma or the closer.
    if (tokens[i].isType || !isFloatSyntax(word)) continue;
    const signed = text(i - 1) === '-' || text(i - 1) === '+';
    const before = signed ? i - 2 : i - 1;
    const startsItem = before === top.index || text(before) === ',';
    const endsItem = text(i + 1) === ',' || CLOSERS.has(text(i + 1));
    if (!startsItem || !endsItem) continue;
    if (top.kind === 'array') top.floatArray = true;
    else if (!top.floatArgs.includes(top.commas)) top.floatArgs.push(top.commas);
  }
  return edits;
}

/** `__nb_f`: marks an array literal written with a float literal, and returns it. */
export const floatArray = markFloatLiteral;

/**
 * `__nb_fa`: the function to call for `name(...)` with float-literal arguments at `positions`:
 * its float-literal variant if it has one, else itself. A callee that is not a function throws,
 * when called, the TypeError the plain call would throw.
 */
export function floatArgs(fn: unknown, positions: readonly number[], name: string): unknown {
  if (typeof fn !== 'function') {
    return () => {
      throw new TypeError(`${name} is not a function`);
    };
  }
  const variant = (fn as { [FLOAT_LITERAL_ARGS]?: unknown })[FLOAT_LITERAL_ARGS];
  return typeof variant === 'function' ? (variant as (p: readonly number[]) => unknown)(positions) : fn;
}
