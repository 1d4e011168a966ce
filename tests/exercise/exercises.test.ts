/**
 * Exercise doc-tests: every exercise of every chapter in content/ is well-formed, its
 * solution passes all of its checks, and its starter fails at least one (otherwise the
 * reader would have nothing to do). Each runs in Node with the same worker core as the
 * browser. A failure names the file and line of the exercise fence.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readChapterExercises } from '../../src/cells/exercise/chapter-exercises.ts';
import { runExercise, type ExerciseResult } from '../../src/cells/exercise/run-exercise.ts';
import { nodeRunner } from '../../src/cells/exercise/run-exercise-node.ts';

const CONTENT = join(import.meta.dirname, '../../content');
const files = readdirSync(CONTENT)
  .filter((f) => f.endsWith('.mdx'))
  .sort();

/** The result as lines for a failure message. */
function describeResult(r: ExerciseResult): string {
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
  const { exercises, problems } = readChapterExercises(readFileSync(path, 'utf8'));

  describe(shown, () => {
    test('exercises are well-formed', () => {
      expect(problems.map((p) => `${shown}:${p.line}: ${p.message}`)).toEqual([]);
    });

    for (const exercise of exercises) {
      const where = `${shown}:${exercise.line} (exercise ${exercise.index + 1})`;

      test(`exercise ${exercise.index + 1} (${shown}:${exercise.line}): the solution passes every check`, async () => {
        const result = await runExercise(exercise.spec, exercise.solution ?? '', nodeRunner);
        expect(result.checks.length, `${where}: no check ran\n${describeResult(result)}`).toBeGreaterThan(0);
        expect(
          result.passed,
          `${where}: the solution does not pass its checks; fix the solution or the checks\n${describeResult(result)}`,
        ).toBe(true);
      }, 60_000);

      test(`exercise ${exercise.index + 1} (${shown}:${exercise.line}): the starter fails a check`, async () => {
        const result = await runExercise(exercise.spec, exercise.starter, nodeRunner);
        expect(
          result.checks.length,
          `${where}: no check ran on the starter\n${describeResult(result)}`,
        ).toBeGreaterThan(0);
        expect(
          result.checks.some((c) => !c.passed),
          `${where}: the starter already passes every check; give the reader something to do\n${describeResult(result)}`,
        ).toBe(true);
      }, 60_000);
    }
  });
}
