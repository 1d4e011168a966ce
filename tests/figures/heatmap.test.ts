/** Heatmaps and small multiples: spec -> SVG (colours, colour bar, classes, masks, NaN and ±∞, empty data). */
import { describe, expect, it } from 'vitest';
import { interpolateCividis } from 'd3-scale-chromatic';
import { rgb } from 'd3-color';
import { renderFigure, type HeatmapSpec, type SmallMultiplesSpec } from '../../src/figures/index.ts';
import { heatmapLayout } from '../../src/figures/heatmap-layout.ts';
import { CATEGORICAL, textOn } from '../../src/figures/colors.ts';
import { all, attr, num, one, parseSvg, textOf } from '../helpers/svg-tree.ts';
import type { Element } from 'hast';

const base = (over: Partial<HeatmapSpec> = {}): HeatmapSpec => ({
  kind: 'heatmap',
  title: 'Loss map',
  values: [
    [1.1189, 1.1371],
    [1.3066, 0.3823],
  ],
  ...over,
});

const cells = (markup: string): Element[] => all(parseSvg(markup), '.fig-cells rect');

describe('renderFigure: heatmaps', () => {
  it('colours the smallest value with viridis(0) and the largest with viridis(1)', () => {
    const fills = cells(renderFigure(base())).map((c) => attr(c, 'fill'));
    expect(fills).toHaveLength(4);
    expect(fills[3]).toBe('#440154'); // 0.3823, the minimum
    expect(fills[2]).toBe('#fde725'); // 1.3066, the maximum
  });

  it('uses cividis when asked, and the given domain (values outside it clamp)', () => {
    const fills = cells(renderFigure(base({ color: { scheme: 'cividis', domain: [0, 2] } }))).map((c) =>
      attr(c, 'fill'),
    );
    expect(fills[3]).toBe(rgb(interpolateCividis(0.3823 / 2)).formatHex());
    const clamped = cells(renderFigure(base({ values: [[-5, 9]], color: { domain: [0, 1] } }))).map((c) =>
      attr(c, 'fill'),
    );
    expect(clamped).toEqual(['#440154', '#fde725']);
  });

  it('places square cells by the layout, row by row', () => {
    const spec = base();
    const { map } = heatmapLayout(spec);
    const rects = cells(renderFigure(spec));
    expect(num(rects[1], 'x')).toBeCloseTo(map.x + map.cell, 1);
    expect(num(rects[2], 'y')).toBeCloseTo(map.y + map.cell, 1);
    expect(num(rects[0], 'width')).toBeCloseTo(num(rects[0], 'height'), 6);
  });

  it('draws a colour bar with d3 ticks and the label', () => {
    const tree = parseSvg(
      renderFigure(base({ color: { label: 'loss', domain: [0, 1.5], format: '.1f' } }), { id: 'h' }),
    );
    expect(textOf(one(tree, '.fig-legend-title'))).toBe('loss');
    expect(attr(one(tree, 'rect.fig-colorbar'), 'fill')).toBe('url(#h-bar)');
    expect(all(tree, '#h-bar stop')).toHaveLength(11);
    expect(all(tree, '.fig-map-legend .fig-tick-label').map((t) => textOf(t))).toEqual([
      '0.0',
      '0.5',
      '1.0',
      '1.5',
    ]);
  });

  it('prints values in the cells in black or white, whichever reads on the colour', () => {
    const tree = parseSvg(
      renderFigure(
        base({
          annotate: '.4f',
          cellLabels: [
            ['class 0', 'class 1'],
            ['class 2', 'class 0'],
          ],
        }),
      ),
    );
    const labels = all(tree, '.fig-cell-label:not(.fig-cell-label-small)');
    expect(labels.map((t) => textOf(t))).toEqual(['1.1189', '1.1371', '1.3066', '0.3823']);
    expect(attr(labels[3], 'fill')).toBe('#ffffff'); // on dark purple
    expect(attr(labels[2], 'fill')).toBe('#000000'); // on yellow
    expect(all(tree, '.fig-cell-label-small').map((t) => textOf(t))).toEqual([
      'class 0',
      'class 1',
      'class 2',
      'class 0',
    ]);
    expect(textOn('#440154')).toBe('#ffffff');
  });

  it('draws classes in the Okabe–Ito palette with a legend of their names', () => {
    const tree = parseSvg(
      renderFigure(
        base({
          values: [
            [0, 1],
            [2, 0],
          ],
          color: { type: 'categorical', categories: ['sky', 'road', 'car'] },
        }),
      ),
    );
    expect(all(tree, '.fig-cells rect').map((c) => attr(c, 'fill'))).toEqual([
      CATEGORICAL[0],
      CATEGORICAL[1],
      CATEGORICAL[2],
      CATEGORICAL[0],
    ]);
    expect(all(tree, '.fig-legend-label').map((t) => textOf(t))).toEqual(['sky', 'road', 'car']);
  });

  it('hatches masked cells and non-finite values, and names both in the legend', () => {
    const tree = parseSvg(
      renderFigure(
        base({
          values: [
            [1, NaN],
            [Infinity, 0.5],
          ],
          mask: [
            [true, false],
            [false, false],
          ],
          maskLabel: 'ignored (ignoreIndex 255)',
        }),
        { id: 'm' },
      ),
    );
    const fills = all(tree, '.fig-cells rect').map((c) => attr(c, 'fill'));
    expect(fills.slice(0, 3)).toEqual(['url(#m-masked)', 'url(#m-nonfinite)', 'url(#m-nonfinite)']);
    expect(one(tree, 'pattern#m-masked')).toBeTruthy();
    expect(all(tree, '.fig-legend-label').map((t) => textOf(t))).toEqual([
      'ignored (ignoreIndex 255)',
      'NaN or ±∞',
    ]);
    // The colour scale ignores masked and non-finite cells: 0.5 is the only value left.
    expect(fills[3]).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('merges runs of equal colour into one rect (a 32×32 map of two classes stays small)', () => {
    const values = Array.from({ length: 32 }, (_, r) => Array.from({ length: 32 }, () => (r < 16 ? 0 : 1)));
    const rects = cells(
      renderFigure(base({ values, color: { type: 'categorical', categories: ['a', 'b'] } })),
    );
    expect(rects).toHaveLength(32);
    expect(rects.every((r) => num(r, 'width') > 0)).toBe(true);
  });

  it('outlines the highlighted cell', () => {
    const spec = base({ highlight: [1, 0] });
    const { map } = heatmapLayout(spec);
    const ring = one(parseSvg(renderFigure(spec)), 'rect.fig-highlight');
    expect(num(ring, 'x')).toBeCloseTo(map.x - 1.5, 1);
    expect(num(ring, 'y')).toBeCloseTo(map.y + map.cell - 1.5, 1);
  });

  it('draws an empty map as "No data"', () => {
    for (const values of [[], [[]]]) {
      const tree = parseSvg(renderFigure(base({ values })));
      expect(textOf(one(tree, '.fig-empty'))).toBe('No data');
    }
  });
});

describe('renderFigure: small multiples', () => {
  const panels = [0, 1, 2].map((k) => ({
    title: `class ${k}`,
    values: [
      [k, k + 1],
      [k + 2, k + 3],
    ],
  }));

  it('draws every panel under its title with one shared colour scale and one colour bar', () => {
    const spec: SmallMultiplesSpec = {
      kind: 'multiples',
      title: 'Score maps',
      panels,
      color: { label: 'logit' },
    };
    const tree = parseSvg(renderFigure(spec));
    expect(all(tree, '.fig-panel-title').map((t) => textOf(t))).toEqual(['class 0', 'class 1', 'class 2']);
    expect(all(tree, 'rect.fig-colorbar')).toHaveLength(1);
    const fills = all(tree, '.fig-cells rect').map((c) => attr(c, 'fill'));
    expect(fills[0]).toBe('#440154'); // 0, the smallest over all panels
    expect(fills[11]).toBe('#fde725'); // 5, the largest
    // The same cell size everywhere.
    const widths = new Set(all(tree, '.fig-cells rect').map((c) => attr(c, 'width')));
    expect(widths.size).toBe(1);
  });

  it('gives each panel its own legend without a shared colour, and wraps into columns', () => {
    const spec: SmallMultiplesSpec = { kind: 'multiples', title: 'Maps', panels, columns: 2 };
    const tree = parseSvg(renderFigure(spec));
    expect(all(tree, 'rect.fig-colorbar')).toHaveLength(3);
    const titles = all(tree, '.fig-panel-title');
    expect(num(titles[2], 'y')).toBeGreaterThan(num(titles[0], 'y'));
    expect(num(titles[2], 'x')).toBe(num(titles[0], 'x'));
  });

  it('draws no panels as "No data"', () => {
    const tree = parseSvg(renderFigure({ kind: 'multiples', title: 'None', panels: [] }));
    expect(textOf(one(tree, '.fig-empty'))).toBe('No data');
  });
});
