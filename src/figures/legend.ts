/**
 * A legend: a row of swatches with their labels, wrapped to the figure's width. Swatches
 * are drawn with the same classes (or fills) as the marks they stand for.
 */
import { FONT, textWidth } from './text-metrics.ts';
import { tag, text } from './svg.ts';

export type Swatch =
  | { type: 'line'; className: string }
  | { type: 'rect'; fill?: string; className?: string }
  | { type: 'arrow'; className: string; marker: string }
  | { type: 'point'; className: string };

export interface LegendItem {
  label: string;
  swatch: Swatch;
}

const SWATCH = 22;
const GAP = 14;
export const LEGEND_ROW = FONT + 8;

/** Which row each item lands on when wrapped into `width`. */
function place(items: LegendItem[], width: number): { x: number; row: number }[] {
  let x = 0;
  let row = 0;
  return items.map((item) => {
    const w = SWATCH + 6 + textWidth(item.label);
    if (x > 0 && x + w > width) {
      x = 0;
      row++;
    }
    const at = { x, row };
    x += w + GAP;
    return at;
  });
}

/** The legend's height when wrapped into `width` (0 without items). */
export function legendHeight(items: LegendItem[], width: number): number {
  if (items.length === 0) return 0;
  const rows = Math.max(...place(items, width).map((p) => p.row)) + 1;
  return rows * LEGEND_ROW;
}

function swatch(s: Swatch, x: number, y: number): string {
  const mid = y + LEGEND_ROW / 2 - 3;
  switch (s.type) {
    case 'line':
      return tag('line', { class: s.className, x1: x, x2: x + SWATCH, y1: mid, y2: mid });
    case 'rect':
      return tag('rect', { class: s.className, fill: s.fill, x: x + 4, y: mid - 6, width: 14, height: 12 });
    case 'arrow':
      return tag('line', {
        class: s.className,
        x1: x,
        x2: x + SWATCH - 4,
        y1: mid,
        y2: mid,
        'marker-end': s.marker,
      });
    case 'point':
      return tag('circle', { class: s.className, cx: x + SWATCH / 2, cy: mid, r: 4.5 });
  }
}

/** The legend at (x, y), wrapped into `width`. */
export function legend(items: LegendItem[], x: number, y: number, width: number): string {
  if (items.length === 0) return '';
  const at = place(items, width);
  const parts = items.map((item, i) => {
    const ix = x + at[i].x;
    const iy = y + at[i].row * LEGEND_ROW;
    return (
      swatch(item.swatch, ix, iy) +
      text(item.label, {
        class: 'fig-legend-label',
        x: ix + SWATCH + 6,
        y: iy + LEGEND_ROW / 2 - 3,
        'dominant-baseline': 'middle',
      })
    );
  });
  return tag('g', { class: 'fig-legend' }, parts);
}
