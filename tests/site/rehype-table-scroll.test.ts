/** Every Markdown table ends up in a labelled box that scrolls sideways, once. */
import { describe, expect, it } from 'vitest';
import rehypeTableScroll from '../../src/site/rehype-table-scroll.ts';

const el = (tagName: string, children: unknown[] = [], properties: Record<string, unknown> = {}) => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const text = (value: string) => ({ type: 'text', value });

describe('rehypeTableScroll', () => {
  it('wraps a table in a focusable region named after its caption or its headers', () => {
    const captioned = el('table', [el('caption', [text('Per-pixel loss')]), el('tbody')]);
    const plain = el('table', [
      el('thead', [el('tr', [el('th', [text('helper')]), el('th', [text('passes when')])])]),
    ]);
    const tree = el('root', [el('p', [text('before')]), captioned, plain]);
    tree.type = 'root';
    rehypeTableScroll()(tree as never);
    const [, first, second] = tree.children as ReturnType<typeof el>[];
    expect(first).toEqual(
      el('div', [captioned], {
        className: 'table-scroll',
        role: 'region',
        tabIndex: 0,
        ariaLabel: 'Per-pixel loss',
      }),
    );
    expect(second.properties.ariaLabel).toBe('Table: helper, passes when');
    expect(second.children).toEqual([plain]);
  });

  it('leaves a table that is already in its box alone', () => {
    const table = el('table', [el('tbody')]);
    const box = el('div', [table], { className: 'table-scroll' });
    const tree = { type: 'root', children: [box] };
    rehypeTableScroll()(tree as never);
    expect(tree.children).toEqual([box]);
    expect(box.children).toEqual([table]);
  });
});
