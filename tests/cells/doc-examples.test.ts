/**
 * The example cells shown in the README and the Writing lessons guide (inside ````md
 * fences, so they display as source) run too: each example is its own notebook, and a
 * cell that has an output fence must print it, so the examples cannot drift from the module.
 *
 * The site's pages with live cells outside the chapters (the cheat sheet "From PyTorch to this
 * book") are notebooks like a chapter: every cell prints its output fence. There, a ```python
 * same-output fence (a PyTorch session, checked against PyTorch 1.13 by
 * scripts/pytorch/check_from_pytorch.py) must print what the cell after it prints.
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
const PAGES = ['src/guide/from-pytorch.mdx'];

/** The ````md blocks of a document that contain at least one runnable cell. */
function examples(file: string): { line: number; markdown: string }[] {
  const found: { line: number; markdown: string }[] = [];
  visit(fromMarkdown(readFileSync(join(ROOT, file), 'utf8')), 'code', (node) => {
    if (node.lang === 'md' && /```ts run/.test(node.value))
      found.push({ line: node.position!.start.line, markdown: node.value });
  });
  return found;
}

/**
 * Run a notebook's cells; each must throw as flagged and print its output fence. A cell without
 * a fence must print nothing, unless `fenceless` (an example that shows only its code).
 */
async function expectCellsPrintTheirFences(
  markdown: string,
  where: string,
  { fenceless = false } = {},
): Promise<void> {
  const cells = readChapterCells(markdown);
  const outcomes = await runCellsNode(
    cells.map((c) => ({ code: c.code, throws: c.flags.throws, timeout: c.flags.timeout })),
  );
  cells.forEach((cell, i) => {
    expect(outcomes[i].threw, `${where} cell ${i + 1}:\n${outcomes[i].text}`).toBe(cell.flags.throws);
    if (cell.output) expect(normalizeOutput(outcomes[i].text)).toBe(normalizeOutput(cell.output.text));
    else if (!fenceless)
      expect(outcomes[i].text, `${where} cell ${i + 1} prints but has no output fence`).toBe('');
  });
}

/** What a PyTorch session prints: its lines without the `>>> ` and `... ` prompts. */
function sessionOutput(session: string): string {
  return session
    .split('\n')
    .filter((line) => !/^(>>>|\.\.\.)( |$)/.test(line))
    .join('\n');
}

/** Each ```python same-output fence with the output fence of the first ```ts run cell after it. */
function sameOutputPairs(file: string): { line: number; torch: string; cell: string | null }[] {
  const pairs: { line: number; torch: string; cell: string | null }[] = [];
  let pending: { line: number; torch: string } | null = null;
  let cellLine = false;
  visit(fromMarkdown(readFileSync(join(ROOT, file), 'utf8')), 'code', (node) => {
    if (node.lang === 'python' && /\bsame-output\b/.test(node.meta ?? '')) {
      pending = { line: node.position!.start.line, torch: sessionOutput(node.value) };
    } else if (node.lang === 'ts' && /^run\b/.test(node.meta ?? '') && pending) {
      cellLine = true;
    } else if (cellLine && pending) {
      pairs.push({ ...pending, cell: node.lang === 'output' ? node.value : null });
      pending = null;
      cellLine = false;
    }
  });
  return pairs;
}

for (const file of PAGES) {
  describe(file, () => {
    test('its cells print their output fences', async () => {
      await expectCellsPrintTheirFences(readFileSync(join(ROOT, file), 'utf8'), file);
    });
    const pairs = sameOutputPairs(file);
    test('has PyTorch sessions marked same-output', () => expect(pairs.length).toBeGreaterThan(0));
    for (const { line, torch, cell } of pairs) {
      test(`the PyTorch session at line ${line} prints what the cell after it prints`, () => {
        expect(cell, 'the cell after it has no output fence').not.toBeNull();
        expect(normalizeOutput(cell!)).toBe(normalizeOutput(torch));
      });
    }
  });
}

for (const file of DOCS) {
  describe(file, () => {
    const blocks = examples(file);
    test('shows at least one example cell', () => expect(blocks.length).toBeGreaterThan(0));
    for (const block of blocks) {
      test(`example at line ${block.line} prints its output fence`, async () => {
        await expectCellsPrintTheirFences(block.markdown, `${file}:${block.line}`, { fenceless: true });
      });
    }
  });
}
