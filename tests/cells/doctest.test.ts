/**
 * Doc-tests: every cell of every chapter in content/ runs in Node, with the same runtime
 * as the browser, and must print exactly its ```output fence (up to trailing spaces);
 * a cell flagged `throws` must throw, any other cell must not. A failure names the
 * file and line of the cell and shows a diff. `npm run record` rewrites the fences.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { normalizeOutput, readChapterCells } from '../../src/cells/chapter-cells.ts';
import { runCellsNode } from '../../src/cells/run-node.ts';
import type { CellOutcome } from '../../src/cells/notebook.ts';

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
  const cells = readChapterCells(readFileSync(path, 'utf8'));

  describe(shown, () => {
    let outcomes: CellOutcome[] = [];
    beforeAll(async () => {
      outcomes = await runCellsNode(
        cells.map((c) => ({ code: c.code, throws: c.flags.throws, timeout: c.flags.timeout })),
      );
    }, 120_000);

    for (const cell of cells) {
      test(`cell ${cell.index + 1} (${shown}:${cell.line})`, () => {
        const outcome = outcomes[cell.index];
        const where = `${shown}:${cell.line} (cell ${cell.index + 1})`;
        expect(outcome.stopped, `${where} hit its time limit:\n${outcome.text}`).toBe(false);
        if (cell.flags.throws) {
          expect(
            outcome.threw,
            `${where} is flagged \`throws\` but did not throw; it printed:\n${outcome.text}`,
          ).toBe(true);
        } else {
          expect(outcome.threw, `${where} threw:\n${outcome.text}`).toBe(false);
        }
        const expected = normalizeOutput(cell.output?.text ?? '');
        const fence = cell.output ? `its output fence (line ${cell.output.line})` : 'no output fence';
        expect(
          normalizeOutput(outcome.text),
          `${where}: output differs from ${fence} (npm run record rewrites fences)`,
        ).toBe(expected);
      });
    }
  });
}
