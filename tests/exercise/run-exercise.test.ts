/**
 * How a finished exercise run reads to the learner (interpretRun), on hand-made runs,
 * and the program an exercise run executes.
 */
import { describe, expect, it } from 'vitest';
import {
  CHECK_PRELUDE,
  exerciseProgram,
  interpretRun,
  summaryOf,
  type ExerciseSpec,
} from '../../src/cells/exercise/run-exercise.ts';
import { INTERRUPTED } from '../../src/cells/session.ts';
import { encodeCheck } from '../../src/cells/exercise/report.ts';
import type { CellRun } from '../../src/cells/notebook.ts';

const spec: ExerciseSpec = {
  context: [
    { code: 'const a = 1;', throws: false, timeout: 1000 },
    { code: 'throw 1;', throws: true, timeout: 1000 },
  ],
  checks: ["check('x', () => f());"],
  timeout: 3000,
};

function run(lines: string[] = [], error: CellRun['error'] = null, ran = true): CellRun {
  return { ran, lines, droppedLines: 0, error };
}

describe('exerciseProgram', () => {
  it('runs the context, the reader code, then each check with the prelude on its first line', () => {
    expect(exerciseProgram(spec, 'function f() {}')).toEqual({
      sources: ['const a = 1;', 'throw 1;', 'function f() {}', `${CHECK_PRELUDE}check('x', () => f());`],
      timeouts: [1000, 1000, 3000, 3000],
    });
  });
});

describe('interpretRun', () => {
  const pass = encodeCheck({ name: 'x', passed: true, message: '' });
  const failed = encodeCheck({ name: 'y', passed: false, message: 'your f is off' });

  it('collects the checks and the printed lines, and passes only when every check passes', () => {
    const r = interpretRun(spec, {
      runs: [run(), run([], { message: 'Error: 1', line: 1 }), run(['hello']), run([pass, 'from f', failed])],
    });
    expect(r).toEqual({
      checks: [
        { name: 'x', passed: true, message: '' },
        { name: 'y', passed: false, message: 'your f is off' },
      ],
      output: ['hello', 'from f'],
      problems: [],
      passed: false,
    });
    expect(interpretRun(spec, { runs: [run(), run(), run(), run([pass])] }).passed).toBe(true);
  });

  it('names the line of an error in the reader code', () => {
    const r = interpretRun(spec, {
      runs: [run(), run(), run([], { message: 'SyntaxError: Unexpected token', line: 2 }), run([failed])],
    });
    expect(r.problems).toEqual(['Line 2 of your code: SyntaxError: Unexpected token']);
    expect(r.passed).toBe(false);
  });

  it('explains an error that ended the checks outside check()', () => {
    const r = interpretRun(spec, {
      runs: [run(), run(), run(), run([pass], { message: 'ReferenceError: f is not defined', line: 1 })],
    });
    expect(r.checks[1]).toEqual({
      name: 'the checks ran to the end',
      passed: false,
      message: 'the checks could not find `f`: keep the names the starter code defines',
    });
  });

  it('says where a time limit struck, and blames the lesson for a failing context cell', () => {
    const stopped = interpretRun(spec, {
      runs: [run(), run(), run([], null, true), run([], null, false)],
      stop: { cell: 2, timeoutMs: 3000 },
    });
    expect(stopped.problems).toEqual(['Your code was stopped after 3 s: is there a loop that never ends?']);
    const broken = interpretRun(spec, {
      runs: [run([], { message: 'TypeError: x', line: 1 }), run(), run(), run([pass])],
    });
    expect(broken.problems).toEqual([
      'Cell 1 of the chapter, which this exercise builds on, failed: TypeError: x. This is a bug in the lesson, not in your code.',
    ]);
    expect(broken.passed).toBe(false);
  });

  it('tells an interrupted run from a failed runner', () => {
    const empty = [run([], null, false), run([], null, false), run([], null, false), run([], null, false)];
    const interrupted = interpretRun(spec, { runs: empty, failure: INTERRUPTED });
    expect(interrupted.problems).toEqual([
      'Interrupted: another run on this page was stopped, and the code runner it shared with this exercise was restarted. Press Check again.',
    ]);
    expect(interrupted.passed).toBe(false);
    const crashed = interpretRun(spec, { runs: empty, failure: 'the cell runner crashed: out of memory' });
    expect(crashed.problems).toEqual([
      'The code runner failed (the cell runner crashed: out of memory). Try Check again; if it keeps failing, reload the page.',
    ]);
  });

  it('fails when the check fence ran but reported nothing', () => {
    const r = interpretRun(spec, { runs: [run(), run(), run(), run()] });
    expect(r.problems).toEqual([
      "No check ran: the exercise's check fence must call check(...) from '@exercise'. This is a bug in the lesson.",
    ]);
    expect(r.passed).toBe(false);
  });
});

describe('summaryOf', () => {
  const check = (passed: boolean) => ({ name: 'c', passed, message: passed ? '' : 'no' });
  const result = (checks: ReturnType<typeof check>[], problems: string[] = []) => ({
    checks,
    output: [],
    problems,
    passed: checks.length > 0 && checks.every((c) => c.passed) && problems.length === 0,
  });

  it('counts the checks, and words a single check as one', () => {
    expect(summaryOf(result([check(true), check(false), check(true)]))).toBe(
      '2 of 3 checks pass. Not there yet: read the messages below.',
    );
    expect(summaryOf(result([check(true), check(true)]))).toBe('All 2 checks pass. Well done!');
    expect(summaryOf(result([check(true)]))).toBe('The check passes. Well done!');
    expect(summaryOf(result([check(false)]))).toBe('The check does not pass yet: read the message below.');
    expect(summaryOf(result([], ['Line 1: SyntaxError']))).toBe('The checks could not run. See below.');
  });
});
