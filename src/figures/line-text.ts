/**
 * A line plot in words (its textual form: ./describe.ts) and as a table of its numbers
 * (./table.ts): a short series point by point, a long one summarised (its extent and where
 * it is reached, its runs of NaN or ±∞) and sampled evenly in the table.
 */
import type { LinePlotSpec } from './spec.ts';
import type { FigureTable } from './table.ts';
import { formatter } from './format.ts';
import { finish } from './describe-common.ts';

/** Series with at most this many points are listed in full. */
export const LIST_IN_FULL = 12;
/** At most this many rows from a series in its table. */
export const TABLE_ROWS = 26;

function extentAt(ys: number[]): { min: number; max: number; iMin: number; iMax: number } | null {
  let iMin = -1;
  let iMax = -1;
  ys.forEach((y, i) => {
    if (!Number.isFinite(y)) return;
    if (iMin < 0 || y < ys[iMin]) iMin = i;
    if (iMax < 0 || y > ys[iMax]) iMax = i;
  });
  return iMin < 0 ? null : { min: ys[iMin], max: ys[iMax], iMin, iMax };
}

export /** Runs of non-finite values of the same kind: [start, end] index, and the value's text. */
function nonFiniteRuns(ys: number[]): { start: number; end: number; value: number }[] {
  const runs: { start: number; end: number; value: number }[] = [];
  const kind = (y: number) => (Number.isNaN(y) ? 'nan' : y > 0 ? 'inf' : '-inf');
  ys.forEach((y, i) => {
    if (Number.isFinite(y)) return;
    const last = runs[runs.length - 1];
    if (last && last.end === i - 1 && kind(ys[last.start]) === kind(y)) last.end = i;
    else runs.push({ start: i, end: i, value: y });
  });
  return runs;
}

export function describeLine(spec: LinePlotSpec): string {
  const fx = formatter(spec.x.format);
  const fy = formatter(spec.y.format);
  const xName = spec.x.label ?? 'x';
  const yName = spec.y.label ?? 'y';
  const lines = [`Line plot: ${spec.title}.`];
  if (spec.series.every((s) => s.x.length === 0)) lines.push('No data.');
  for (const s of spec.series) {
    const n = s.x.length;
    if (n === 0) {
      lines.push(`${s.label}: no points.`);
      continue;
    }
    if (n <= LIST_IN_FULL) {
      lines.push(`${s.label}: ${s.x.map((x, i) => `(${fx(x)}, ${fy(s.y[i])})`).join(', ')}.`);
      continue;
    }
    const e = extentAt(s.y);
    let line = `${s.label}: ${n} points, ${xName} from ${fx(s.x[0])} to ${fx(s.x[n - 1])}`;
    if (e)
      line += `; ${yName} from ${fy(e.min)} (at ${xName} = ${fx(s.x[e.iMin])}) to ${fy(e.max)} (at ${xName} = ${fx(s.x[e.iMax])})`;
    for (const run of nonFiniteRuns(s.y)) {
      const where =
        run.start === run.end
          ? `at ${xName} = ${fx(s.x[run.start])}`
          : `for ${xName} from ${fx(s.x[run.start])} to ${fx(s.x[run.end])}`;
      line += `; ${fy(run.value)} ${where}`;
    }
    lines.push(`${line}.`);
  }
  for (const p of spec.points ?? [])
    lines.push(`Point${p.label ? ` ${p.label}` : ''}: ${xName} = ${fx(p.x)}, ${yName} = ${fy(p.y)}.`);
  for (const r of spec.rules ?? [])
    lines.push(
      `Line at ${r.axis === 'x' ? xName : yName} = ${(r.axis === 'x' ? fx : fy)(r.value)}${r.label ? `: ${r.label}` : ''}.`,
    );
  return finish(spec, lines);
}

function sample(n: number): { indices: number[]; every: number } {
  if (n <= TABLE_ROWS) return { indices: Array.from({ length: n }, (_, i) => i), every: 1 };
  const every = Math.ceil((n - 1) / (TABLE_ROWS - 1));
  const indices: number[] = [];
  for (let i = 0; i < n - 1; i += every) indices.push(i);
  indices.push(n - 1);
  return { indices, every };
}

const sameX = (a: number[], b: number[]) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

export function lineTable(spec: LinePlotSpec): FigureTable {
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
