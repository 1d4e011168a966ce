/**
 * The outer <svg> of every figure: its viewBox, its accessible name (<title>) and its text
 * alternative (<desc>, the figure's textual form), and classes that figure.css styles.
 */
import type { FigureSpec } from './spec.ts';
import { escape, tag } from './svg.ts';

export interface RenderOptions {
  /** Prefix of the ids inside the SVG (title, clip paths, patterns): unique on the page. */
  id?: string;
}

let counter = 0;

/** A fresh id prefix, for callers that do not give one. */
export function nextId(): string {
  counter += 1;
  return `fig${counter}`;
}

/** The <svg> around `body`; `description` is the figure's textual form (its kind's describer). */
export function svgRoot(
  spec: FigureSpec,
  id: string,
  width: number,
  height: number,
  body: string[],
  description: string,
): string {
  return tag(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${Math.round(width)} ${Math.round(height)}`,
      width: Math.round(width),
      height: Math.round(height),
      class: `fig fig-${spec.kind}`,
      role: 'img',
      'aria-labelledby': `${id}-title`,
      'aria-describedby': `${id}-desc`,
      'data-figure-kind': spec.kind,
    },
    [
      tag('title', { id: `${id}-title` }, escape(spec.title)),
      tag('desc', { id: `${id}-desc` }, escape(description)),
      ...body,
    ],
  );
}
