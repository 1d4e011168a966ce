/**
 * The one contract from the build to the page for cells and exercises: what each carries
 * (CellProps, ExerciseProps), how the page's element holds it (one encoder, cellData /
 * exerciseData, used by components/Cell.astro and components/Exercise.astro) and how the
 * page's scripts read it back (one decoder, readCell / readExercise, used by ./client.ts,
 * ./exercise/client.ts and the loaders). Numbers, flags and lists are parsed here and
 * nowhere else, and no default is restated: a missing or malformed value is an error.
 *
 * From the remark plugins to the components the props travel as they are, typed (an MDX
 * spread attribute holding the object: ./mdx-props.ts), not as strings.
 */
import type { CellOutput } from './output-parts.ts';
import type { ContextCell, ExerciseSpec } from './exercise/run-exercise.ts';

/** A ```ts run cell, as the page gets it; or a figure's cell ("Open as code"). */
export interface CellProps {
  /** 0-based position of the cell in the chapter (-1 for a figure's cell). */
  index: number;
  /** The id of the figure whose cell this is: it runs alone and follows its figure. */
  figure?: string;
  /** The cell's TypeScript source, as written in the chapter. */
  source: string;
  /** Time limit of a run of this cell, in ms. */
  timeout: number;
  /** The cell is expected to throw. */
  throws: boolean;
  /** What the cell showed when the build ran it. */
  output: CellOutput;
}

/** An exercise, as the page gets it. */
export interface ExerciseProps {
  /** 0-based position of the exercise in the chapter. */
  index: number;
  /**
   * The code the reader starts from. (Not `starter`: the component has a slot of that
   * name, and Astro drops a prop that shares a slot's name.)
   */
  starterCode: string;
  /** The author's solution ('' when the exercise has none). */
  solutionCode: string;
  /** What a Check runs: the cells above, the checks, the time limit. */
  spec: ExerciseSpec;
  /** The checks' names, from the build's run of the starter, listed before any Check. */
  checkNames: string[];
}

/** What the page's scripts need of a cell: everything but the build's output (that is markup). */
export type CellData = Omit<CellProps, 'output'>;
/** What the page's scripts need of an exercise (the check names are markup). */
export type ExerciseData = Omit<ExerciseProps, 'checkNames'>;

/** The elements that carry them (the selectors the page's scripts use). */
export const CELL_SELECTOR = '.cell[data-cell]';
/** The cells of a page's figures (in explorables' "Open as code"). */
export const FIGURE_CELL_SELECTOR = '.figure-cell[data-figure-cell]';
export const EXERCISE_SELECTOR = '.exercise[data-exercise]';

/** A cell's data-* attributes. */
export function cellData(p: CellData): Record<string, string | undefined> {
  return {
    ...(p.figure === undefined ? { 'data-cell': String(p.index) } : { 'data-figure-cell': p.figure }),
    'data-source': p.source,
    'data-timeout': String(p.timeout),
    'data-throws': p.throws ? 'true' : undefined,
  };
}

/** An exercise's data-* attributes. */
export function exerciseData(p: ExerciseData): Record<string, string | undefined> {
  return {
    'data-exercise': String(p.index),
    'data-starter': p.starterCode,
    'data-solution': p.solutionCode,
    'data-context': JSON.stringify(p.spec.context),
    'data-checks': JSON.stringify(p.spec.checks),
    'data-timeout': String(p.spec.timeout),
  };
}

/** The cell an element carries (see cellData). Throws when an attribute is missing or malformed. */
export function readCell(el: HTMLElement): CellData {
  const d = el.dataset;
  const figure = d.figureCell;
  return {
    index: figure === undefined ? count(d.cell, 'data-cell') : -1,
    ...(figure === undefined ? {} : { figure }),
    source: text(d.source, 'data-source'),
    timeout: milliseconds(d.timeout, 'data-timeout'),
    throws: d.throws === 'true',
  };
}

/** The exercise an element carries (see exerciseData). Throws when an attribute is missing or malformed. */
export function readExercise(el: HTMLElement): ExerciseData {
  const d = el.dataset;
  return {
    index: count(d.exercise, 'data-exercise'),
    starterCode: text(d.starter, 'data-starter'),
    solutionCode: text(d.solution, 'data-solution'),
    spec: {
      context: json<ContextCell[]>(d.context, 'data-context'),
      checks: json<string[]>(d.checks, 'data-checks'),
      timeout: milliseconds(d.timeout, 'data-timeout'),
    },
  };
}

function text(value: string | undefined, name: string): string {
  if (value === undefined) throw new Error(`the element has no ${name}`);
  return value;
}

function count(value: string | undefined, name: string): number {
  const n = Number(text(value, name));
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} is not a position: ${value}`);
  return n;
}

function milliseconds(value: string | undefined, name: string): number {
  const n = Number(text(value, name));
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} is not a time limit in ms: ${value}`);
  return n;
}

function json<T>(value: string | undefined, name: string): T {
  return JSON.parse(text(value, name)) as T;
}
