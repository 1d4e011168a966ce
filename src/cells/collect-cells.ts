/**
 * Finds the cells of a chapter in its Markdown (mdast) tree: each ```ts run fence and
 * the ```output fence right after it. Used by the remark plugin, the doc-tests and the
 * record script, so all three agree on what a cell is.
 */
import type { Code, Parent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { isOutputFence, parseCellFlags } from './cell-flags.ts';
import type { CellFlags } from './cell-flags.ts';

export interface FoundCell {
  /** The ```ts run fence. */
  code: Code;
  flags: CellFlags;
  /** The ```output fence right after it, if any. */
  output: Code | null;
  parent: Parent;
  /** Index of `code` in `parent.children`. */
  index: number;
}

/** The cells of a tree, in document order. Throws (naming the line) on a bad flag. */
export function collectCells(tree: Root): FoundCell[] {
  const cells: FoundCell[] = [];
  visit(tree, 'code', (node: Code, index, parent) => {
    if (index === undefined || !parent) return;
    let flags: CellFlags | null;
    try {
      flags = parseCellFlags(node.lang, node.meta);
    } catch (e) {
      const line = node.position?.start.line;
      throw new Error(`${line ? `line ${line}: ` : ''}${(e as Error).message}`, { cause: e });
    }
    if (!flags) return;
    const next = parent.children[index + 1];
    const output = next && next.type === 'code' && isOutputFence(next.lang) ? next : null;
    cells.push({ code: node, flags, output, parent, index });
  });
  return cells;
}
