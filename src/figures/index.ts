/**
 * Figures: typed, JSON-serialisable figure data (./spec.ts) and one renderer from it to SVG
 * markup, with the figure's textual form and its numbers as a table. Pure functions, no
 * DOM: usable in Node (build), in the page and from a worker's message.
 *
 *   renderFigure(spec, { id })  the <svg> (accessible name + <desc> holding the textual form)
 *   describeFigure(spec)        the textual form (screen readers, doc-tests)
 *   figureTables(spec)          the numbers, as tables; renderTable(table) gives their HTML
 *   checkSpec(spec)             throws a FigureSpecError naming the field at fault
 *
 * Styles: ./figure.css (colours from the site's theme variables).
 */
export type * from './spec.ts';
export { FIGURE_LIMITS, decodeNumber } from './spec.ts';
export { checkSpec, FigureSpecError } from './check-spec.ts';
export { renderFigure } from './render.ts';
export { describeFigure } from './describe.ts';
export { figureTables, renderTable, renderTables, type FigureTable } from './table.ts';
export { formatNumber } from './format.ts';
export type { RenderOptions } from './root.ts';
