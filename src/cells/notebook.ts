/**
 * The notebook core: turns the cells of a chapter into one program and runs it, giving
 * each cell its own console output and error. Shared by the Node runner (build,
 * doc-tests, record script) and the browser worker; neither adds semantics of its own.
 *
 * Semantics
 * - A chapter is a notebook: cell k sees the top-level declarations of cells 0..k-1
 *   (imports, const/let, functions, classes), as their sources stand now.
 * - Running cell i runs cells 0..i from scratch, in order, as one program. An error in
 *   one cell ends that cell only: later cells still run (like a notebook whose cells
 *   were run one by one). Top-level `await` works.
 *
 * How (line numbers are preserved at every step, so errors map back to cell lines)
 * 1. Each cell is parsed alone with sucrase's parser. A cell that does not parse gets a
 *    syntax error and is replaced by blank lines.
 * 2. Top-level `const`/`let` become `var`, so they outlive the cell's try block below
 *    and a later cell may declare the same name again (as in a notebook). Top-level
 *    functions and classes are copied to function-level bindings by `__nb_set`.
 *    Arrays and calls written with float literals (`[1.0, 0]`, `tensor(1.0)`) are marked so
 *    that the loss module reads them as PyTorch does (./float-literals.ts).
 * 3. The cells are joined below one header line and transpiled once by sucrase
 *    (`typescript` + `imports`: imports become `require('@loss')`, answered by the host).
 * 4. Each cell's lines are wrapped in `__nb_cell(k);try{ ... }catch(e){__nb_fail(e)}`,
 *    the `try{` and `}catch` going at the start of lines that already exist.
 * 5. The body becomes an async function compiled by the host with the file name
 *    `notebook.ts`; an error's stack frame `notebook.ts:L:C` maps back to (cell, line).
 */
import { formatLogArgs } from './format-output.ts';
import { FLOAT_ARGS, FLOAT_ARRAY, floatArgs, floatArray, floatLiteralEdits } from './float-literals.ts';

/** The file name the program is compiled under; stack frames name it. */
export const PROGRAM_FILE = 'notebook.ts';

/** The parts of sucrase the core needs (injected: Node and the browser load different builds). */
export interface Transpiler {
  transform(
    code: string,
    options: { transforms: ('typescript' | 'imports')[]; filePath?: string },
  ): { code: string };
  parse(
    code: string,
    isJSXEnabled: boolean,
    isTypeScriptEnabled: boolean,
    isFlowEnabled: boolean,
  ): {
    tokens: ArrayLike<ParserToken>;
  };
}

/** The fields of a sucrase parser token that the rewrite reads. */
export interface ParserToken {
  start: number;
  end: number;
  scopeDepth: number;
  isType: boolean;
  contextId: number | null;
  isExpression: boolean;
  identifierRole: number | null;
  subscriptStartIndex: number | null;
}

/** An error of one cell; `line` is 1-based within the cell, null when unknown. */
export interface CellError {
  message: string;
  line: number | null;
  /** 1-based column within the line (syntax errors only). */
  column?: number;
}

/** What one cell did during a run. */
export interface CellRun {
  /** Whether the run reached this cell. */
  ran: boolean;
  /** The console lines (a multi-line value counts as one entry). */
  lines: string[];
  /** Lines dropped by the output cap. */
  droppedLines: number;
  error: CellError | null;
}

export interface PreparedProgram {
  /** `(async function (...) { body })`, ready for the host to compile. */
  source: string;
  /** First program line (1-based) of each cell. */
  startLines: number[];
  /** Number of lines of each cell. */
  lineCounts: number[];
  /** Syntax errors found before running, by cell index. */
  syntaxErrors: Map<number, CellError>;
}

/** The parameters of the compiled function, in order. */
export const PROGRAM_PARAMS = [
  'require',
  'exports',
  'console',
  '__nb_cell',
  '__nb_fail',
  FLOAT_ARRAY,
  FLOAT_ARGS,
] as const;

/** Per-cell output cap: beyond it lines are counted, not kept (nor formatted, nor posted). */
export const OUTPUT_CAP = { maxLines: 1000, maxChars: 100_000 };

/** Build the program that runs `sources` (cells 0..n-1) in order. */
export function prepareProgram(sources: readonly string[], tp: Transpiler): PreparedProgram {
  const syntaxErrors = new Map<number, CellError>();
  const lineCounts = sources.map((s) => s.split('\n').length);
  const rewritten: string[] = [];
  const functions: string[][] = [];
  const classes: string[][] = [];
  sources.forEach((src, k) => {
    try {
      const cell = rewriteTopLevel(src, tp);
      rewritten.push(cell.code);
      functions.push(cell.functions);
      classes.push(cell.classes);
    } catch (e) {
      syntaxErrors.set(k, syntaxErrorOf(e));
      rewritten.push(blankLines(lineCounts[k]));
      functions.push([]);
      classes.push([]);
    }
  });

  const startLines: number[] = [];
  let line = 2; // line 1 is the header
  for (const n of lineCounts) {
    startLines.push(line);
    line += n;
  }

  // One transform for the whole program; a cell that breaks it (rare: each cell parsed
  // alone) is blanked and reported, and the transform retried.
  let js: string;
  for (;;) {
    try {
      js = tp.transform('\n' + rewritten.join('\n'), {
        transforms: ['typescript', 'imports'],
        filePath: PROGRAM_FILE,
      }).code;
      break;
    } catch (e) {
      const err = syntaxErrorOf(e);
      const k = cellOfLine(startLines, lineCounts, err.line ?? -1);
      if (k === null || syntaxErrors.has(k)) throw e;
      syntaxErrors.set(k, { ...err, line: (err.line ?? 0) - startLines[k] + 1 });
      rewritten[k] = blankLines(lineCounts[k]);
      functions[k] = [];
      classes[k] = [];
    }
  }

  const jsLines = js.split('\n');
  const expected = 1 + lineCounts.reduce((a, b) => a + b, 0);
  if (jsLines.length !== expected) {
    throw new Error(`internal: transpiled notebook has ${jsLines.length} lines, expected ${expected}`);
  }
  const allNames = [...new Set([...functions.flat(), ...classes.flat()])];
  const setters = allNames.map((n) => `${n}(v){${n}=v}`).join(',');
  let header = jsLines[0].replace(/^"use strict";/, '');
  header = `"use strict";${allNames.length ? `var ${allNames.join(',')};` : ''}const __nb_set={${setters}};${header}`;
  jsLines[0] = header;
  sources.forEach((_, k) => {
    const i = startLines[k] - 1;
    const close = k > 0 ? '}catch(__nb_e){__nb_fail(__nb_e)}' : '';
    // Function declarations are hoisted to the start of their block: copy them out there.
    const copies = functions[k].map((n) => `__nb_set.${n}(${n});`).join('');
    jsLines[i] = `${close}__nb_cell(${k});try{${copies}${jsLines[i]}`;
  });
  if (sources.length > 0) jsLines.push('}catch(__nb_e){__nb_fail(__nb_e)}');
  const source = `(async function (${PROGRAM_PARAMS.join(', ')}) {${jsLines.join('\n')}\n})`;
  return { source, startLines, lineCounts, syntaxErrors };
}

/**
 * Rewrite one cell's top-level declarations so they survive its try block:
 * `const`/`let` -> `var`; functions are listed (copied out at block start, see above);
 * a class gets `;__nb_set.X(X);` after its closing brace. Float literals keep PyTorch's
 * reading (./float-literals.ts). Throws the parser's error when the cell does not parse.
 */
export function rewriteTopLevel(
  src: string,
  tp: Transpiler,
): { code: string; functions: string[]; classes: string[] } {
  const tokens = Array.from(tp.parse(src, false, true, false).tokens);
  const text = (t: ParserToken | undefined) => (t ? src.slice(t.start, t.end) : '');
  const edits = floatLiteralEdits(src, tokens, tp);
  const functions: string[] = [];
  const classes: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.scopeDepth !== 0 || t.isType) continue;
    const word = text(t);
    const next = tokens[i + 1];
    if (
      (word === 'const' || word === 'let') &&
      next &&
      next.scopeDepth === 0 &&
      !next.isType &&
      text(next) !== 'enum' &&
      /^[A-Za-z_$[{]/.test(text(next))
    ) {
      edits.push({ at: t.start, end: t.end, insert: 'var' });
    } else if (word === 'function') {
      let j = i + 1;
      if (text(tokens[j]) === '*') j++;
      const name = tokens[j];
      if (name && name.scopeDepth === 0 && /^[A-Za-z_$][\w$]*$/.test(text(name))) {
        functions.push(text(name));
      }
    } else if (word === 'class' && !t.isExpression && t.contextId !== null) {
      const name = tokens[i + 1];
      if (!name || !/^[A-Za-z_$][\w$]*$/.test(text(name))) continue;
      let close = -1;
      for (let j = tokens.length - 1; j > i; j--) {
        if (tokens[j].contextId === t.contextId) {
          close = j;
          break;
        }
      }
      if (close < 0) continue;
      classes.push(text(name));
      edits.push({
        at: tokens[close].end,
        end: tokens[close].end,
        insert: `;__nb_set.${text(name)}(${text(name)});`,
      });
    }
  }
  let code = src;
  for (const e of edits.sort((a, b) => b.at - a.at))
    code = code.slice(0, e.at) + e.insert + code.slice(e.end);
  return { code, functions, classes };
}

function blankLines(n: number): string {
  return '\n'.repeat(n - 1);
}

/** The error sucrase throws, as a cell error: "Unexpected token (3:5)" -> line 3, column 5 (both 1-based). */
function syntaxErrorOf(e: unknown): CellError {
  const raw = e instanceof Error ? e.message : String(e);
  const loc = (e as { loc?: { line?: number; column?: number } }).loc;
  const m = /\((\d+):(\d+)\)\s*$/.exec(raw);
  const line = loc?.line ?? (m ? Number(m[1]) : null);
  const column = loc?.column ?? (m ? Number(m[2]) : null);
  const message = raw.replace(/^Error transforming [^:]*: /, '').replace(/\s*\(\d+:\d+\)\s*$/, '');
  const error: CellError = { message: `SyntaxError: ${message}`, line };
  if (column !== null && line !== null) error.column = column;
  return error;
}

/** The cell holding program line `line`, or null (header, trailer). */
export function cellOfLine(
  startLines: readonly number[],
  lineCounts: readonly number[],
  line: number,
): number | null {
  for (let k = 0; k < startLines.length; k++) {
    if (line >= startLines[k] && line < startLines[k] + lineCounts[k]) return k;
  }
  return null;
}

/** What a host provides to run a prepared program. */
export interface ProgramHost {
  /** Answers `require(...)` of the cells, i.e. their imports. */
  require(specifier: string): unknown;
  /** Compile `source` (an async function expression) as PROGRAM_FILE and call it with `args`. */
  invoke(source: string, args: unknown[]): Promise<unknown>;
  /** Called when the run enters cell k. */
  onCell?(k: number): void;
  /** Called with each output line of cell k as it is printed. */
  onOutput?(k: number, line: string): void;
}

/**
 * Run a prepared program. Resolves with one CellRun per cell; a cell the run did not
 * reach (the host stopped it) keeps `ran: false`. `runs` may be passed in so the host
 * can read partial results if it abandons the run.
 */
export async function runProgram(
  program: PreparedProgram,
  host: ProgramHost,
  runs: CellRun[] = emptyRuns(program.startLines.length),
): Promise<CellRun[]> {
  let current = -1;
  const chars = new Array<number>(runs.length).fill(0);
  const cellConsole = makeConsole(
    () => {
      // Past the cap, count the call without formatting its arguments.
      const run = runs[current];
      if (!run) return false;
      if (run.lines.length >= OUTPUT_CAP.maxLines || chars[current] >= OUTPUT_CAP.maxChars) {
        run.droppedLines += 1;
        return false;
      }
      return true;
    },
    (line) => {
      const run = runs[current];
      if (chars[current] + line.length > OUTPUT_CAP.maxChars) {
        run.droppedLines += 1;
        chars[current] = OUTPUT_CAP.maxChars;
        return;
      }
      chars[current] += line.length + 1;
      run.lines.push(line);
      host.onOutput?.(current, line);
    },
  );
  const enter = (k: number) => {
    current = k;
    runs[k].ran = true;
    host.onCell?.(k);
    const syntax = program.syntaxErrors.get(k);
    if (syntax) runs[k].error = syntax;
  };
  const fail = (e: unknown) => {
    if (current < 0) return;
    runs[current].error = errorOf(e, program, current);
  };
  const requireModule = (specifier: string) => host.require(specifier);
  const previousLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = Math.max(previousLimit ?? 10, 100);
  try {
    await host.invoke(program.source, [requireModule, {}, cellConsole, enter, fail, floatArray, floatArgs]);
  } finally {
    Error.stackTraceLimit = previousLimit;
  }
  return runs;
}

export function emptyRuns(n: number): CellRun[] {
  return Array.from({ length: n }, () => ({ ran: false, lines: [], droppedLines: 0, error: null }));
}

/** The console a cell sees: every method prints one formatted line to the cell (if `accepts`). */
function makeConsole(accepts: () => boolean, print: (line: string) => void): Console {
  const log = (...args: unknown[]) => {
    if (accepts()) print(formatLogArgs(args));
  };
  const noop = () => {};
  return {
    log,
    info: log,
    warn: log,
    error: log,
    debug: log,
    dir: (v: unknown) => log(v),
    trace: log,
    table: (v: unknown) => log(v),
    assert: (ok: unknown, ...args: unknown[]) => {
      if (!ok) log('Assertion failed', ...args);
    },
    group: log,
    groupCollapsed: log,
    groupEnd: noop,
    time: noop,
    timeEnd: noop,
    timeLog: noop,
    count: noop,
    countReset: noop,
    clear: noop,
  } as unknown as Console;
}

/** A thrown value as a cell error, its line taken from the first stack frame in cell k. */
export function errorOf(
  e: unknown,
  program: Pick<PreparedProgram, 'startLines' | 'lineCounts'>,
  k: number,
): CellError {
  const message = e instanceof Error ? e.message : formatLogArgs([e]);
  const stack = e instanceof Error && typeof e.stack === 'string' ? e.stack : '';
  const frame = new RegExp(`${PROGRAM_FILE.replace('.', '\\.')}:(\\d+):(\\d+)`, 'g');
  let line: number | null = null;
  for (const m of stack.matchAll(frame)) {
    const programLine = Number(m[1]);
    if (cellOfLine(program.startLines, program.lineCounts, programLine) === k) {
      line = programLine - program.startLines[k] + 1;
      break;
    }
  }
  const name = e instanceof Error && e.name && e.name !== 'Error' ? `${e.name}: ` : '';
  return { message: name && !message.startsWith(name) ? `${name}${message}` : message, line };
}

/** "Error (line 3): msg", "Error (line 3, column 7): msg" (syntax), or "Error: msg" when the line is unknown. */
export function errorLine(error: CellError): string {
  if (error.line === null) return `Error: ${error.message}`;
  const where =
    error.column !== undefined ? `line ${error.line}, column ${error.column}` : `line ${error.line}`;
  return `Error (${where}): ${error.message}`;
}

/** How a run was stopped by a time limit. */
export interface RunStop {
  cell: number;
  timeoutMs: number;
  /** The worker was idle: the cell was awaiting a promise that never settled. */
  waiting?: boolean;
}

/**
 * "Stopped after 5 s (time limit)", or, when the cell was idle awaiting a promise,
 * "Stopped after 5 s (time limit): still waiting for a promise that never settled".
 */
export function stoppedLine(timeoutMs: number, waiting = false): string {
  const s = Math.round(timeoutMs / 10) / 100;
  return `Stopped after ${s} s (time limit)${waiting ? ': still waiting for a promise that never settled' : ''}`;
}

/** The line shown under a cell whose output passed OUTPUT_CAP. */
export function truncatedLine(dropped: number): string {
  const kb = Math.round(OUTPUT_CAP.maxChars / 1000);
  return `… output truncated: ${dropped} more line(s) not shown (a cell shows at most ${OUTPUT_CAP.maxLines} lines / ${kb} KB)`;
}

/** How a run of cell i ended, as the host saw it. */
export interface CellOutcome {
  /** The text shown under the cell (and compared with its output fence). */
  text: string;
  /** The cell itself threw. */
  threw: boolean;
  /** The run was stopped by the time limit (in this cell or an earlier one). */
  stopped: boolean;
}

/**
 * The text shown for cell i: its console lines, then its error line, then how the run
 * was stopped, then a note on the first earlier cell that failed without being
 * expected to (`throwsFlags[k]`), since that usually explains a later failure.
 */
export function cellOutcome(
  runs: readonly CellRun[],
  i: number,
  throwsFlags: readonly boolean[],
  stop?: RunStop,
): CellOutcome {
  const run = runs[i];
  const lines = [...run.lines];
  if (run.droppedLines > 0) lines.push(truncatedLine(run.droppedLines));
  if (run.error) lines.push(errorLine(run.error));
  if (stop) {
    lines.push(
      stop.cell === i
        ? stoppedLine(stop.timeoutMs, stop.waiting)
        : `${stoppedLine(stop.timeoutMs)} in cell ${stop.cell + 1} above`,
    );
  }
  for (let k = 0; k < i; k++) {
    const error = runs[k].error;
    if (error && !throwsFlags[k]) {
      lines.push(`Note: cell ${k + 1} above failed: ${errorLine(error)}`);
      break;
    }
  }
  return { text: lines.join('\n'), threw: run.error !== null, stopped: stop !== undefined };
}
