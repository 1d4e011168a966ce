/**
 * remark plugin: turns every ```ts run fence (and the ```output fence right after it)
 * into a `<Cell>` MDX element, rendered by components/Cell.astro.
 *
 * The outputs come from the chapter's run (src/lesson/run-cache.ts), the one the book
 * check made before Astro started, so the static page shows real outputs without
 * JavaScript and without running the chapter again. When the computed output differs
 * from the output fence, the page shows the computed one; the book check and the
 * doc-tests report the difference. The code node stays inside the element, so Shiki
 * highlights it. The element carries the cell's props (./page-props.ts) as they are.
 */
import type { Root } from 'mdast';
import { chapterRunOfFile } from '../lesson/run-cache.ts';
import { collectCells } from './collect-cells.ts';
import { propsElement } from './mdx-props.ts';
import type { CellProps } from './page-props.ts';

/** The name of the MDX element; the page maps it to components/Cell.astro. */
export const CELL_ELEMENT = 'Cell';

export default function remarkCells() {
  return async (tree: Root, file: { path?: string; value?: unknown }) => {
    let cells;
    try {
      cells = collectCells(tree);
    } catch (e) {
      throw new Error(`${file.path ?? 'chapter'}: ${(e as Error).message}`, { cause: e });
    }
    if (cells.length === 0) return;
    const run = await chapterRunOfFile(file);
    if (run.cells.length !== cells.length || run.cells.some((c, i) => c.code !== cells[i].code.value)) {
      throw new Error(
        `${file.path ?? 'chapter'}: internal: the cells on the page differ from the cells that ran`,
      );
    }
    // Replace from the last cell back, so earlier indices stay valid.
    for (let n = cells.length - 1; n >= 0; n--) {
      const cell = cells[n];
      const props: CellProps = {
        index: n,
        source: cell.code.value,
        timeout: cell.flags.timeout,
        throws: cell.flags.throws,
        output: run.cells[n].output,
      };
      const element = propsElement(
        CELL_ELEMENT,
        props,
        [{ ...cell.code, lang: 'ts', meta: null }],
        cell.code.position,
      );
      cell.parent.children.splice(cell.index, cell.output ? 2 : 1, element as never);
    }
  };
}
