/**
 * Heatmaps and small multiples in words (their textual form: ./describe.ts) and as tables:
 * a small map cell by cell, a large one summarised (classes counted, or the extent and the
 * mean; masked and non-finite cells counted).
 */
import type { HeatmapSpec, SmallMultiplesSpec } from './spec.ts';
import type { FigureTable } from './table.ts';
import { formatter } from './format.ts';
import { finish } from './describe-common.ts';

/** Maps with at most this many cells are described cell by cell. */
export const CELLS_IN_FULL = 36;
/** Maps with at most this many cells are tabulated in full. */
export const TABLE_CELLS = 256;

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

export function describeMultiples(spec: SmallMultiplesSpec): string {
  const lines = [`Small multiples: ${spec.title}, ${spec.panels.length} panels.`];
  if (spec.panels.length === 0) lines.push('No data.');
  for (const panel of spec.panels)
    lines.push(...describeMap({ ...panel, color: spec.color ?? panel.color }, 'Panel'));
  return finish(spec, lines);
}

export function describeHeatmap(spec: HeatmapSpec): string {
  return finish(spec, describeMap(spec, 'Heatmap'));
}

export function mapTable(map: Omit<HeatmapSpec, 'kind'>): FigureTable {
  const rows = map.values.length;
  const cols = rows ? map.values[0].length : 0;
  if (rows * cols > TABLE_CELLS || rows * cols === 0)
    return {
      caption: map.title,
      columns: ['summary'],
      rows: describeMap(map, 'Heatmap')
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
