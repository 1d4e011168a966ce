/**
 * The textual form of a figure: a few lines that give its numbers, in words. It is the
 * SVG's <desc> (what a screen reader says after the title), and it is short and stable
 * enough to be compared in a doc-test: a changed figure changes its text.
 *
 * Small data is given in full (every point, bar or cell); larger data as a summary (count,
 * extent with where it is reached, runs of NaN or ±∞, masked cells).
 */
import type { BarChartSpec, FigureSpec, HeatmapSpec, LinePlotSpec, SmallMultiplesSpec } from './spec.ts';
import { formatter } from './format.ts';

/** Series with at most this many points, and maps with at most this many cells, are listed in full. */
export const LIST_IN_FULL = 12;
export const CELLS_IN_FULL = 36;

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

/** Runs of non-finite values of the same kind: [start, end] index, and the value's text. */
export function nonFiniteRuns(ys: number[]): { start: number; end: number; value: number }[] {
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

function describeLine(spec: LinePlotSpec): string[] {
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
  return lines;
}

function describeBars(spec: BarChartSpec): string[] {
  const f = formatter(spec.y.format);
  const lines = [`Bar chart: ${spec.title}.`];
  if (spec.values.length === 0) return [...lines, 'No data.'];
  const arrow = spec.arrowLabel ?? 'arrow';
  lines.push(
    spec.labels
      .map((label, i) => {
        let item = `${label}: ${f(spec.values[i])}`;
        if (spec.arrows) item += ` (${arrow} ${f(spec.arrows[i])})`;
        if (spec.highlight === i) item += ' [highlighted]';
        return item;
      })
      .join('; ') + '.',
  );
  return lines;
}

function describeMap(map: Omit<HeatmapSpec, 'kind'>, heading: string): string[] {
  const rows = map.values.length;
  const cols = rows > 0 ? map.values[0].length : 0;
  const color = map.color;
  const categorical = color?.type === 'categorical';
  const f = formatter(categorical ? 'd' : (color?.format ?? undefined));
  const name = (v: number) =>
    categorical && Number.isInteger(v) && color.categories[v] !== undefined ? color.categories[v] : f(v);
  const lines = [
    `${heading}: ${map.title}, ${rows}×${cols}${color?.label ? `, colour: ${color.label}` : ''}.`,
  ];
  if (rows * cols === 0) return [...lines, 'No data.'];
  const masked = (r: number, c: number) => map.mask?.[r]?.[c] === true;
  if (rows * cols <= CELLS_IN_FULL) {
    map.values.forEach((row, r) =>
      lines.push(
        `Row ${map.rowLabels?.[r] ?? r}: ${row
          .map((v, c) => {
            const label = map.cellLabels?.[r]?.[c];
            return `${masked(r, c) ? 'masked' : name(v)}${label ? ` (${label})` : ''}`;
          })
          .join(', ')}.`,
      ),
    );
  } else if (categorical) {
    const counts = color.categories.map(() => 0);
    let maskedCount = 0;
    map.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (masked(r, c)) maskedCount++;
        else if (Number.isInteger(v) && v >= 0 && v < counts.length) counts[v]++;
      }),
    );
    lines.push(`${color.categories.map((c, i) => `${c}: ${counts[i]} cells`).join('; ')}.`);
    if (maskedCount) lines.push(`${maskedCount} cells masked${map.maskLabel ? ` (${map.maskLabel})` : ''}.`);
  } else {
    let min = Infinity;
    let max = -Infinity;
    let minAt = [0, 0];
    let maxAt = [0, 0];
    let sum = 0;
    let n = 0;
    let maskedCount = 0;
    let bad = 0;
    map.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (masked(r, c)) return void maskedCount++;
        if (!Number.isFinite(v)) return void bad++;
        if (v < min) [min, minAt] = [v, [r, c]];
        if (v > max) [max, maxAt] = [v, [r, c]];
        sum += v;
        n++;
      }),
    );
    if (n > 0)
      lines.push(
        `From ${f(min)} at (${minAt.join(', ')}) to ${f(max)} at (${maxAt.join(', ')}); mean ${f(sum / n)} over ${n} cells.`,
      );
    if (maskedCount) lines.push(`${maskedCount} cells masked${map.maskLabel ? ` (${map.maskLabel})` : ''}.`);
    if (bad) lines.push(`${bad} cells not finite (NaN or ±∞).`);
  }
  if (map.highlight) {
    const [r, c] = map.highlight;
    lines.push(`Highlighted: row ${r}, column ${c}: ${masked(r, c) ? 'masked' : name(map.values[r][c])}.`);
  }
  return lines;
}

function describeMultiples(spec: SmallMultiplesSpec): string[] {
  const lines = [`Small multiples: ${spec.title}, ${spec.panels.length} panels.`];
  if (spec.panels.length === 0) lines.push('No data.');
  for (const panel of spec.panels)
    lines.push(...describeMap({ ...panel, color: spec.color ?? panel.color }, 'Panel'));
  return lines;
}

/** The figure's textual form: lines joined by newlines. */
export function describeFigure(spec: FigureSpec): string {
  const lines =
    spec.kind === 'line'
      ? describeLine(spec)
      : spec.kind === 'bars'
        ? describeBars(spec)
        : spec.kind === 'heatmap'
          ? describeMap(spec, 'Heatmap')
          : describeMultiples(spec);
  if (spec.description) lines.splice(1, 0, spec.description);
  return lines.join('\n');
}
