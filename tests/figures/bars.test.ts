/** Bar charts: spec -> SVG (bars from 0, the highlighted bar, arrows, NaN and ±∞, empty data). */
import { describe, expect, it } from 'vitest';
import { renderFigure, type BarChartSpec } from '../../src/figures/index.ts';
import { barsInvert, barsLayout } from '../../src/figures/bars.ts';
import { all, attr, num, one, parseSvg, textOf } from '../helpers/svg-tree.ts';

const base = (over: Partial<BarChartSpec> = {}): BarChartSpec => ({
  kind: 'bars',
  title: 'Softmax probabilities',
  labels: ['cat', 'dog', 'bird'],
  values: [0.7856, 0.1753, 0.0391],
  y: { label: 'p', domain: [0, 1], format: '.4f' },
  ...over,
});

describe('renderFigure: bar charts', () => {
  it('draws one bar per value, from 0 to the value, on the layout’s scale', () => {
    const spec = base();
    const { y, x, bar: w } = barsLayout(spec);
    const bars = all(parseSvg(renderFigure(spec)), 'rect.fig-bar');
    expect(bars).toHaveLength(3);
    bars.forEach((bar, i) => {
      expect(num(bar, 'y')).toBeCloseTo(y(spec.values[i]), 1);
      expect(num(bar, 'y') + num(bar, 'height')).toBeCloseTo(y(0), 1);
      expect(num(bar, 'x') + num(bar, 'width') / 2).toBeCloseTo(x(i), 1);
      expect(num(bar, 'width')).toBeCloseTo(w, 1);
    });
  });

  it('prints each label and its value under the bar, and emphasises the highlighted one', () => {
    const tree = parseSvg(renderFigure(base({ highlight: 1 })));
    expect(all(tree, '.fig-bar-label').map((t) => textOf(t))).toEqual(['cat', 'dog', 'bird']);
    expect(all(tree, '.fig-bar-value').map((t) => textOf(t))).toEqual(['0.7856', '0.1753', '0.0391']);
    expect(all(tree, 'rect.fig-bar-highlight').map((r) => attr(r, 'dataIndex'))).toEqual(['1']);
  });

  it('hangs negative values below the zero line', () => {
    const spec = base({ values: [2, 0.5, -1], y: { label: 'logit' } });
    const { y } = barsLayout(spec);
    const bird = all(parseSvg(renderFigure(spec)), 'rect.fig-bar')[2];
    expect(num(bird, 'y')).toBeCloseTo(y(0), 1);
    expect(num(bird, 'y') + num(bird, 'height')).toBeCloseTo(y(-1), 1);
  });

  it('draws an arrow from each bar’s end, as long as its value, pointing its way', () => {
    const spec = base({
      values: [2, 0.5, -1],
      y: { label: 'logit' },
      arrows: [-0.5, 1, 0],
      arrowLabel: '∂ℓ/∂z',
    });
    const { y } = barsLayout(spec);
    const tree = parseSvg(renderFigure(spec, { id: 'b' }));
    const arrows = all(tree, 'line.fig-arrow:not(.fig-legend line)').filter(
      (a) => attr(a, 'markerEnd') && num(a, 'x1') === num(a, 'x2'),
    );
    expect(arrows).toHaveLength(2);
    expect(num(arrows[0], 'y1')).toBeCloseTo(y(2), 1);
    expect(num(arrows[0], 'y2')).toBeCloseTo(y(1.5), 1);
    expect(num(arrows[1], 'y2')).toBeCloseTo(y(1.5), 1);
    expect(attr(arrows[0], 'markerEnd')).toBe('url(#b-arrowhead)');
    // A zero arrow is a dot; the legend names the arrows.
    expect(all(tree, 'circle.fig-arrow-dot')).toHaveLength(1);
    expect(textOf(one(tree, '.fig-legend-label'))).toBe('∂ℓ/∂z');
    // The axis reaches the arrows' ends.
    expect(y.domain()[1]).toBeGreaterThanOrEqual(2);
  });

  it('draws no bar for NaN and a broken bar to the edge for ±∞, naming the value', () => {
    const spec = base({ values: [NaN, Infinity, 0.5], y: { domain: [0, 1], format: '.4f' } });
    const { frame } = barsLayout(spec);
    const tree = parseSvg(renderFigure(spec));
    const bars = all(tree, 'rect.fig-bar');
    expect(bars.map((b) => attr(b, 'dataIndex'))).toEqual(['1', '2']);
    expect(num(bars[0], 'y')).toBeCloseTo(frame.top, 1);
    expect(all(tree, 'path.fig-break')).toHaveLength(1);
    expect(all(tree, '.fig-bar-value').map((t) => textOf(t))).toEqual(['NaN', '∞', '0.5000']);
  });

  it('draws no bars as "No data"', () => {
    const tree = parseSvg(renderFigure(base({ labels: [], values: [], y: {} })));
    expect(textOf(one(tree, '.fig-empty'))).toBe('No data');
    expect(all(tree, 'rect.fig-bar')).toHaveLength(0);
  });

  it('maps a pointer to the bar under it (clamped to the first and last) and to a value', () => {
    const spec = base({ y: { domain: [0, 1] } });
    const { x, y, frame } = barsLayout(spec);
    expect(barsInvert(spec, x(1) + 3, y(0.25))).toEqual({ x: 1, y: expect.closeTo(0.25, 6) });
    expect(barsInvert(spec, frame.left - 50, y(0)).x).toBe(0);
    expect(barsInvert(spec, frame.right + 50, y(0)).x).toBe(2);
  });
});
