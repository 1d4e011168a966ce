/** Line plots: spec -> SVG (scales, ticks, colours by class, gaps and marks for NaN and ±∞, empty data). */
import { describe, expect, it } from 'vitest';
import { renderFigure, type LinePlotSpec } from '../../src/figures/index.ts';
import { lineLayout } from '../../src/figures/line.ts';
import { all, attr, num, one, parseSvg, textOf } from '../helpers/svg-tree.ts';

const base = (over: Partial<LinePlotSpec> = {}): LinePlotSpec => ({
  kind: 'line',
  title: 'Loss against p',
  x: { label: 'p', domain: [0, 1] },
  y: { label: 'loss', domain: [0, 5] },
  series: [{ label: '−log p', x: [0.1, 0.5, 0.9], y: [2.3026, 0.6931, 0.1054] }],
  ...over,
});

/** The coordinates of a path made of M and L commands, one array per sub-path. */
function subpaths(d: string): [number, number][][] {
  return d
    .split('M')
    .filter(Boolean)
    .map((part) => part.split('L').map((p) => p.split(',').map(Number) as [number, number]));
}

describe('renderFigure: line plots', () => {
  it('is an accessible image: named by its title, described by its textual form', () => {
    const tree = parseSvg(renderFigure(base(), { id: 'f1' }));
    const svg = one(tree, 'svg');
    expect(attr(svg, 'role')).toBe('img');
    expect(attr(svg, 'ariaLabelledBy')).toBe('f1-title');
    expect(textOf(one(tree, '#f1-title'))).toBe('Loss against p');
    expect(textOf(one(tree, '#f1-desc'))).toContain('−log p: (0.1, 2.303), (0.5, 0.6931), (0.9, 0.1054).');
    expect(attr(svg, 'viewBox')).toBe('0 0 360 240');
  });

  it('maps data to pixels with the layout’s scales: the path goes through each point', () => {
    const spec = base();
    const { x, y, frame } = lineLayout(spec);
    expect(x(0)).toBeCloseTo(frame.left, 6);
    expect(x(1)).toBeCloseTo(frame.right, 6);
    expect(y(0)).toBeCloseTo(frame.bottom, 6);
    expect(y(5)).toBeCloseTo(frame.top, 6);
    const path = one(parseSvg(renderFigure(spec)), 'path.fig-series');
    const [points] = subpaths(attr(path, 'd'));
    expect(points).toHaveLength(3);
    points.forEach(([px, py], i) => {
      // Paths are written to 0.1 user units.
      expect(Math.abs(px - x(spec.series[0].x[i]))).toBeLessThanOrEqual(0.05);
      expect(Math.abs(py - y(spec.series[0].y[i]))).toBeLessThanOrEqual(0.05);
    });
  });

  it("labels d3's ticks with d3's format (the spec's specifier, minus sign U+2212)", () => {
    const tree = parseSvg(renderFigure(base({ y: { label: 'log p', domain: [-4, 0], format: '.1f' } })));
    const yLabels = all(tree, '.fig-axis-y .fig-tick-label').map((t) => textOf(t));
    expect(yLabels).toEqual(['−4.0', '−3.0', '−2.0', '−1.0', '0.0']);
    const xLabels = all(tree, '.fig-axis-x .fig-tick-label').map((t) => textOf(t));
    expect(xLabels).toEqual(['0.0', '0.2', '0.4', '0.6', '0.8', '1.0']);
    expect(textOf(one(tree, '.fig-axis-x .fig-axis-label'))).toBe('p');
  });

  it('without a domain, takes the extent of the finite values, made nice', () => {
    const spec = base({
      y: { label: 'loss' },
      series: [{ label: 'a', x: [0, 1, 2], y: [0.13, 4.2, Infinity] }],
    });
    expect(lineLayout(spec).y.domain()).toEqual([0, 5]);
    const flat = base({ y: {}, series: [{ label: 'a', x: [0, 1], y: [3, 3] }] });
    const [lo, hi] = lineLayout(flat).y.domain();
    expect(lo).toBeLessThan(3);
    expect(hi).toBeGreaterThan(3);
  });

  it('gives each series a colour class and a dash style, and a legend when there are several', () => {
    const tree = parseSvg(
      renderFigure(
        base({
          series: [
            { label: 'y = 1', x: [0.1, 0.9], y: [2.3, 0.1] },
            { label: 'y = 0', x: [0.1, 0.9], y: [0.1, 2.3], style: 'dashed' },
          ],
        }),
      ),
    );
    const paths = all(tree, 'path.fig-series');
    expect(paths.map((p) => attr(p, 'className'))).toEqual([
      'fig-series fig-c0 fig-dash-solid',
      'fig-series fig-c1 fig-dash-dashed',
    ]);
    expect(all(tree, '.fig-legend .fig-legend-label').map((t) => textOf(t))).toEqual(['y = 1', 'y = 0']);
    // Theme colours come from CSS classes: no colour is written into the marks.
    for (const p of paths) expect(p.properties.stroke).toBeUndefined();
  });

  it('breaks the line at NaN and ±∞ and marks each run on the edge with its value', () => {
    const spec = base({
      y: { domain: [-120, 0] },
      x: { domain: [0, 10] },
      series: [
        {
          label: 'naive',
          x: [0, 1, 2, 3, 4, 5, 6, 7, 8],
          y: [0, -10, NaN, -30, -40, -Infinity, -Infinity, -70, Infinity],
        },
      ],
    });
    const tree = parseSvg(renderFigure(spec));
    const parts = subpaths(attr(one(tree, 'path.fig-series'), 'd'));
    // d3 starts a sub-path at a lone finite point too (it draws nothing): we add a dot there.
    expect(parts.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(all(tree, 'circle.fig-dot')).toHaveLength(1);
    const labels = all(tree, '.fig-nonfinite-label').map((t) => textOf(t));
    expect(labels).toEqual(['NaN', '−∞', '∞']);
    const { frame } = lineLayout(spec);
    const marks = all(tree, 'line.fig-nonfinite');
    expect(num(marks[1], 'y1')).toBeGreaterThan(frame.bottom - 5); // −∞ at the bottom
    expect(num(marks[2], 'y1')).toBeLessThan(frame.top + 5); // ∞ at the top
  });

  it('clips finite values beyond the axis to the plot area, with finite coordinates', () => {
    const tree = parseSvg(
      renderFigure(base({ series: [{ label: 'a', x: [0, 0.5, 1], y: [1, 1e30, -1e30] }] }), { id: 'c' }),
    );
    expect(attr(one(tree, 'g.fig-plot'), 'clipPath')).toBe('url(#c-clip)');
    const coords = subpaths(attr(one(tree, 'path.fig-series'), 'd')).flat(2);
    expect(coords.every(Number.isFinite)).toBe(true);
    expect(Math.max(...coords.map(Math.abs))).toBeLessThan(20_000);
  });

  it('draws the moving point on its series, with its label; a non-finite point sits on the edge', () => {
    const spec = base({ points: [{ x: 0.5, y: 0.6931, label: 'loss 0.6931', series: 0 }] });
    const { x, y } = lineLayout(spec);
    const tree = parseSvg(renderFigure(spec));
    const point = one(tree, 'circle.fig-point');
    expect(num(point, 'cx')).toBeCloseTo(x(0.5), 1);
    expect(num(point, 'cy')).toBeCloseTo(y(0.6931), 1);
    expect(textOf(one(tree, '.fig-point-label'))).toBe('loss 0.6931');
    const edge = parseSvg(renderFigure(base({ points: [{ x: 0.5, y: -Infinity }] })));
    expect(num(one(edge, 'circle.fig-point'), 'cy')).toBeCloseTo(lineLayout(spec).frame.bottom, 1);
    expect(textOf(one(edge, '.fig-point-label'))).toBe('−∞');
  });

  it('draws reference rules with their labels (e.g. the −100 clamp)', () => {
    const tree = parseSvg(
      renderFigure(
        base({ y: { domain: [0, 120] }, rules: [{ axis: 'y', value: 100, label: 'clamp: 100' }] }),
      ),
    );
    expect(all(tree, 'line.fig-rule')).toHaveLength(1);
    expect(textOf(one(tree, '.fig-rule-label'))).toBe('clamp: 100');
  });

  it('draws empty data as empty axes saying "No data", without crashing', () => {
    for (const series of [[], [{ label: 'none', x: [], y: [] }]]) {
      const tree = parseSvg(renderFigure(base({ series, x: {}, y: {} })));
      expect(textOf(one(tree, '.fig-empty'))).toBe('No data');
      expect(all(tree, '.fig-axis-x .fig-tick-label').length).toBeGreaterThan(1);
    }
  });

  it('escapes labels: a label can never become markup', () => {
    const markup = renderFigure(
      base({ title: '<script>alert(1)</script>', series: [{ label: '"><b>x', x: [0], y: [0] }] }),
    );
    expect(markup).not.toContain('<script>');
    expect(markup).not.toContain('<b>');
    expect(textOf(one(parseSvg(markup), 'title'))).toBe('<script>alert(1)</script>');
  });
});
