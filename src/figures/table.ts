/**
 * A figure's numbers as a table: the text alternative beside the SVG (in a <details>
 * "The numbers"), for readers who cannot see the picture or want the values. Long series
 * are sampled evenly (the caption says so); large maps are summarised.
 */
import type { BarChartSpec, FigureSpec, HeatmapSpec, LinePlotSpec, SmallMultiplesSpec } from './spec.ts';
import { formatter } from './format.ts';
import { escape } from './svg.ts';
import { describeFigure } from './describe.ts';

export interface FigureTable {
  caption: string;
  columns: string[];
  rows: string[][];
}

/** At most this many rows from a series; maps up to this many cells are tabulated in full. */
export const TABLE_ROWS = 26;
export const TABLE_CELLS = 256;

function sample(n: number): { indices: number[]; every: number } {
  if (n <= TABLE_ROWS) return { indices: Array.from({ length: n }, (_, i) => i), every: 1 };
  const every = Math.ceil((n - 1) / (TABLE_ROWS - 1));
  const indices: number[] = [];
  for (let i = 0; i < n - 1; i += every) indices.push(i);
  indices.push(n - 1);
  return { indices, every };
}

const sameX = (a: number[], b: number[]) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

function lineTable(spec: LinePlotSpec): FigureTable {
  const fx = formatter(spec.x.format);
  const fy = formatter(spec.y.format);
  const xName = spec.x.label ?? 'x';
  if (spec.series.length > 0 && spec.series.every((s) => sameX(s.x, spec.series[0].x))) {
    const { indices, every } = sample(spec.series[0].x.length);
    return {
      caption: `${spec.title}${every > 1 ? ` (every ${every}th of ${spec.series[0].x.length} points)` : ''}`,
      columns: [xName, ...spec.series.map((s) => s.label)],
      rows: indices.map((i) => [fx(spec.series[0].x[i]), ...spec.series.map((s) => fy(s.y[i]))]),
    };
  }
  const rows: string[][] = [];
  for (const s of spec.series)
    for (const i of sample(s.x.length).indices) rows.push([s.label, fx(s.x[i]), fy(s.y[i])]);
  return { caption: spec.title, columns: ['series', xName, spec.y.label ?? 'y'], rows };
}

function barsTable(spec: BarChartSpec): FigureTable {
  const f = formatter(spec.y.format);
  const columns = ['category', spec.y.label ?? 'value'];
  if (spec.arrows) columns.push(spec.arrowLabel ?? 'arrow');
  return {
    caption: spec.title,
    columns,
    rows: spec.labels.map((label, i) => [
      spec.highlight === i ? `${label} (highlighted)` : label,
      f(spec.values[i]),
      ...(spec.arrows ? [f(spec.arrows[i])] : []),
    ]),
  };
}

function mapTable(map: Omit<HeatmapSpec, 'kind'>): FigureTable {
  const rows = map.values.length;
  const cols = rows ? map.values[0].length : 0;
  if (rows * cols > TABLE_CELLS || rows * cols === 0)
    return {
      caption: map.title,
      columns: ['summary'],
      rows: describeFigure({ ...map, kind: 'heatmap' })
        .split('\n')
        .slice(1)
        .map((l) => [l]),
    };
  const color = map.color;
  const f = formatter(
    color?.type === 'categorical'
      ? 'd'
      : (color?.format ?? (typeof map.annotate === 'string' ? map.annotate : undefined)),
  );
  const name = (v: number) =>
    color?.type === 'categorical' && color.categories[v] !== undefined ? color.categories[v] : f(v);
  return {
    caption: map.title,
    columns: ['row', ...Array.from({ length: cols }, (_, c) => map.colLabels?.[c] ?? `column ${c}`)],
    rows: map.values.map((row, r) => [
      map.rowLabels?.[r] ?? String(r),
      ...row.map((v, c) => {
        const label = map.cellLabels?.[r]?.[c];
        return `${map.mask?.[r]?.[c] ? 'masked' : name(v)}${label ? ` (${label})` : ''}`;
      }),
    ]),
  };
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
