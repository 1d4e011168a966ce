/**
 * A figure's numbers as a table: the text alternative beside the SVG (in a <details>
 * "The numbers"), for readers who cannot see the picture or want the values. Long series
 * are sampled evenly (the caption says so); large maps are summarised.
 */
import type { FigureSpec, SmallMultiplesSpec } from './spec.ts';
import { escape } from './svg.ts';
import { lineTable } from './line-text.ts';
import { barsTable } from './bars-text.ts';
import { mapTable } from './map-text.ts';

export interface FigureTable {
  caption: string;
  columns: string[];
  rows: string[][];
}

/** One table per figure (small multiples: one per panel). */
export function figureTables(spec: FigureSpec): FigureTable[] {
  switch (spec.kind) {
    case 'line':
      return [lineTable(spec)];
    case 'bars':
      return [barsTable(spec)];
    case 'heatmap':
      return [mapTable(spec)];
    case 'multiples':
      return (spec as SmallMultiplesSpec).panels.map((p) => mapTable({ ...p, color: spec.color ?? p.color }));
  }
}

/** A table as HTML (escaped), with a header row and a caption. */
export function renderTable(table: FigureTable): string {
  const head = `<thead><tr>${table.columns.map((c) => `<th scope="col">${escape(c)}</th>`).join('')}</tr></thead>`;
  const body = table.rows
    .map(
      (r) =>
        `<tr>${r.map((cell, i) => (i === 0 ? `<th scope="row">${escape(cell)}</th>` : `<td>${escape(cell)}</td>`)).join('')}</tr>`,
    )
    .join('');
  return `<table class="fig-table"><caption>${escape(table.caption)}</caption>${head}<tbody>${body}</tbody></table>`;
}

/**
 * Tables as HTML, each in the site's labelled, focusable box that scrolls sideways on a
 * narrow screen (as src/site/rehype-table-scroll.ts wraps the prose's tables).
 */
export function renderTables(tables: FigureTable[]): string {
  return tables
    .map(
      (t) =>
        `<div class="table-scroll" role="region" tabindex="0" aria-label="${escape(t.caption)}">${renderTable(t)}</div>`,
    )
    .join('');
}
