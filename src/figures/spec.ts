/**
 * Figure data: what a figure shows, as plain JSON-serialisable data (no functions, no
 * markup). One renderer (./render.ts) turns a spec into SVG markup, in Node at build time
 * (Astro components), in the page (explorables), and later from a cell's worker message.
 *
 * Numbers may be NaN or ±Infinity: the renderer draws them as gaps or marks, never crashes.
 * (JSON has no NaN or Infinity: a sender that goes through JSON.stringify must encode them,
 * e.g. as the strings "NaN", "Infinity", "-Infinity"; `decodeNumber` reads them back.)
 */

/** A d3-format specifier, e.g. '.2f', '.3~g', '.0%' (https://d3js.org/d3-format). */
export type FormatSpecifier = string;

/** The figure's size in SVG user units (its viewBox); it is drawn at the width of its box. */
export interface Size {
  width?: number;
  height?: number;
}

/** Shared by every kind of figure. */
export interface FigureBase extends Size {
  /** The accessible name: says what the figure shows, in a few words. */
  title: string;
  /** A sentence or two more for screen readers (the `<desc>` of the SVG). */
  description?: string;
}

/** A continuous axis. */
export interface AxisSpec {
  /** The axis label, e.g. 'p' or 'loss'. */
  label?: string;
  /** [min, max]; by default the extent of the finite values, made nice. */
  domain?: [number, number];
  /** Tick labels and numbers in the table, as a d3-format specifier. */
  format?: FormatSpecifier;
  /** About how many ticks (d3's count); default 5. */
  ticks?: number;
}

export type LineStyle = 'solid' | 'dashed' | 'dotted';

/** One line of a line plot: x and y of the same length. */
export interface LineSeries {
  label: string;
  x: number[];
  y: number[];
  style?: LineStyle;
}

/** A marked point, e.g. the moving point of an explorable. */
export interface PointMark {
  x: number;
  y: number;
  /** Drawn beside the point. */
  label?: string;
  /** Takes this series' colour (index into `series`). */
  series?: number;
}

/** A horizontal (y) or vertical (x) reference line, e.g. PyTorch's −100 clamp. */
export interface RuleMark {
  axis: 'x' | 'y';
  value: number;
  label?: string;
  /** Where the label of a vertical rule goes: after it (right, the default) or before it (left). */
  side?: 'before' | 'after';
}

export interface LinePlotSpec extends FigureBase {
  kind: 'line';
  x: AxisSpec;
  y: AxisSpec;
  series: LineSeries[];
  points?: PointMark[];
  rules?: RuleMark[];
}

export interface BarChartSpec extends FigureBase {
  kind: 'bars';
  /** One label per bar (the categories). */
  labels: string[];
  values: number[];
  /** The value axis (the bars grow from 0). */
  y: AxisSpec;
  /** The bar to emphasise (e.g. the target class). */
  highlight?: number;
  /** One arrow per bar, drawn from the bar's top: its length is the value (in y units), e.g. a gradient. */
  arrows?: number[];
  /** What the arrows are, for the legend and the table, e.g. '∂ℓ/∂z'. */
  arrowLabel?: string;
  /** Draw the arrows this many times their value, when they are too short to see (the legend says so). */
  arrowScale?: number;
}

/** A continuous colour scale for heatmaps; both schemes are colour-blind safe. */
export interface SequentialColor {
  type?: 'sequential';
  scheme?: 'viridis' | 'cividis';
  /** [min, max] of the colour bar; by default the extent of the finite values. */
  domain?: [number, number];
  /** The colour bar's label. */
  label?: string;
  format?: FormatSpecifier;
}

/** Class indices drawn in a colour-blind-safe categorical palette, with a legend. */
export interface CategoricalColor {
  type: 'categorical';
  /** One name per class; values are indices into it. */
  categories: string[];
  label?: string;
}

export type ColorSpec = SequentialColor | CategoricalColor;

export interface HeatmapSpec extends FigureBase {
  kind: 'heatmap';
  /** rows × columns. */
  values: number[][];
  color?: ColorSpec;
  /** true where a cell is left out (e.g. its target is ignoreIndex): drawn hatched. */
  mask?: boolean[][];
  /** What a masked cell means, for the legend, e.g. 'ignored (ignoreIndex 255)'. */
  maskLabel?: string;
  /** Print each cell's value in it (small maps): true, or a d3-format specifier. */
  annotate?: boolean | FormatSpecifier;
  /** A second line printed in each cell (e.g. its class), when annotating. */
  cellLabels?: string[][];
  /** Labels of the rows (top to bottom) and columns (left to right). */
  rowLabels?: string[];
  colLabels?: string[];
  /** The cell to outline, [row, column]. */
  highlight?: [number, number];
  /** Draw the colour bar or legend (default true). */
  legend?: boolean;
}

/** Several heatmaps in a grid, e.g. one score map per class. */
export interface SmallMultiplesSpec extends FigureBase {
  kind: 'multiples';
  /** The panels, in reading order; each is a heatmap (its own title names the panel). */
  panels: Omit<HeatmapSpec, 'kind' | 'width' | 'height' | 'legend'>[];
  /** Panels per row (default: all in one row). */
  columns?: number;
  /**
   * One colour scale for every panel, with one colour bar (the usual case: comparable maps).
   * Without it each panel keeps its own `color`, and gets its own legend.
   */
  color?: ColorSpec;
}

export type FigureSpec = LinePlotSpec | BarChartSpec | HeatmapSpec | SmallMultiplesSpec;
export type FigureKind = FigureSpec['kind'];

/** The limits a figure must stay within (cells' figures will be checked against them too). */
export const FIGURE_LIMITS = {
  /** Points over all series of a line plot. */
  points: 20_000,
  bars: 200,
  /** Cells over all panels of a heatmap or small multiples. */
  cells: 20_000,
  panels: 48,
  /** Characters of any one label or title. */
  label: 300,
} as const;

/** Reads a number sent through JSON, where NaN and ±Infinity travel as strings. */
export function decodeNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v === 'NaN') return NaN;
  if (v === 'Infinity' || v === '+Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  if (v === null) return NaN;
  throw new Error(`expected a number, got ${JSON.stringify(v)}`);
}
