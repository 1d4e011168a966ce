/**
 * One run of a chapter: every ```ts run cell (as one notebook run, as a reader's Run of
 * the last cell), and each exercise's starter and solution against its checks, with the
 * browser's runtime in Node (src/cells/node-pool.ts). The result is typed and complete:
 * what each cell shows, each exercise's verdicts, and the chapter's lesson problems
 * (./lesson-problems.ts). The build's book check, the remark plugins that render cells
 * and exercises, `npm run record` and the doc-tests all read this one result, through the
 * cache (./run-cache.ts), so a chapter runs once per build, and not at all when nothing it
 * depends on changed.
 */
import { cellsOfTree, parseChapter, type ChapterCell } from '../cells/chapter-cells.ts';
import { treeExercises, type ChapterExercise } from '../cells/exercise/chapter-exercises.ts';
import { runExercise, type ExerciseResult } from '../cells/exercise/run-exercise.ts';
import { nodeRunner } from '../cells/exercise/run-exercise-node.ts';
import { cellOutput, type CellOutput } from '../cells/output-parts.ts';
import { runCellsNode } from '../cells/run-node.ts';
import { lessonProblems, type LessonProblem } from './lesson-problems.ts';

/** A cell as it ran, and what it showed. */
export interface CellRunResult {
  /** 1-based line of the ```ts run fence in the file. */
  line: number;
  /** The code that ran, and the fence's flags. */
  code: string;
  throws: boolean;
  timeout: number;
  output: CellOutput;
}

/** An exercise's starter and solution, each run against the checks. */
export interface ExerciseRunResult {
  /** 1-based line of the ```ts exercise fence. */
  line: number;
  starter: ExerciseResult;
  /** Null when the exercise has no solution fence. */
  solution: ExerciseResult | null;
}

/** Everything a chapter's run says, for every reader of it. */
export interface ChapterRun {
  cells: CellRunResult[];
  exercises: ExerciseRunResult[];
  /** What is wrong in the lesson, by line, in the words every tool uses. */
  problems: LessonProblem[];
}

/** The parts of a chapter that run (cells and exercises), from one parse of its source. */
export interface RunnableChapter {
  cells: ChapterCell[];
  exercises: ChapterExercise[];
}

/** Parse a chapter's MDX source into what runs. Throws (naming the line) on a bad cell flag. */
export function readRunnable(source: string): RunnableChapter {
  const { tree, offset } = parseChapter(source);
  return { cells: cellsOfTree(tree, offset), exercises: treeExercises(tree).exercises };
}

/** Run a chapter (no cache: see ./run-cache.ts for the function the tools call). */
export async function runChapter(source: string): Promise<ChapterRun> {
  const chapter = readRunnable(source);
  const [outcomes, exercises] = await Promise.all([
    chapter.cells.length === 0
      ? []
      : runCellsNode(
          chapter.cells.map((c) => ({ code: c.code, throws: c.flags.throws, timeout: c.flags.timeout })),
        ),
    Promise.all(
      chapter.exercises.map(async (e): Promise<ExerciseRunResult> => {
        const [starter, solution] = await Promise.all([
          runExercise(e.spec, e.starter, nodeRunner),
          e.solution === null ? null : runExercise(e.spec, e.solution, nodeRunner),
        ]);
        return { line: e.line, starter, solution };
      }),
    ),
  ]);
  const cells = chapter.cells.map((c, i) => ({
    line: c.line,
    code: c.code,
    throws: c.flags.throws,
    timeout: c.flags.timeout,
    output: cellOutput(outcomes[i]),
  }));
  return { cells, exercises, problems: lessonProblems(chapter, cells, exercises) };
}

/**
 * The run of `source`, made from `run`, the run of `before`, when the two differ in
 * neither cells, flags nor exercises (e.g. `npm run record` only rewrote output fences):
 * the results are those of the run, the lines and problems those of `source`. Null when
 * what runs differs.
 */
export function rebaseRun(before: string, source: string, run: ChapterRun): ChapterRun | null {
  const runnable = (c: RunnableChapter) =>
    JSON.stringify([
      c.cells.map((cell) => [cell.code, cell.flags]),
      c.exercises.map((e) => [e.starter, e.solution, e.spec]),
    ]);
  const chapter = readRunnable(source);
  if (runnable(chapter) !== runnable(readRunnable(before))) return null;
  const cells = run.cells.map((c, i) => ({ ...c, line: chapter.cells[i].line }));
  const exercises = run.exercises.map((e, i) => ({ ...e, line: chapter.exercises[i].line }));
  return { cells, exercises, problems: lessonProblems(chapter, cells, exercises) };
}
