/**
 * Runs an exercise: the chapter's ```ts run cells above it (as written), then the
 * reader's code, then each check fence, as one notebook run; and turns the run into what
 * the learner reads: each check passed or not, what their code printed, and anything
 * else that went wrong ("line 2 of your code: ...", "stopped after 5 s ..."), in plain
 * words. The runner is injected: the page passes the browser's worker session, Node
 * (build, doc-tests) a child process (./run-exercise-node.ts).
 *
 * Check results travel as marked console lines of the check cells (./report.ts): the
 * first line of each check fence is prefixed, on the same line so line numbers hold,
 * with a call that points '@exercise' at that cell's console.
 */
import type { CellRun } from '../notebook.ts';
import { INTERRUPTED } from '../session.ts';
import { decodeCheck, type CheckResult } from './report.ts';

/** A ```ts run cell of the chapter, above the exercise. */
export interface ContextCell {
  code: string;
  throws: boolean;
  timeout: number;
}

export interface ExerciseSpec {
  /** The chapter's run cells above the exercise, in order, as written. */
  context: ContextCell[];
  /** The sources of the check fences. */
  checks: string[];
  /** Time limit of the reader's code and of each check fence, in ms. */
  timeout: number;
}

/** How a run ended, as a session reports it (src/cells/session.ts). */
export interface RunOutcome {
  runs: CellRun[];
  stop?: { cell: number; timeoutMs: number };
  failure?: string;
}

/** Runs cell sources with per-cell time limits (a fresh notebook run). */
export type CellRunner = (sources: string[], timeouts: number[]) => Promise<RunOutcome>;

export interface ExerciseResult {
  /** Every check that ran, in order. */
  checks: CheckResult[];
  /** What the reader's code printed (also when called from the checks). */
  output: string[];
  /** Anything else that went wrong, in the learner's words. */
  problems: string[];
  /** Every check passed and nothing else went wrong. */
  passed: boolean;
}

/** The line put in front of each check fence's first line. */
export const CHECK_PRELUDE = "require('@exercise').__attach(console);";

/** The sources and time limits of one exercise run. */
export function exerciseProgram(spec: ExerciseSpec, code: string): { sources: string[]; timeouts: number[] } {
  return {
    sources: [...spec.context.map((c) => c.code), code, ...spec.checks.map((c) => CHECK_PRELUDE + c)],
    timeouts: [...spec.context.map((c) => c.timeout), spec.timeout, ...spec.checks.map(() => spec.timeout)],
  };
}

export async function runExercise(
  spec: ExerciseSpec,
  code: string,
  runner: CellRunner,
): Promise<ExerciseResult> {
  const { sources, timeouts } = exerciseProgram(spec, code);
  return interpretRun(spec, await runner(sources, timeouts));
}

/** What a finished run means for the learner. */
export function interpretRun(spec: ExerciseSpec, outcome: RunOutcome): ExerciseResult {
  const reader = spec.context.length;
  const checks: CheckResult[] = [];
  const output: string[] = [];
  const problems: string[] = [];
  if (outcome.failure === INTERRUPTED) {
    problems.push(
      'Interrupted: another run on this page was stopped, and the code runner it shared with this exercise was restarted. Press Check again.',
    );
  } else if (outcome.failure) {
    problems.push(
      `The code runner failed (${outcome.failure}). Try Check again; if it keeps failing, reload the page.`,
    );
  }

  spec.context.forEach((cell, k) => {
    const error = outcome.runs[k]?.error;
    if (error && !cell.throws) {
      problems.push(
        `Cell ${k + 1} of the chapter, which this exercise builds on, failed: ${error.message}. This is a bug in the lesson, not in your code.`,
      );
    }
  });

  const mine = outcome.runs[reader];
  if (mine) {
    output.push(...mine.lines);
    if (mine.error) {
      const where = mine.error.line !== null ? `Line ${mine.error.line} of your code` : 'Your code';
      problems.push(`${where}: ${mine.error.message}`);
    }
  }

  spec.checks.forEach((_, j) => {
    const run = outcome.runs[reader + 1 + j];
    if (!run) return;
    for (const line of run.lines) {
      const result = decodeCheck(line);
      if (result) checks.push(result);
      else output.push(line);
    }
    if (run.error)
      checks.push({
        name: 'the checks ran to the end',
        passed: false,
        message: checkCellMessage(run.error.message),
      });
  });

  if (outcome.stop) {
    const s = Math.round(outcome.stop.timeoutMs / 100) / 10;
    if (outcome.stop.cell === reader) {
      problems.push(`Your code was stopped after ${s} s: is there a loop that never ends?`);
    } else if (outcome.stop.cell > reader) {
      problems.push(
        `The checks were stopped after ${s} s while calling your code: is there a loop that never ends?`,
      );
    } else {
      problems.push(
        `Cell ${outcome.stop.cell + 1} of the chapter was stopped after ${s} s. This is a bug in the lesson, not in your code.`,
      );
    }
  }

  const ranChecks = outcome.runs.slice(reader + 1).some((r) => r.ran);
  if (checks.length === 0 && ranChecks && !outcome.stop && !outcome.failure) {
    problems.push(
      "No check ran: the exercise's check fence must call check(...) from '@exercise'. This is a bug in the lesson.",
    );
  }
  const passed = checks.length > 0 && checks.every((c) => c.passed) && problems.length === 0;
  return { checks, output, problems, passed };
}

/** An error that ended a check fence outside any check(...), for the learner. */
function checkCellMessage(message: string): string {
  const plain = message.replace(/^CheckFailure: /, '');
  const missing = /^ReferenceError: (\S+) is not defined/.exec(plain);
  if (missing) return `the checks could not find \`${missing[1]}\`: keep the names the starter code defines`;
  return plain === message && /^\w*Error: /.test(message)
    ? `the checks stopped with an error: ${message}`
    : plain;
}

/** The one line above the checks that sums up a result ("3 of 4 checks pass. ..."). */
export function summaryOf(r: ExerciseResult): string {
  const total = r.checks.length;
  const passed = r.checks.filter((c) => c.passed).length;
  if (total === 0) return 'The checks could not run. See below.';
  if (total === 1)
    return r.passed ? 'The check passes. Well done!' : 'The check does not pass yet: read the message below.';
  return r.passed
    ? `All ${total} checks pass. Well done!`
    : `${passed} of ${total} checks pass. Not there yet: read the messages below.`;
}
