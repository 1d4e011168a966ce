/**
 * Ids for the figures of a page: the component's name and a hash of its props, so a figure
 * keeps its id (and the reader's saved edits of its cell) when other figures or chapters are
 * added; the same figure twice on a page gets "-2", "-3". `page` is any object unique to
 * one page's render (Astro.locals).
 */
import { hashCode } from '../cells/persist.ts';

const seen = new WeakMap<object, Map<string, number>>();

export function figureId(name: string, props: unknown, page: object): string {
  const base = `${name}-${hashCode(JSON.stringify(props ?? {})).slice(0, 6)}`;
  let counts = seen.get(page);
  if (!counts) seen.set(page, (counts = new Map()));
  const n = (counts.get(base) ?? 0) + 1;
  counts.set(base, n);
  return n === 1 ? base : `${base}-${n}`;
}
