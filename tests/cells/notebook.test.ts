/**
 * The notebook core in-process (no worker): scope across cells, line mapping of errors,
 * per-cell failures, syntax errors, top-level await, imports, output cap.
 */
import { describe, expect, test } from 'vitest';
import { transform } from 'sucrase';
import { parse } from 'sucrase/dist/parser/index.js';
import {
  cellOutcome,
  errorLine,
  OUTPUT_CAP,
  prepareProgram,
  runProgram,
  truncatedLine,
} from '../../src/cells/notebook.ts';
import type { CellRun, Transpiler } from '../../src/cells/notebook.ts';
import { evalInvoke } from '../../src/cells/worker-core.ts';

const transpiler = { transform, parse } as unknown as Transpiler;

class FakeTensor {
  constructor(readonly v: number) {}
  toString() {
    return `tensor(${this.v.toFixed(4)})`;
  }
}
const fakeLoss = { tensor: (v: number) => new FakeTensor(v), double: (x: number) => x * 2 };

async function run(sources: string[]): Promise<CellRun[]> {
  const program = prepareProgram(sources, transpiler);
  return runProgram(program, {
    require: (s) => {
      if (s === '@loss') return fakeLoss;
      throw new Error(`Cannot import '${s}'`);
    },
    invoke: evalInvoke,
  });
}

/** What the reader sees under cell i. */
async function shown(
  sources: string[],
  i = sources.length - 1,
  throwsFlags: boolean[] = [],
): Promise<string> {
  return cellOutcome(await run(sources), i, throwsFlags).text;
}

describe('scope', () => {
  test('a cell sees the imports, constants, functions and classes of the cells above', async () => {
    const text = await shown([
      "import { tensor } from '@loss';\nconst a: number = 2;",
      'function twice(x: number): number { return 2 * x; }\nclass Box { constructor(public v: number) {} }',
      'console.log(a, twice(a), new Box(5).v, tensor(a));',
    ]);
    expect(text).toBe('2 4 5 tensor(2.0000)');
  });

  test('a later cell may declare a name again, and later cells see the new value', async () => {
    expect(await shown(['const x = 1;', 'const x = 10;\nlet y = x + 1;', 'console.log(x, y);'])).toBe(
      '10 11',
    );
  });

  test('functions are hoisted within their cell', async () => {
    expect(
      await shown(['console.log(f());\nfunction f() { return "hoisted"; }', 'console.log(f());'], 0),
    ).toBe('hoisted');
    expect(
      await shown(['console.log(f());\nfunction f() { return "hoisted"; }', 'console.log(f());'], 1),
    ).toBe('hoisted');
  });

  test('destructuring, enums and block-scoped loops keep working', async () => {
    const text = await shown([
      'const [p, { q }] = [1, { q: 2 }];\nenum Color { Red, Green }\nlet s = 0;\nfor (let i = 0; i < 3; i++) { const k = i; s += k; }',
      'console.log(p, q, Color.Green, s, typeof i);',
    ]);
    expect(text).toBe('1 2 1 3 undefined');
  });

  test('each run starts from the sources it is given (an edited cell counts as edited)', async () => {
    expect(await shown(['const n = 1;', 'console.log(n);'])).toBe('1');
    expect(await shown(['const n = 41 + 1;', 'console.log(n);'])).toBe('42');
  });

  test('an import can name several exports, in any cell', async () => {
    const text = await shown([
      "import { tensor } from '@loss';",
      "import { double } from '@loss';\nconsole.log(double(3), tensor(1));",
    ]);
    expect(text).toBe('6 tensor(1.0000)');
  });
});

describe('errors', () => {
  test('a runtime error names its line within the cell', async () => {
    const runs = await run([
      'const a = 1;\nconst b = 2;',
      'console.log("before");\n\nconst o: any = null;\no.x;',
    ]);
    expect(runs[1].lines).toEqual(['before']);
    expect(runs[1].error).toEqual({
      message: "TypeError: Cannot read properties of null (reading 'x')",
      line: 4,
    });
    expect(cellOutcome(runs, 1, [false, true]).text).toBe(
      "before\nError (line 4): TypeError: Cannot read properties of null (reading 'x')",
    );
  });

  test('an Error thrown by module code is reported at the calling line, without a name prefix', async () => {
    const runs = await run([
      'function check(n: number) {\n  if (n < 0) throw new Error(`bad n: ${n}`);\n}',
      'check(1);\ncheck(-1);',
    ]);
    expect(runs[1].error).toEqual({ message: 'bad n: -1', line: 2 });
  });

  test('an error ends its cell only: later cells still run, and their output notes it', async () => {
    const runs = await run(['console.log(1);\nthrow new Error("boom");\nconsole.log(2);', 'console.log(3);']);
    expect(runs[0].lines).toEqual(['1']);
    expect(runs[1].lines).toEqual(['3']);
    expect(cellOutcome(runs, 1, [false, false]).text).toBe(
      '3\nNote: cell 1 above failed: Error (line 2): boom',
    );
    // A cell flagged `throws` is expected to fail, so no note.
    expect(cellOutcome(runs, 1, [true, false]).text).toBe('3');
  });

  test('a declaration before the error survives; one after it does not exist', async () => {
    const text = await shown([
      'const kept = 1;\nthrow new Error("stop");\nconst lost = 2;',
      'console.log(kept, typeof lost);',
    ]);
    expect(text.split('\n')[0]).toBe('1 undefined');
  });

  test('a syntax error is reported with its line, and the other cells still run', async () => {
    const runs = await run(['const a = 1;', 'const b = 2;\nconst c = (;', 'console.log(a);']);
    expect(runs[1].error?.line).toBe(2);
    expect(runs[1].error?.message).toMatch(/^SyntaxError: Unexpected token/);
    expect(runs[2].lines).toEqual(['1']);
    expect(runs[2].error).toBeNull();
  });

  test('a syntax error names line and column (1-based) in the TypeScript the reader wrote', async () => {
    // Column 12 of line 2 is the `;` after `(`; the type annotation on line 1 stays in place.
    const runs = await run(['const a: number = 1;\nconst c = (;']);
    expect(runs[0].error).toMatchObject({ line: 2, column: 12 });
    expect(errorLine(runs[0].error!)).toMatch(/^Error \(line 2, column 12\): SyntaxError: Unexpected token/);
  });

  test('throwing a non-Error value prints the value', async () => {
    const runs = await run(['throw { code: 7 };']);
    expect(runs[0].error).toEqual({ message: '{code: 7}', line: null });
    expect(cellOutcome(runs, 0, [true]).text).toBe('Error: {code: 7}');
  });

  test('importing anything but @loss fails with a clear message at the import line', async () => {
    const runs = await run(["console.log(1);\nimport { x } from 'numpy';\nconsole.log(x);"]);
    expect(runs[0].error).toEqual({ message: "Cannot import 'numpy'", line: 2 });
  });
});

describe('running', () => {
  test('top-level await works', async () => {
    expect(await shown(['const v = await Promise.resolve(5);', 'console.log(v * 2);'])).toBe('10');
  });

  test('console.log formats its arguments; other console methods print too', async () => {
    const text = await shown([
      "console.log('a', 1, [1, 2], { k: true });\nconsole.error('e');\nconsole.warn(null);",
    ]);
    expect(text).toBe('a 1 [1, 2] {k: true}\ne\nnull');
  });

  test('output beyond the cap is counted, not kept', async () => {
    const runs = await run([`for (let i = 0; i < ${OUTPUT_CAP.maxLines + 5}; i++) console.log(i);`]);
    expect(runs[0].lines.length).toBe(OUTPUT_CAP.maxLines);
    expect(runs[0].droppedLines).toBe(5);
    expect(cellOutcome(runs, 0, [false]).text.split('\n').at(-1)).toBe(truncatedLine(5));
  });

  test('a stop in an earlier cell is reported under the cell that was run', async () => {
    const runs = await run(['console.log(1);', 'console.log(2);']);
    runs[1] = { ran: false, lines: [], droppedLines: 0, error: null };
    expect(cellOutcome(runs, 1, [false, false], { cell: 0, timeoutMs: 5000 }).text).toBe(
      'Stopped after 5 s (time limit) in cell 1 above',
    );
    expect(cellOutcome(runs, 0, [false, false], { cell: 0, timeoutMs: 1500 }).text).toBe(
      '1\nStopped after 1.5 s (time limit)',
    );
  });

  test('the program keeps every cell on its own lines (line numbers are preserved)', () => {
    const program = prepareProgram(['a;\nb;', 'c;'], transpiler);
    expect(program.startLines).toEqual([2, 4]);
    expect(program.lineCounts).toEqual([2, 1]);
    const lines = program.source.split('\n');
    expect(lines[1]).toMatch(/__nb_cell\(0\);try\{a;$/);
    expect(lines[3]).toMatch(/__nb_cell\(1\);try\{c;$/);
  });
});
