/**
 * Marks short inline code spans (`--id other-name`) with the class `code-short`, which
 * src/styles/prose.css keeps on one line: a browser would otherwise break them after a hyphen, and
 * "-" / "-id other-name" on two lines reads as different options. Longer spans (URLs,
 * file paths) may still break anywhere, so they cannot push a phone's page sideways.
 */
import { visit } from 'unist-util-visit';
import { textOf, type HastNode } from './hast.ts';

/** Longest span kept on one line: about 200 px at the inline-code size, well inside a phone. */
export const SHORT_CODE_MAX = 24;

export default function rehypeShortCode() {
  return (tree: HastNode) => {
    visit(
      tree as never,
      'element',
      (node: HastNode, _index: number | undefined, parent: HastNode | undefined) => {
        if (node.tagName !== 'code' || parent?.tagName === 'pre') return;
        if (textOf(node).length > SHORT_CODE_MAX) return;
        const props = (node.properties ??= {});
        const classes = Array.isArray(props.className) ? (props.className as string[]) : [];
        props.className = [...classes, 'code-short'];
      },
    );
  };
}
