/**
 * SVG markup as strings, safely: every text and attribute value is escaped here, so a
 * label that came from a reader's cell (later, through a worker message) can never become
 * markup. Coordinates are rounded to 0.01 user units to keep the markup short.
 */

export type Attrs = Record<string, string | number | boolean | null | undefined>;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text or an attribute value, escaped for HTML and SVG. */
export function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A coordinate, rounded to 0.01 (and never "-0"). */
export function num(x: number): string {
  const r = Math.round(x * 100) / 100;
  return String(r === 0 ? 0 : r);
}

function attrs(a: Attrs): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined || v === null || v === false) continue;
    if (v === true) out += ` ${k}`;
    else out += ` ${k}="${escape(typeof v === 'number' ? num(v) : v)}"`;
  }
  return out;
}

/** An element; `children` is markup already built by these helpers (or escaped text). */
export function tag(name: string, a: Attrs = {}, children: string | string[] = ''): string {
  const inner = Array.isArray(children) ? children.join('') : children;
  return inner === '' && name !== 'text' && name !== 'title' && name !== 'desc'
    ? `<${name}${attrs(a)}/>`
    : `<${name}${attrs(a)}>${inner}</${name}>`;
}

/** A <text> element holding `text`, escaped. */
export function text(content: string, a: Attrs = {}): string {
  return tag('text', a, escape(content));
}

/** Unique ids within one figure, from the figure's id prefix. */
export function ids(prefix: string) {
  return (name: string) => `${prefix}-${name}`;
}

/** "No data", centred in a frame: what an empty figure shows instead of marks. */
export function noData(frame: { left: number; right: number; top: number; bottom: number }): string {
  return text('No data', {
    class: 'fig-empty',
    x: (frame.left + frame.right) / 2,
    y: (frame.top + frame.bottom) / 2,
    'text-anchor': 'middle',
    'dominant-baseline': 'middle',
  });
}
