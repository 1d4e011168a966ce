/**
 * Float literals: how `tensor`, `full` and `arange` learn that a value was written `1.0`.
 *
 * PyTorch reads `1.0` as a float and `1` as an int, so `torch.tensor([1.0, 0.0])` is float32 and
 * `torch.tensor([1, 0])` int64. JavaScript has one number type: `1.0 === 1`, and no function can
 * tell from the value how it was written. The book's cells keep PyTorch's reading because their
 * transpiler sees the source (src/cells/float-literals.ts) and passes on two marks, read here:
 *
 * - an **array** literal with an element written as a float (`[1.0, 0]`, `[-1.0]`, `[1e-3]`) is
 *   marked with the non-enumerable symbol FLOAT_LITERAL; `tensor()` infers float32 when any array
 *   in its data carries it (so `const t = [1.0, 0.0]; tensor(t)` is float32 too);
 * - a **call** `tensor(1.0)`, `full([2], 1.0)`, `arange(0.0, 3)` whose argument is written as a
 *   float goes to the function's FLOAT_LITERAL_ARGS variant, told which arguments those were.
 *
 * The mark changes nothing else: a symbol-keyed, non-enumerable property is skipped by array
 * methods, `JSON.stringify`, `console.log`, `Object.keys`, spreading and equality. Both keys are
 * `Symbol.for` names, so a second copy of this module (a bundler's) reads the same marks.
 *
 * NOTE: outside the cells (the module imported from Node, as the tests do) nothing marks
 * anything: `tensor([1.0, 0.0])` is int64 there, as every integral JS number is. Write
 * `{ dtype: 'float32' }` or `.float()`.
 */

/** The mark of an array literal that has an element written as a float literal. */
export const FLOAT_LITERAL: unique symbol = Symbol.for('loss.floatLiteral') as never;

/** The key of a function's variant for calls with float-literal arguments. */
export const FLOAT_LITERAL_ARGS: unique symbol = Symbol.for('loss.floatLiteralArgs') as never;

/** Mark `array` as written with a float literal (non-enumerable, read-only); returns it. */
export function markFloatLiteral<T extends unknown[]>(array: T): T {
  if (!Object.hasOwn(array, FLOAT_LITERAL)) Object.defineProperty(array, FLOAT_LITERAL, { value: true });
  return array;
}

/** Whether this array (not its nested arrays) carries the mark. */
export function isFloatLiteral(array: unknown): boolean {
  return Array.isArray(array) && Object.hasOwn(array, FLOAT_LITERAL);
}

/**
 * Give `fn` a variant for calls some of whose arguments (by 0-based position) were written as
 * float literals; `variant(positions)` returns the function to call instead. Returns `fn`.
 */
export function withFloatLiteralArgs<F extends (...args: never[]) => unknown>(
  fn: F,
  variant: (positions: readonly number[]) => F,
): F {
  Object.defineProperty(fn, FLOAT_LITERAL_ARGS, { value: variant });
  return fn;
}
