/**
 * The exercises of a chapter with everything needed to run them: the run cells above
 * each one (its notebook context), its checks, starter and solution. From an mdast tree
 * (the remark plugin) or from a chapter's MDX text (the doc-tests, the validator),
 * parsed as chapter-cells.ts parses it for the cell doc-tests.
 */
import type { Root } from 'mdast';
import { parseChapter } from '../chapter-cells.ts';
import { collectCells } from '../collect-cells.ts';
import { collectExercises, type ExerciseProblem, type FoundExercise } from './collect-exercises.ts';
import type { ExerciseSpec } from './run-exercise.ts';

export interface ChapterExercise {
  /** 0-based position among the chapter's exercises. */
  index: number;
  /** 1-based line of the ```ts exercise fence. */
  line: number;
  starter: string;
  solution: string | null;
  spec: ExerciseSpec;
  found: FoundExercise;
}

/** The exercises of a tree, each with the run cells above it as its context. */
export function treeExercises(tree: Root): { exercises: ChapterExercise[]; problems: ExerciseProblem[] } {
  const cells = collectCells(tree);
  const { exercises, problems } = collectExercises(tree);
  return {
    problems,
    exercises: exercises.map((found, index) => {
      const at = found.starter.position?.start.offset ?? 0;
      const context = cells
        .filter((c) => (c.code.position?.start.offset ?? 0) < at)
        .map((c) => ({ code: c.code.value, throws: c.flags.throws, timeout: c.flags.timeout }));
      return {
        index,
        line: found.line,
        starter: found.starter.value,
        solution: found.solution?.value ?? null,
        spec: { context, checks: found.checks.map((c) => c.value), timeout: found.timeout },
        found,
      };
    }),
  };
}

/** The exercises of a chapter's MDX source (lines are file lines). */
export function readChapterExercises(text: string): {
  exercises: ChapterExercise[];
  problems: ExerciseProblem[];
} {
  return treeExercises(parseChapter(text).tree);
}
