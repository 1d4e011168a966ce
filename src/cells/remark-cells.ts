/**
 * remark plugin: turns every ```ts run fence (and the ```output fence right after it)
 * into a `<Cell>` MDX element, rendered by components/Cell.astro.
 *
 * At build time it runs all cells of the chapter in Node, with the same runtime as the
 * browser (src/cells/run-node.ts), and puts the computed output in the element, so the
 * static page shows real outputs without JavaScript. When the computed output differs
 * from the output fence, the page shows the computed one; the doc-tests report the
 * difference. The code node stays inside the element, so Shiki highlights it.
 *
 * Element attributes (strings): index (0-based), source, output, status
 * ("ok" | "error" | "stopped"), timeout (ms), throws (boolean attribute).
 */
import type { Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { collectCells } from './collect-cells.ts';
import { runCellsNode } from './run-node.ts';

/** The name of the MDX element; the page maps it to components/Cell.astro. */
export const CELL_ELEMENT = 'Cell';

export default function remarkCells() {
  return async (tree: Root, file: { path?: string }) => {
    let cells;
    try {
      cells = collectCells(tree);
    } catch (e) {
      throw new Error(`${file.path ?? 'chapter'}: ${(e as Error).message}`, { cause: e });
    }
    if (cells.length === 0) return;
    const outcomes = await runCellsNode(
      cells.map((c) => ({ code: c.code.value, throws: c.flags.throws, timeout: c.flags.timeout })),
    );
    // Replace from the last cell back, so earlier indices stay valid.
    for (let n = cells.length - 1; n >= 0; n--) {
      const cell = cells[n];
      const outcome = outcomes[n];
      const status = outcome.stopped ? 'stopped' : outcome.threw ? 'error' : 'ok';
      const attributes: MdxJsxAttribute[] = [
        attr('index', String(n)),
        attr('source', cell.code.value),
        attr('output', outcome.text),
        attr('status', status),
        attr('timeout', String(cell.flags.timeout)),
      ];
      if (cell.flags.throws) attributes.push(attr('throws', null));
      const element: MdxJsxFlowElement = {
        type: 'mdxJsxFlowElement',
        name: CELL_ELEMENT,
        attributes,
        children: [{ ...cell.code, lang: 'ts', meta: null }],
        position: cell.code.position,
      };
      cell.parent.children.splice(cell.index, cell.output ? 2 : 1, element as never);
    }
  };
}

function attr(name: string, value: string | null): MdxJsxAttribute {
  return { type: 'mdxJsxAttribute', name, value };
}
