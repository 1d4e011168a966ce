/** Parse figure markup (an <svg> string, or HTML holding one) to query it in tests. */
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import type { Element, Root } from 'hast';

export function parseSvg(markup: string): Root {
  return fromHtml(markup, { fragment: true });
}

export function one(tree: Root | Element, selector: string): Element {
  const found = select(selector, tree);
  if (!found) throw new Error(`no element matches ${selector}`);
  return found;
}

export const all = (tree: Root | Element, selector: string): Element[] => selectAll(selector, tree);

/** An attribute as a string (hast keeps some as numbers or arrays). */
export function attr(el: Element, name: string): string {
  const v = el.properties[name];
  return Array.isArray(v) ? v.join(' ') : String(v ?? '');
}

export const num = (el: Element, name: string): number => Number(attr(el, name));

/** The text inside an element. */
export function textOf(el: Element | Root): string {
  return el.children
    .map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : ''))
    .join('');
}
