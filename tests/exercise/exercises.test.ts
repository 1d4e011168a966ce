/**
 * Exercise doc-tests: every exercise of every chapter in content/ is well-formed, its
 * solution passes all of its checks, and its starter runs them and fails at least one
 * (otherwise the reader would have nothing to do). The verdicts are those of the
 * chapter's run (src/lesson/run-cache.ts), the one the build makes, and a failure is the
 * build's message (src/lesson/lesson-problems.ts), `file:line: problem: what to do`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { readChapterExercises } from '../../src/cells/exercise/chapter-exercises.ts';
import type { ExerciseResult } from '../../src/cells/exercise/run-exercise.ts';
import { chapterRun } from '../../src/lesson/run-cache.ts';
import type { ChapterRun } from '../../src/lesson/run-chapter.ts';

const CONTENT = join(import.meta.dirname, '../../content');
const files = readdirSync(CONTENT)
  .filter((f) => f.endsWith('.mdx'))
  .sort();

/** A result as lines, to go with a failure message. */
function describeResult(r: ExerciseResult | null | undefined): string {
  if (!r) return '  (no run)';
  return [
    ...r.problems.map((p) => `  problem: ${p}`),
    ...r.checks.map((c) => `  ${c.passed ? 'pass' : 'FAIL'}: ${c.name}${c.message ? ` — ${c.message}` : ''}`),
    ...(r.output.length ? [`  printed: ${r.output.join(' | ')}`] : []),
  ].join('\n');
}

test('every chapter has at least one exercise', () => {
  const without = files.filter(
    (f) => readChapterExercises(readFileSync(join(CONTENT, f), 'utf8')).exercises.length === 0,
  );
  expect(without, 'chapters without an exercise').toEqual([]);
});

for (const file of files) {
  const path = join(CONTENT, file);
  const shown = relative(process.cwd(), path);
  const source = readFileSync(path, 'utf8');
  const { exercises, problems } = readChapterExercises(source);

  describe(shown, () => {
    let run: ChapterRun;
    beforeAll(async () => {
      run = await chapterRun(source);
    }, 120_000);

    test('exercises are well-formed', () => {
      expect(problems.map((p) => `${shown}:${p.line}: ${p.message}`)).toEqual([]);
    });

    for (const exercise of exercises) {
      const title = `exercise ${exercise.index + 1} (${shown}:${exercise.line})`;
      const problemsOf = (kinds: string[]) =>
        run.problems
          .filter((p) => p.line === exercise.line && kinds.includes(p.kind))
          .map((p) => `${shown}:${p.line}: ${p.message}`);

      test(`${title}: the solution passes every check`, () => {
        const result = run.exercises[exercise.index].solution;
        expect(problemsOf(['solution-fails']), describeResult(result)).toEqual([]);
        expect(result?.passed, describeResult(result)).toBe(true);
      });

      test(`${title}: the starter runs the checks and fails one`, () => {
        const result = run.exercises[exercise.index].starter;
        expect(problemsOf(['starter-passes', 'starter-skips-checks']), describeResult(result)).toEqual([]);
      });
    }
  });
}
