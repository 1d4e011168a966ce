/**
 * Puts each Markdown table in a box that scrolls sideways (`.table-scroll`, styled in
 * src/styles/prose.css), so a table wider than a phone scrolls on its own instead of
 * pushing the whole page sideways. The box is a labelled region that takes keyboard
 * focus, so it can be scrolled without a pointer. components/PixelLossTable.astro uses
 * the same box around its table.
 */
import { visit } from 'unist-util-visit';
import { textOf, type HastNode } from './hast.ts';

/** The attributes of the box around a table; `label` names the region. */
export function tableScrollProperties(label: string): Record<string, string | number> {
  return { className: 'table-scroll', role: 'region', tabIndex: 0, ariaLabel: label };
}

/** The texts of the header cells under `node`. */
function cellsOf(node: HastNode | undefined): string[] {
  if (!node) return [];
  if (node.tagName === 'th') return [textOf(node).trim()];
  return (node.children ?? []).flatMap(cellsOf);
}

export default function rehypeTableScroll() {
  return (tree: HastNode) => {
    visit(
      tree as never,
      'element',
      (node: HastNode, index: number | undefined, parent: HastNode | undefined) => {
        if (node.tagName !== 'table' || !parent?.children || index === undefined) return;
        if (parent.tagName === 'div' && String(parent.properties?.className ?? '').includes('table-scroll'))
          return;
        const caption = node.children?.find((c) => c.tagName === 'caption');
        const headers = cellsOf(node.children?.find((c) => c.tagName === 'thead'));
        const label = caption
          ? textOf(caption).trim()
          : headers.length
            ? `Table: ${headers.join(', ')}`
            : 'Table';
        parent.children[index] = {
          type: 'element',
          tagName: 'div',
          properties: tableScrollProperties(label),
          children: [node],
        };
      },
    );
  };
}
