/**
 * PyTorch's reading of float literals in cells (src/cells/float-literals.ts): which tokens count,
 * which arrays and calls the rewrite touches (and which it must leave alone), and that the
 * rewritten program runs as plain JavaScript would, with the loss module reading the marks.
 */
import { describe, expect, test } from 'vitest';
import { transform } from 'sucrase';
import { parse } from 'sucrase/dist/parser/index.js';
import * as loss from '../../src/loss/index.ts';
import { floatArgs, floatArray, isFloatSyntax } from '../../src/cells/float-literals.ts';
import { cellOutcome, prepareProgram, rewriteTopLevel, runProgram } from '../../src/cells/notebook.ts';
import type { Transpiler } from '../../src/cells/notebook.ts';
import { evalInvoke } from '../../src/cells/worker-core.ts';

const transpiler = { transform, parse } as unknown as Transpiler;
const rewrite = (src: string) => rewriteTopLevel(src, transpiler).code;

/** What cell i shows when `sources` run as a notebook against the real loss module. */
async function shown(sources: string[], i = sources.length - 1): Promise<string> {
  const program = prepareProgram(sources, transpiler);
  const runs = await runProgram(program, {
    require: (s) => {
      if (s === '@loss') return loss;
      throw new Error(`Cannot import '${s}'`);
    },
    invoke: evalInvoke,
  });
  return cellOutcome(runs, i, []).text;
}

describe('which literals are floats (as Python reads them)', () => {
  test.each([
    ['1.0', true],
    ['1.', true],
    ['.5', true],
    ['1e-3', true],
    ['2E3', true],
    ['1e+3', true],
    ['1_000.5', true],
    ['0.0', true],
    ['1', false],
    ['0', false],
    ['1_000', false],
    ['0x10', false],
    ['0x1e3', false],
    ['0o17', false],
    ['0b101', false],
    ['10n', false],
    ['x1.0', false],
    ['"1.0"', false],
  ])('%s -> %s', (text, float) => expect(isFloatSyntax(text)).toBe(float));
});

describe('the rewrite', () => {
  test.each([
    ['tensor([1.0, 0.0])', 'tensor(__nb_f([1.0, 0.0]))'],
    ['x = [-1.0, 2]', 'x = __nb_f([-1.0, 2])'],
    ['x = [+1.0]', 'x = __nb_f([+1.0])'],
    ['x = [ -  1.0 ]', 'x = __nb_f([ -  1.0 ])'],
    ['x = [1e-3]', 'x = __nb_f([1e-3])'],
    ['x = [1.]', 'x = __nb_f([1.])'],
    ['x = [.5]', 'x = __nb_f([.5])'],
    ['x = [1e3, 1E+3, 1_000.5]', 'x = __nb_f([1e3, 1E+3, 1_000.5])'],
    ['x = [1.0,,2]', 'x = __nb_f([1.0,,2])'],
    ['x = [...xs, 1.0]', 'x = __nb_f([...xs, 1.0])'],
    ['x = { target: [0.0, 1] }', 'x = { target: __nb_f([0.0, 1]) }'],
    ['x = `${[1.0]}`', 'x = `${__nb_f([1.0])}`'],
  ])('marks the array literal: %s', (src, out) => expect(rewrite(src)).toBe(out));

  test('marks each nested array that has a float element of its own, not the outer one', () => {
    expect(rewrite('x = [[1.0, 0], [0, 1]]')).toBe('x = [__nb_f([1.0, 0]), [0, 1]]');
    expect(rewrite('x = [1.0, [2.0]]')).toBe('x = __nb_f([1.0, __nb_f([2.0])])');
  });

  test.each([
    ['x = [0x10]'],
    ['x = [1_000]'],
    ['x = [1, 2, -3]'],
    ['x = [10n]'],
    ['x = [...xs]'],
    ['x = ["1.0", \'2.0\']'],
    ['x = [`1.0`, `a ${b} 1.0`]'],
    ['x = [/1.0/]'],
    ['x = [1] // [1.0]'],
    ['x = [1] /* [1.0] */'],
    // computed values are not literals
    ['x = [v * 1.0, 1.0 + 1, c ? 1.0 : 0, (1.0), o.f(1.0) + 1]'],
    // an index, an optional index, a computed key or member name, a tuple type
    ['y = x[1.0]'],
    ['y = x?.[1.0]'],
    ['y = { [1.0]: 2 }'],
    ['class A { [1.5]() {} }'],
    ['let t: [1.5] = null'],
    // patterns: a default value is not an element
    ['const [a = 1.0] = x'],
    ['[a = 1.0] = x'],
  ])('leaves alone: %s', (src) => {
    const out = rewrite(src);
    expect(out).not.toContain('__nb_f(');
    expect(out).not.toContain('__nb_fa(');
  });

  test.each([
    ['tensor(1.0)', '__nb_fa(tensor,[0],"tensor")(1.0)'],
    ['tensor(-1.0, { requiresGrad: true })', '__nb_fa(tensor,[0],"tensor")(-1.0, { requiresGrad: true })'],
    ['full([2], 1.0)', '__nb_fa(full,[1],"full")([2], 1.0)'],
    ['arange(0.0, 3, .5)', '__nb_fa(arange,[0,2],"arange")(0.0, 3, .5)'],
    ['f(1.0)(2.0)', '__nb_fa(f,[0],"f")(1.0)(2.0)'],
  ])('tells a call of a bare name which arguments are floats: %s', (src, out) =>
    expect(rewrite(src)).toBe(out),
  );

  test.each([
    ['o.tensor(1.0)'],
    ['o?.tensor(1.0)'],
    ['new F(1.0)'],
    ['f?.(1.0)'],
    ['f(...a, 1.0)'],
    ['f<number>(1.0)'],
    ['f((1.0))'],
    ['if (1.0) {}'],
    ['tensor(1)'],
    ['tensor(1n)'],
  ])('leaves the call alone: %s', (src) => expect(rewrite(src)).not.toContain('__nb_fa('));

  test('keeps every line where it was', () => {
    const src = 'const a = [1.0,\n  0.0];\nconst b = tensor(\n  1.0);\n// [1.0]';
    const out = rewrite(src);
    expect(out.split('\n')).toHaveLength(src.split('\n').length);
    expect(out).toBe(
      'var a = __nb_f([1.0,\n  0.0]);\nvar b = __nb_fa(tensor,[0],"tensor")(\n  1.0);\n// [1.0]',
    );
  });
});

/** What `src` prints, run as plain JavaScript (sucrase's TypeScript transform only). */
function printed(src: string, helpers: Record<string, unknown> = {}): string {
  const lines: string[] = [];
  const log = (...args: unknown[]) => lines.push(args.map((a) => JSON.stringify(a) ?? String(a)).join(' '));
  const js = transform(src, { transforms: ['typescript'] }).code;
  new Function('console', ...Object.keys(helpers), js)({ log }, ...Object.values(helpers));
  return lines.join('\n');
}

describe('rewritten code does what the code as written does', () => {
  test.each([
    [
      'destructuring with float defaults',
      'const [a = 1.0, [b = 2.5] = []] = [undefined];\nconsole.log(a, b);',
    ],
    ['an assignment pattern', 'let a, b;\n[a = 1.0, b] = [undefined, 2.0];\nconsole.log(a, b);'],
    [
      'arrow defaults and bodies',
      'const f = (x = [1.0], y = -2.0) => [x, y, [0.5]];\nconsole.log(f(), f([3], 4));',
    ],
    ['a line starting with [ after one without ;', 'const o = [[5, 6]]\n[0.0].length\nconsole.log(o);'],
    [
      'index, optional index, computed keys',
      'const x = [7, 8];\nconsole.log(x[1.0], x?.[0.0], { [1.5]: 1 }, new Map([[1.0, 2]]).get(1));',
    ],
    [
      'class fields, methods, getters',
      'class A { v = [1.0]; m(k = 2.0) { return [k]; } get g() { return [3.0]; } }\nconst a = new A();\nconsole.log(a.v, a.m(), a.g);',
    ],
    [
      'calls: this, arguments, spread, new',
      'function f(this: unknown, ...r: number[]) { return [this === undefined, r]; }\nclass C { constructor(public v: number) {} }\nconsole.log(f(1.0, 2), f(...[1.0]), new C(1.0).v, Math.max(1.0, 2.0));',
    ],
    [
      'templates, strings, regexes, comments',
      'console.log(`${[1.0]}` + "[1.0]" + /1.0/.source, [1.0] /* [2.0] */); // [3.0]',
    ],
    [
      'labels, loops, sequences, ternaries',
      'let s = 0;\nouter: for (const v of [1.0, 2.0]) { for (const w of [0.5]) { s += v * w; continue outer; } }\nconsole.log(s, (0, [1.0]), true ? [2.0] : [3.0]);',
    ],
    [
      'type syntax',
      'type T = [1.5, number];\nconst t: T = [1.5, 2.0] as T;\nconst u = <number[]>[1.0];\nenum E { A = 1.5 }\nconsole.log(t, u, E.A, [2.0] satisfies number[]);',
    ],
    [
      'getters and proxies see the same accesses',
      'const seen: string[] = [];\nconst p = new Proxy({ f: (v: number) => v }, { get(t, k) { seen.push(String(k)); return (t as never)[k]; } });\nconsole.log(p.f(1.0), seen);',
    ],
  ])('%s', (_, src) => {
    // __nb_set: the notebook's copy of a class out of its cell (rewriteTopLevel), not needed here.
    const helpers = {
      __nb_f: floatArray,
      __nb_fa: floatArgs,
      __nb_set: new Proxy({}, { get: () => () => {} }),
    };
    expect(printed(rewrite(src), helpers)).toBe(printed(src));
  });
});

describe('cells read float literals as PyTorch does', () => {
  test('tensor() of a float-literal array, scalar, nested or named array is float32', async () => {
    expect(
      await shown([
        "import { tensor, full, arange } from '@loss';",
        'const t = [1.0, 0.0];\nconsole.log(tensor([1.0, 0.0]), tensor(t), tensor([1, 0]));\n' +
          'console.log(tensor(1.0), tensor(-1.0), tensor(1), tensor([[1.0, 0], [0, 1]]).dtype);\n' +
          "console.log(full([2], 1.0), full([2], 1), arange(0.0, 3), arange(3), tensor([1.0], { dtype: 'int64' }));",
      ]),
    ).toBe(
      [
        'tensor([1., 0.]) tensor([1., 0.]) tensor([1, 0])',
        'tensor(1.) tensor(-1.) tensor(1) float32',
        'tensor([1., 1.]) tensor([1, 1]) tensor([0., 1., 2.]) tensor([0, 1, 2]) tensor([1])',
      ].join('\n'),
    );
  });

  test('a marked array behaves as the plain array it is', async () => {
    expect(
      await shown([
        'const a = [1.0, 0.0];\n' +
          'console.log(a, JSON.stringify(a), Object.keys(a), a.length, Array.isArray(a));\n' +
          'console.log(a.map((v) => v * 2), [...a], a.concat([2]), String(a), a.indexOf(0), a[0] === 1);\n' +
          'const seen = []; for (const k in a) seen.push(k); console.log(seen, Object.entries(a));\n' +
          'console.log(JSON.stringify({ ...a }), structuredClone(a), Object.getOwnPropertySymbols(a).length);',
      ]),
    ).toBe(
      [
        "[1, 0] [1,0] ['0', '1'] 2 true",
        '[2, 0] [1, 0] [1, 0, 2] 1,0 1 true',
        "['0', '1'] [['0', 1], ['1', 0]]",
        '{"0":1,"1":0} [1, 0] 1',
      ].join('\n'),
    );
  });

  test('a call of something else with a float literal is the plain call', async () => {
    expect(
      await shown([
        'function f(this: unknown, x: number) { return [this === undefined, x, arguments.length]; }\n' +
          'console.log(f(1.0), Math.max(1.0, 2), parseInt("7", 10.0), [1, 2].at(-1.0));',
      ]),
    ).toBe('[true, 1, 1] 2 7 2');
  });

  test('errors keep their line and message', async () => {
    expect(await shown(['const a = [1.0];\nnotAFunction(1.0);'])).toBe(
      'Error (line 2): ReferenceError: notAFunction is not defined',
    );
    expect(await shown(['const a = [1.0];\nconst n = 3;\nn(1.0);'])).toBe(
      'Error (line 3): TypeError: n is not a function',
    );
    // A syntax error's column is counted in the source as written.
    expect(await shown(['const a = [1.0, 2.0]; const = 2;'])).toBe(
      'Error (line 1, column 29): SyntaxError: Unexpected token',
    );
    expect(
      await shown([
        "import { binaryCrossEntropy, tensor } from '@loss';\nconst p = tensor([0.9, 0.2]);\nbinaryCrossEntropy(p, tensor([1, 0]));",
      ]),
    ).toMatch(/^Error \(line 3\): Found dtype Long but expected Float/);
  });
});

describe('floatArgs', () => {
  test('gives the variant of a function that has one, else the function itself', () => {
    const plain = (x: number) => x;
    expect(floatArgs(plain, [0], 'plain')).toBe(plain);
    expect(floatArgs(loss.tensor, [1], 'tensor')).toBe(loss.tensor);
    const variant = floatArgs(loss.tensor, [0], 'tensor') as typeof loss.tensor;
    expect(variant).not.toBe(loss.tensor);
    expect(variant(1).dtype).toBe('float32');
    expect(variant(1, { dtype: 'int64' }).dtype).toBe('int64');
  });

  test('a callee that is not a function throws the plain call TypeError when called', () => {
    const call = floatArgs(3, [0], 'n') as () => unknown;
    expect(call).toThrow(new TypeError('n is not a function'));
  });
});
