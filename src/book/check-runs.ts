/**
 * The checks of a lesson that need its code to run: every ```ts run cell prints its
 * ```output fence (and throws only when flagged `throws`, and finishes in time), every
 * exercise's solution passes its checks and its starter does not. The same rules as
 * the doc-tests (tests/cells/doctest.test.ts, tests/exercise/exercises.test.ts), run
 * by the build before Astro starts (./astro-integration.ts) so that a wrong lesson
 * stops `npm run build` with `file:line: what to do`, not a stack trace.
 */
import { readFileSync } from 'node:fs';
import { normalizeOutput, readChapterCells } from '../cells/chapter-cells.ts';
import { runCellsNode } from '../cells/run-node.ts';
import { readChapterExercises } from '../cells/exercise/chapter-exercises.ts';
import { runExercise, type ExerciseResult } from '../cells/exercise/run-exercise.ts';
import { nodeRunner } from '../cells/exercise/run-exercise-node.ts';
import type { BookProblem } from './validate-book.ts';

/** Run the cells and exercises of one chapter file; `file` is the path shown in messages. */
export async function checkChapterRuns(path: string, file: string): Promise<BookProblem[]> {
  const text = readFileSync(path, 'utf8');
  const problems: BookProblem[] = [];
  const cells = readChapterCells(text);
  const outcomes = cells.length
    ? await runCellsNode(
        cells.map((c) => ({ code: c.code, throws: c.flags.throws, timeout: c.flags.timeout })),
      )
    : [];
  // The first cell that throws unexpectedly: later cells' notes about it, and the
  // exercises below it, are not reported again.
  let brokenLine: number | null = null;
  cells.forEach((cell, i) => {
    const outcome = outcomes[i];
    const at = { file, line: cell.line };
    if (outcome.stopped) {
      problems.push({
        ...at,
        message: `this cell was stopped by its time limit (${cell.flags.timeout / 1000} s): make it faster, or give it more time with \`\`\`ts run timeout=<ms>`,
      });
      return;
    }
    if (outcome.threw && !cell.flags.throws) {
      const error = outcome.text.split('\n').find((l) => l.startsWith('Error')) ?? outcome.text;
      problems.push({
        ...at,
        message: `this cell throws (${error}): fix the cell, or mark it \`\`\`ts run throws if the error is the point`,
      });
      brokenLine ??= cell.line;
      return;
    }
    if (!outcome.threw && cell.flags.throws) {
      problems.push({
        ...at,
        message:
          'this cell is marked `throws` but does not throw: remove `throws` from its fence, or fix the cell',
      });
      return;
    }
    const shown =
      brokenLine === null
        ? outcome.text
        : outcome.text
            .split('\n')
            .filter((l) => !/^Note: cell \d+ above failed: /.test(l))
            .join('\n');
    const got = normalizeOutput(shown);
    const want = normalizeOutput(cell.output?.text ?? '');
    if (got !== want) {
      problems.push({ ...at, message: fenceMismatch(cell.output?.line ?? null, want, got) });
    }
  });

  for (const exercise of readChapterExercises(text).exercises) {
    if (brokenLine !== null && brokenLine < exercise.line) continue;
    const at = { file, line: exercise.line };
    const [started, solved] = await Promise.all([
      runExercise(exercise.spec, exercise.starter, nodeRunner),
      exercise.solution === null ? null : runExercise(exercise.spec, exercise.solution, nodeRunner),
    ]);
    if (solved && !solved.passed) {
      problems.push({
        ...at,
        message: `the solution of this exercise does not pass its checks (${failures(solved)}): fix the solution or the checks`,
      });
    }
    if (started.checks.length > 0 && started.passed) {
      problems.push({
        ...at,
        message:
          'the starter of this exercise already passes every check: give the reader something to do, or make the checks stricter',
      });
    }
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
  return `this cell prints something other than its output fence (line ${fenceLine}): ${firstDifference(want, got)}; run \`npm run record\` to update the output fence, or fix the cell`;
}

/** A line of output for a message: quoted, and cut at 80 characters. */
function show(s: string | undefined): string {
  return s === undefined ? 'nothing' : JSON.stringify(s.length > 80 ? `${s.slice(0, 77)}...` : s);
}

/** Where two outputs first differ, as `output line k: expected "…", got "…"`. */
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
