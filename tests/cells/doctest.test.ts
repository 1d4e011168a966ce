/**
 * Doc-tests: every cell of every chapter in content/ must print exactly its ```output
 * fence (up to trailing spaces), throw only when flagged `throws`, and finish in time.
 * The chapter's run is the build's (src/lesson/run-cache.ts: not run again when neither
 * the chapter nor the loss module changed), and a failure is the build's message for that
 * cell (src/lesson/lesson-problems.ts), `file:line: problem: what to do`. `npm run
 * record` rewrites the fences.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { readChapterCells } from '../../src/cells/chapter-cells.ts';
import { chapterRun } from '../../src/lesson/run-cache.ts';
import type { ChapterRun } from '../../src/lesson/run-chapter.ts';

const CONTENT = join(import.meta.dirname, '../../content');
const files = readdirSync(CONTENT)
  .filter((f) => f.endsWith('.mdx'))
  .sort();

test('content/ has chapters', () => {
  expect(files.length).toBeGreaterThan(0);
});

for (const file of files) {
  const path = join(CONTENT, file);
  const shown = relative(process.cwd(), path);
  const source = readFileSync(path, 'utf8');
  const cells = readChapterCells(source);

  describe(shown, () => {
    let run: ChapterRun;
    beforeAll(async () => {
      run = await chapterRun(source);
    }, 120_000);

    test('the run has every cell', () => {
      expect(run.cells.map((c) => c.line)).toEqual(cells.map((c) => c.line));
    });

    for (const cell of cells) {
      test(`cell ${cell.index + 1} (${shown}:${cell.line})`, () => {
        const problems = run.problems
          .filter((p) => p.line === cell.line)
          .map((p) => `${shown}:${p.line}: ${p.message}`);
        expect(
          problems,
          `it printed:\n${run.cells[cell.index].output.parts.map((p) => p.text).join('')}`,
        ).toEqual([]);
      });
    }
  });
}
