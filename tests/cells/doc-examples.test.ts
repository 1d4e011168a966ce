/**
 * The example cells shown in the README and the Writing lessons guide (inside ````md
 * fences, so they display as source) run too: each example is its own notebook, and a
 * cell that has an output fence must print it, so the examples cannot drift from the module.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { normalizeOutput, readChapterCells } from '../../src/cells/chapter-cells.ts';
import { runCellsNode } from '../../src/cells/run-node.ts';

const ROOT = join(import.meta.dirname, '../..');
const DOCS = ['README.md', 'src/guide/writing-lessons.mdx'];

/** The ````md blocks of a document that contain at least one runnable cell. */
function examples(file: string): { line: number; markdown: string }[] {
  const found: { line: number; markdown: string }[] = [];
  visit(fromMarkdown(readFileSync(join(ROOT, file), 'utf8')), 'code', (node) => {
    if (node.lang === 'md' && /```ts run/.test(node.value))
      found.push({ line: node.position!.start.line, markdown: node.value });
  });
  return found;
}

for (const file of DOCS) {
  describe(file, () => {
    const blocks = examples(file);
    test('shows at least one example cell', () => expect(blocks.length).toBeGreaterThan(0));
    for (const block of blocks) {
      test(`example at line ${block.line} prints its output fence`, async () => {
        const cells = readChapterCells(block.markdown);
        const outcomes = await runCellsNode(
          cells.map((c) => ({ code: c.code, throws: c.flags.throws, timeout: c.flags.timeout })),
        );
        cells.forEach((cell, i) => {
          expect(outcomes[i].threw, `${file}:${block.line} cell ${i + 1}:\n${outcomes[i].text}`).toBe(
            cell.flags.throws,
          );
          if (cell.output) expect(normalizeOutput(outcomes[i].text)).toBe(normalizeOutput(cell.output.text));
        });
      });
    }
  });
}
