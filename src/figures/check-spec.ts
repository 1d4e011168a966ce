/**
 * Checks a figure spec before it is drawn: a bad spec gets an error that names the figure
 * and the field at fault (never a silently wrong picture). Non-finite numbers are allowed
 * (they are drawn as gaps or marks); wrong lengths, unknown kinds and oversized data are not.
 */
import { FIGURE_LIMITS, type ColorSpec, type FigureSpec, type HeatmapSpec } from './spec.ts';

export class FigureSpecError extends Error {
  override name = 'FigureSpecError';
}

const KINDS = ['line', 'bars', 'heatmap', 'multiples'];

function fail(spec: { kind?: unknown; title?: unknown }, message: string): never {
  const what =
    typeof spec.title === 'string' && spec.title ? `${String(spec.kind)} "${spec.title}"` : 'figure';
  throw new FigureSpecError(`${what}: ${message}`);
}

function isNumberArray(a: unknown): a is number[] {
  return Array.isArray(a) && a.every((v) => typeof v === 'number');
}

function checkLabel(spec: FigureSpec, text: unknown, what: string): void {
  if (text === undefined) return;
  if (typeof text !== 'string') fail(spec, `${what} must be a string, got ${typeof text}`);
  if (text.length > FIGURE_LIMITS.label)
    fail(spec, `${what} has ${text.length} characters (at most ${FIGURE_LIMITS.label})`);
}

function checkDomain(spec: FigureSpec, domain: unknown, what: string): void {
  if (domain === undefined) return;
  if (
    !isNumberArray(domain) ||
    domain.length !== 2 ||
    !domain.every(Number.isFinite) ||
    domain[0] === domain[1]
  )
    fail(spec, `${what} must be two different finite numbers [min, max], got ${JSON.stringify(domain)}`);
}

function checkColor(spec: FigureSpec, color: ColorSpec | undefined, what: string): void {
  if (!color) return;
  if (color.type === 'categorical') {
    if (!Array.isArray(color.categories) || color.categories.length === 0)
      fail(spec, `${what}.categories must name at least one class`);
    color.categories.forEach((c, i) => checkLabel(spec, c, `${what}.categories[${i}]`));
  } else {
    if (color.type !== undefined && color.type !== 'sequential')
      fail(spec, `${what}.type must be 'sequential' or 'categorical', got ${JSON.stringify(color.type)}`);
    if (color.scheme !== undefined && color.scheme !== 'viridis' && color.scheme !== 'cividis')
      fail(spec, `${what}.scheme must be 'viridis' or 'cividis', got ${JSON.stringify(color.scheme)}`);
    checkDomain(spec, color.domain, `${what}.domain`);
  }
}

/** The rows × columns of a grid of numbers, or an error naming the first ragged row. */
function gridShape(spec: FigureSpec, grid: unknown, what: string): [number, number] {
  if (!Array.isArray(grid)) fail(spec, `${what} must be an array of rows`);
  const cols = grid.length > 0 && Array.isArray(grid[0]) ? grid[0].length : 0;
  grid.forEach((row, r) => {
    if (!isNumberArray(row)) fail(spec, `${what}[${r}] must be an array of numbers`);
    if (row.length !== cols) fail(spec, `${what}[${r}] has ${row.length} values, row 0 has ${cols}`);
  });
  return [grid.length, cols];
}

function checkHeatmapPanel(spec: FigureSpec, map: Omit<HeatmapSpec, 'kind'>, what: string): number {
  const [rows, cols] = gridShape(spec, map.values, `${what}values`);
  for (const key of ['mask', 'cellLabels'] as const) {
    const grid: unknown = map[key];
    const fits = (g: unknown) =>
      Array.isArray(g) && g.length === rows && g.every((row) => Array.isArray(row) && row.length === cols);
    if (grid !== undefined && !fits(grid))
      fail(spec, `${what}${key} must have the values' shape ${rows}×${cols}`);
  }
  if (map.rowLabels !== undefined && map.rowLabels.length !== rows)
    fail(spec, `${what}rowLabels has ${map.rowLabels.length} labels for ${rows} rows`);
  if (map.colLabels !== undefined && map.colLabels.length !== cols)
    fail(spec, `${what}colLabels has ${map.colLabels.length} labels for ${cols} columns`);
  if (map.highlight !== undefined) {
    const [r, c] = map.highlight;
    if (!Number.isInteger(r) || !Number.isInteger(c) || r < 0 || r >= rows || c < 0 || c >= cols)
      fail(spec, `${what}highlight [${r}, ${c}] is outside the ${rows}×${cols} map`);
  }
  checkColor(spec, map.color, `${what}color`);
  if (map.color?.type === 'categorical') {
    const n = map.color.categories.length;
    map.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (Number.isFinite(v) && (!Number.isInteger(v) || v < 0 || v >= n))
          fail(spec, `${what}values[${r}][${c}] is ${v}, not a class index in 0..${n - 1}`);
      }),
    );
  }
  return rows * cols;
}

/** Throws a FigureSpecError when the spec cannot be drawn as it stands. */
export function checkSpec(spec: FigureSpec): void {
  if (spec === null || typeof spec !== 'object') throw new FigureSpecError('a figure spec must be an object');
  if (!KINDS.includes(spec.kind))
    fail(spec, `unknown kind ${JSON.stringify(spec.kind)}; expected one of ${KINDS.join(', ')}`);
  if (typeof spec.title !== 'string' || spec.title.trim() === '')
    throw new FigureSpecError(`${spec.kind}: every figure needs a title (its accessible name)`);
  checkLabel(spec, spec.title, 'title');
  checkLabel(spec, spec.description, 'description');
  for (const dim of ['width', 'height'] as const) {
    const v = spec[dim];
    if (v !== undefined && !(Number.isFinite(v) && v >= 120 && v <= 2000))
      fail(spec, `${dim} must be between 120 and 2000 user units, got ${v}`);
  }
  switch (spec.kind) {
    case 'line': {
      checkDomain(spec, spec.x?.domain, 'x.domain');
      checkDomain(spec, spec.y?.domain, 'y.domain');
      if (!Array.isArray(spec.series)) fail(spec, 'series must be an array');
      let points = 0;
      spec.series.forEach((s, i) => {
        checkLabel(spec, s.label, `series[${i}].label`);
        if (!isNumberArray(s.x) || !isNumberArray(s.y))
          fail(spec, `series[${i}] needs x and y arrays of numbers`);
        if (s.x.length !== s.y.length)
          fail(spec, `series "${s.label}" has ${s.x.length} x values but ${s.y.length} y values`);
        points += s.x.length;
      });
      if (points > FIGURE_LIMITS.points)
        fail(
          spec,
          `${points} points is too many to draw (at most ${FIGURE_LIMITS.points}); sample the data first`,
        );
      spec.points?.forEach((p, i) => {
        if (p.series !== undefined && (p.series < 0 || p.series >= spec.series.length))
          fail(spec, `points[${i}].series ${p.series} is not a series index`);
      });
      return;
    }
    case 'bars': {
      if (!Array.isArray(spec.labels) || !isNumberArray(spec.values))
        fail(spec, 'needs labels and values arrays');
      if (spec.labels.length !== spec.values.length)
        fail(spec, `${spec.labels.length} labels but ${spec.values.length} values`);
      if (spec.values.length > FIGURE_LIMITS.bars)
        fail(spec, `${spec.values.length} bars is too many (at most ${FIGURE_LIMITS.bars})`);
      spec.labels.forEach((l, i) => checkLabel(spec, l, `labels[${i}]`));
      if (
        spec.arrows !== undefined &&
        (!isNumberArray(spec.arrows) || spec.arrows.length !== spec.values.length)
      )
        fail(spec, `arrows must have one number per bar (${spec.values.length})`);
      if (spec.arrowScale !== undefined && !(Number.isFinite(spec.arrowScale) && spec.arrowScale > 0))
        fail(spec, `arrowScale must be a positive number, got ${spec.arrowScale}`);
      if (spec.highlight !== undefined && !(spec.highlight >= 0 && spec.highlight < spec.values.length))
        fail(spec, `highlight ${spec.highlight} is not a bar index`);
      checkDomain(spec, spec.y?.domain, 'y.domain');
      return;
    }
    case 'heatmap': {
      const cells = checkHeatmapPanel(spec, spec, '');
      if (cells > FIGURE_LIMITS.cells)
        fail(spec, `${cells} cells is too many to draw (at most ${FIGURE_LIMITS.cells})`);
      return;
    }
    case 'multiples': {
      if (!Array.isArray(spec.panels)) fail(spec, 'panels must be an array');
      if (spec.panels.length > FIGURE_LIMITS.panels)
        fail(spec, `${spec.panels.length} panels is too many (at most ${FIGURE_LIMITS.panels})`);
      if (spec.columns !== undefined && !(Number.isInteger(spec.columns) && spec.columns >= 1))
        fail(spec, `columns must be a whole number of at least 1, got ${spec.columns}`);
      checkColor(spec, spec.color, 'color');
      let cells = 0;
      spec.panels.forEach((panel, i) => {
        checkLabel(spec, panel.title, `panels[${i}].title`);
        cells += checkHeatmapPanel(spec, panel, `panels[${i}].`);
      });
      if (cells > FIGURE_LIMITS.cells)
        fail(spec, `${cells} cells is too many to draw (at most ${FIGURE_LIMITS.cells})`);
      return;
    }
  }
}
