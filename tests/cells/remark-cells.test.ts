/**
 * The remark plugin on a small MDX chapter: which fences become cells, what the <Cell>
 * element carries (typed props: src/cells/page-props.ts), and that outputs are computed
 * (not copied from the fence).
 * Also the chapter reader used by the doc-tests and the record script.
 */
import { describe, expect, test } from 'vitest';
import { createProcessor } from '@mdx-js/mdx';
import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import remarkCells from '../../src/cells/remark-cells.ts';
import { propsOf } from '../../src/cells/mdx-props.ts';
import type { CellProps } from '../../src/cells/page-props.ts';
import { readChapterCells } from '../../src/cells/chapter-cells.ts';

const chapter = [
  '---',
  'title: T',
  '---',
  '',
  'Intro $x$.',
  '',
  '```ts run',
  'const a = 2;',
  'console.log(a * 21);',
  '```',
  '',
  '```output',
  'stale output',
  '```',
  '',
  '```ts',
  'const notACell = 1;',
  '```',
  '',
  '```ts run throws timeout=1000',
  'console.log(a);',
  'throw new Error("no");',
  '```',
  '',
  'The end.',
].join('\n');

async function transformed(): Promise<Root> {
  let tree: Root | null = null;
  const body = chapter.replace(/^---[\s\S]*?---\n/, '');
  const processor = createProcessor({
    remarkPlugins: [remarkCells, () => (t: Root) => void (tree = structuredClone(t))],
  });
  await processor.process(body);
  return tree!;
}

const props = (el: MdxJsxFlowElement) => propsOf<CellProps>(el);

describe('remarkCells', () => {
  test('each ts run fence and its output fence become one <Cell> with the computed output', async () => {
    const tree = await transformed();
    const cells = tree.children.filter((n): n is MdxJsxFlowElement => n.type === 'mdxJsxFlowElement');
    expect(cells.map((c) => c.name)).toEqual(['Cell', 'Cell']);
    expect(props(cells[0])).toEqual({
      index: 0,
      source: 'const a = 2;\nconsole.log(a * 21);',
      timeout: 5000,
      throws: false,
      output: { status: 'ok', parts: [{ kind: 'text', text: '42' }] },
    });
    expect(props(cells[1])).toEqual({
      index: 1,
      source: 'console.log(a);\nthrow new Error("no");',
      timeout: 1000,
      throws: true,
      output: { status: 'error', parts: [{ kind: 'text', text: '2\nError (line 2): no' }] },
    });
    // The code stays a code node (so Shiki highlights it), without the run flags.
    expect(cells[0].children).toMatchObject([
      { type: 'code', lang: 'ts', meta: null, value: 'const a = 2;\nconsole.log(a * 21);' },
    ]);
    // The output fence is gone; the plain ts fence is untouched.
    const codes = tree.children.filter((n) => n.type === 'code');
    expect(codes).toMatchObject([{ lang: 'ts', meta: null, value: 'const notACell = 1;' }]);
  }, 30_000);

  test('an unknown flag fails the build, naming the line', async () => {
    const processor = createProcessor({ remarkPlugins: [remarkCells] });
    await expect(processor.process('```ts run trows\nx\n```\n')).rejects.toThrow(
      /line 1: unknown cell flag "trows"/,
    );
  });
});

describe('readChapterCells', () => {
  test('finds the cells with their lines in the file (front matter included) and their output fences', () => {
    const cells = readChapterCells(chapter);
    expect(
      cells.map((c) => [c.index, c.line, c.flags, c.output?.text ?? null, c.output?.line ?? null]),
    ).toEqual([
      [0, 7, { throws: false, timeout: 5000 }, 'stale output', 12],
      [1, 20, { throws: true, timeout: 1000 }, null, null],
    ]);
    expect(chapter.slice(...cells[0].output!.range)).toBe('```output\nstale output\n```');
    expect(chapter.slice(...cells[1].codeRange)).toBe(
      '```ts run throws timeout=1000\nconsole.log(a);\nthrow new Error("no");\n```',
    );
  });
});
