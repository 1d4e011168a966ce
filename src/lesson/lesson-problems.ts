/**
 * The lesson rules: what, in a chapter's run, is a problem for its author, decided here
 * once and worded once, as `problem: what to do`. The build (src/book/astro-integration.ts),
 * the doc-tests and `npm run record` report these same problems, as `file:line: message`.
 *
 * - A ```ts run cell prints its ```output fence (up to trailing spaces and blank lines).
 * - It throws only when its fence says `throws`, and then it must throw.
 * - It finishes within its time limit.
 * - An exercise's solution passes all its checks; its starter runs them (the page lists
 *   the checks by the names that run reports) and does not pass them all.
 * After the first cell that throws unexpectedly, the notes of later cells about it, and
 * the exercises below it, are not reported again: they would only repeat it.
 */
import { normalizeOutput, type ChapterCell } from '../cells/chapter-cells.ts';
import type { ExerciseResult } from '../cells/exercise/run-exercise.ts';
import { outputText } from '../cells/output-parts.ts';
import type { CellRunResult, ExerciseRunResult, RunnableChapter } from './run-chapter.ts';

/** What kind of problem: lets a tool pick (e.g. `record` fixes output fences itself). */
export type LessonProblemKind =
  | 'output-fence'
  | 'throws'
  | 'does-not-throw'
  | 'stopped'
  | 'solution-fails'
  | 'starter-passes'
  | 'starter-skips-checks';

export interface LessonProblem {
  kind: LessonProblemKind;
  /** 1-based line of the cell's or exercise's fence. */
  line: number;
  /** `what is wrong: what to do`. */
  message: string;
}

export function lessonProblems(
  chapter: RunnableChapter,
  cells: readonly CellRunResult[],
  exercises: readonly ExerciseRunResult[],
): LessonProblem[] {
  const problems: LessonProblem[] = [];
  let brokenLine: number | null = null;
  chapter.cells.forEach((cell, i) => {
    const problem = cellProblem(cell, cells[i], brokenLine !== null);
    if (problem) problems.push(problem);
    if (problem?.kind === 'throws') brokenLine ??= cell.line;
  });
  for (const exercise of exercises) {
    if (brokenLine !== null && brokenLine < exercise.line) continue;
    problems.push(...exerciseProblems(exercise));
  }
  return problems;
}

function cellProblem(cell: ChapterCell, ran: CellRunResult, afterBroken: boolean): LessonProblem | null {
  const { status } = ran.output;
  const text = outputText(ran.output);
  const at = (kind: LessonProblemKind, message: string): LessonProblem => ({
    kind,
    line: cell.line,
    message,
  });
  if (status === 'stopped') {
    return at(
      'stopped',
      `this cell was stopped by its time limit (${cell.flags.timeout / 1000} s): make it faster, or give it more time with \`\`\`ts run timeout=<ms>`,
    );
  }
  if (status === 'error' && !cell.flags.throws) {
    const error = text.split('\n').find((l) => l.startsWith('Error')) ?? text;
    return at(
      'throws',
      `this cell throws (${error}): fix the cell, or mark it \`\`\`ts run throws if the error is the point`,
    );
  }
  if (status !== 'error' && cell.flags.throws) {
    return at(
      'does-not-throw',
      'this cell is marked `throws` but does not throw: remove `throws` from its fence, or fix the cell',
    );
  }
  const shown = afterBroken
    ? text
        .split('\n')
        .filter((l) => !/^Note: cell \d+ above failed: /.test(l))
        .join('\n')
    : text;
  const got = normalizeOutput(shown);
  const want = normalizeOutput(cell.output?.text ?? '');
  return got === want ? null : at('output-fence', fenceMismatch(cell.output?.line ?? null, want, got));
}

function exerciseProblems({ line, starter, solution }: ExerciseRunResult): LessonProblem[] {
  const problems: LessonProblem[] = [];
  if (solution && !solution.passed) {
    problems.push({
      kind: 'solution-fails',
      line,
      message: `the solution of this exercise does not pass its checks (${failures(solution)}): fix the solution or the checks`,
    });
  }
  if (starter.checks.length === 0) {
    problems.push({
      kind: 'starter-skips-checks',
      line,
      message: `no check ran on the starter of this exercise (${failures(starter)}): the page lists the checks from that run, so make the starter run to the end, e.g. with a function that returns a placeholder`,
    });
  } else if (starter.passed) {
    problems.push({
      kind: 'starter-passes',
      line,
      message:
        'the starter of this exercise already passes every check: give the reader something to do, or make the checks stricter',
    });
  }
  return problems;
}

/**
 * What is wrong with a cell's output fence (at fenceLine, or none), in words that fit the
 * case: no fence, an empty fence, or a fence with other text than the cell prints.
 */
function fenceMismatch(fenceLine: number | null, want: string, got: string): string {
  const record = 'run `npm run record` to record the output fence, or fix the cell';
  if (fenceLine === null) {
    return `this cell prints output but has no \`\`\`output fence after it (it prints ${show(got.split('\n')[0])}): ${record}`;
  }
  if (want === '') {
    return `this cell prints output but its output fence (line ${fenceLine}) is empty (it prints ${show(got.split('\n')[0])}): ${record}`;
  }
  if (got === '') {
    return `this cell prints nothing but has an output fence (line ${fenceLine}): run \`npm run record\` to remove the output fence, or fix the cell`;
  }
  return `this cell prints something other than its output fence (line ${fenceLine}): ${firstDifference(want, got)}; run \`npm run record\` to update the output fence, or fix the cell`;
}

/** A line of output for a message: quoted, and cut at 80 characters. */
function show(s: string | undefined): string {
  return s === undefined ? 'nothing' : JSON.stringify(s.length > 80 ? `${s.slice(0, 77)}...` : s);
}

/** Where two outputs first differ, as `output line k: the fence has "…", the cell prints "…"`. */
export function firstDifference(want: string, got: string): string {
  const a = want.split('\n');
  const b = got.split('\n');
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    if (a[k] !== b[k]) {
      return `output line ${k + 1}: the fence has ${show(a[k])}, the cell prints ${show(b[k])}`;
    }
  }
  return 'they differ';
}

function failures(r: ExerciseResult): string {
  const failed = r.checks.filter((c) => !c.passed).map((c) => `"${c.name}": ${c.message}`);
  return [...r.problems, ...failed].join('; ') || 'no check ran';
}
