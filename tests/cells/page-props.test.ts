/**
 * The build-to-page contract (src/cells/page-props.ts): what the encoder writes on the
 * element, the decoder reads back as it was; a malformed value is an error, not a default;
 * and no exercise prop shares a name with one of Exercise.astro's slots (Astro would drop it).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  cellData,
  exerciseData,
  readCell,
  readExercise,
  type CellProps,
  type ExerciseProps,
} from '../../src/cells/page-props.ts';

/** An element as the decoder sees it, carrying `attributes` as the browser would (dataset). */
function element(attributes: Record<string, string | undefined>): HTMLElement {
  const dataset: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    dataset[name.slice('data-'.length).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  }
  return { dataset } as unknown as HTMLElement;
}

const cell: CellProps = {
  index: 2,
  source: 'console.log("a <b> & \'c\'");',
  timeout: 1500,
  throws: true,
  output: { status: 'ok', parts: [{ kind: 'text', text: "a <b> & 'c'" }] },
};

const exercise: ExerciseProps = {
  index: 0,
  starterCode: 'function f() {}',
  solutionCode: '',
  spec: {
    context: [{ code: 'const a = 1;', throws: false, timeout: 5000 }],
    checks: ["import { check } from '@exercise';\ncheck('f', () => true);"],
    timeout: 3000,
  },
  checkNames: ['f'],
};

describe('page props', () => {
  it('a cell reads back what the build wrote', () => {
    const { output: _, ...data } = cell;
    expect(readCell(element(cellData(cell)))).toEqual(data);
    expect(readCell(element(cellData({ ...cell, throws: false }))).throws).toBe(false);
  });

  it("a figure's cell reads back what the build wrote: its figure, and no position", () => {
    const figureCell: CellProps = { ...cell, index: -1, figure: 'binary-loss-curve-1a2b3c' };
    const attributes = cellData(figureCell);
    expect(attributes['data-cell']).toBeUndefined();
    expect(attributes['data-figure-cell']).toBe('binary-loss-curve-1a2b3c');
    const { output: _, ...data } = figureCell;
    expect(readCell(element(attributes))).toEqual(data);
  });

  it('an exercise reads back what the build wrote', () => {
    const { checkNames: _, ...data } = exercise;
    expect(readExercise(element(exerciseData(exercise)))).toEqual(data);
  });

  it('a missing or malformed value is an error, not a default', () => {
    expect(() => readCell(element({ ...cellData(cell), 'data-timeout': 'soon' }))).toThrow(
      'data-timeout is not a time limit in ms: soon',
    );
    expect(() => readCell(element({ ...cellData(cell), 'data-source': undefined }))).toThrow(
      'the element has no data-source',
    );
    expect(() => readExercise(element({ ...exerciseData(exercise), 'data-exercise': '-1' }))).toThrow(
      'data-exercise is not a position: -1',
    );
  });

  it("no exercise prop has the name of one of the component's slots", () => {
    const component = readFileSync(new URL('../../components/Exercise.astro', import.meta.url), 'utf8');
    const slots = [...component.matchAll(/<slot name="([^"]+)"/g)].map((m) => m[1]);
    expect(slots.length).toBeGreaterThan(0);
    expect(Object.keys(exercise).filter((k) => slots.includes(k))).toEqual([]);
  });
});
