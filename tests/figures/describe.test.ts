/** The textual form of figures (screen readers, doc-tests), the numbers tables, and the spec checks. */
import { describe, expect, it } from 'vitest';
import {
  checkSpec,
  describeFigure,
  decodeNumber,
  figureTables,
  renderTable,
  FIGURE_LIMITS,
  type FigureSpec,
} from '../../src/figures/index.ts';

describe('describeFigure', () => {
  it('lists a short series in full and summarises a long one, naming its runs of −∞', () => {
    const xs = Array.from({ length: 121 }, (_, i) => i);
    const spec: FigureSpec = {
      kind: 'line',
      title: 'log p of the target against the gap',
      x: { label: 'gap' },
      y: { label: 'log p', format: '.2f' },
      series: [
        { label: 'softmax().log()', x: xs, y: xs.map((g) => (g < 104 ? -g : -Infinity)) },
        { label: 'three', x: [0, 1, 2], y: [0, -1, NaN] },
      ],
      points: [{ x: 50, y: -50, label: 'g = 50' }],
      rules: [{ axis: 'x', value: 104, label: 'float32 underflows' }],
    };
    expect(describeFigure(spec)).toBe(
      [
        'Line plot: log p of the target against the gap.',
        'softmax().log(): 121 points, gap from 0 to 120; log p from −103.00 (at gap = 103) to 0.00 (at gap = 0); −∞ for gap from 104 to 120.',
        'three: (0, 0.00), (1, −1.00), (2, NaN).',
        'Point g = 50: gap = 50, log p = −50.00.',
        'Line at gap = 104: float32 underflows.',
      ].join('\n'),
    );
  });

  it('gives every bar, its arrow and the highlighted one', () => {
    const text = describeFigure({
      kind: 'bars',
      title: 'Logits',
      labels: ['cat', 'dog'],
      values: [2, -1],
      arrows: [-0.25, 0.25],
      arrowLabel: 'gradient',
      highlight: 0,
      y: { format: '.2f' },
      description: 'Drag a bar.',
    });
    expect(text).toBe(
      'Bar chart: Logits.\nDrag a bar.\ncat: 2.00 (gradient −0.25) [highlighted]; dog: −1.00 (gradient 0.25).',
    );
  });

  it('gives a small map cell by cell, a large one as a summary (classes counted, masked cells)', () => {
    expect(
      describeFigure({
        kind: 'heatmap',
        title: 'Loss',
        values: [
          [1.1189, 1.1371],
          [1.3066, 0.3823],
        ],
        cellLabels: [
          ['class 0', 'class 1'],
          ['class 2', 'class 0'],
        ],
        highlight: [1, 1],
      }),
    ).toBe(
      'Heatmap: Loss, 2×2.\nRow 0: 1.119 (class 0), 1.137 (class 1).\nRow 1: 1.307 (class 2), 0.3823 (class 0).\nHighlighted: row 1, column 1: 0.3823.',
    );
    const big = Array.from({ length: 8 }, (_, r) => Array.from({ length: 8 }, () => (r < 2 ? 0 : 1)));
    expect(
      describeFigure({
        kind: 'heatmap',
        title: 'Mask',
        values: big,
        mask: big.map((row, r) => row.map(() => r === 7)),
        maskLabel: 'ignored',
        color: { type: 'categorical', categories: ['sky', 'road'], label: 'class' },
      }),
    ).toBe('Heatmap: Mask, 8×8, colour: class.\nsky: 16 cells; road: 40 cells.\n8 cells masked (ignored).');
    const loss = big.map((row, r) => row.map((_, c) => (r === 0 && c === 0 ? NaN : r + c / 10)));
    expect(describeFigure({ kind: 'heatmap', title: 'Loss', values: loss })).toBe(
      'Heatmap: Loss, 8×8.\nFrom 0.1 at (0, 1) to 7.7 at (7, 7); mean 3.911 over 63 cells.\n1 cells not finite (NaN or ±∞).',
    );
  });
});

describe('figureTables and renderTable', () => {
  it('samples a long series evenly, keeping the first and last point, and says so', () => {
    const xs = Array.from({ length: 101 }, (_, i) => i / 100);
    const [table] = figureTables({
      kind: 'line',
      title: 'Loss',
      x: { label: 'p', format: '.2f' },
      y: { format: '.4f' },
      series: [{ label: '−log p', x: xs, y: xs.map((p) => -Math.log(p)) }],
    });
    expect(table.caption).toBe('Loss (every 4th of 101 points)');
    expect(table.columns).toEqual(['p', '−log p']);
    expect(table.rows[0]).toEqual(['0.00', '∞']);
    expect(table.rows[table.rows.length - 1]).toEqual(['1.00', '0.0000']);
    expect(table.rows.length).toBeLessThanOrEqual(26);
  });

  it('renders escaped HTML with row headers', () => {
    const html = renderTable({ caption: 'a <b>', columns: ['x', 'y'], rows: [['<i>', '1']] });
    expect(html).toBe(
      '<table class="fig-table"><caption>a &lt;b&gt;</caption><thead><tr><th scope="col">x</th><th scope="col">y</th></tr></thead><tbody><tr><th scope="row">&lt;i&gt;</th><td>1</td></tr></tbody></table>',
    );
  });
});

describe('checkSpec', () => {
  const line = (over: object) =>
    ({ kind: 'line', title: 'T', x: {}, y: {}, series: [], ...over }) as FigureSpec;

  it('names the figure and the field at fault', () => {
    expect(() => checkSpec(line({ series: [{ label: 'a', x: [1, 2], y: [1] }] }))).toThrow(
      'line "T": series "a" has 2 x values but 1 y values',
    );
    expect(() => checkSpec({ kind: 'pie', title: 'P' } as unknown as FigureSpec)).toThrow(
      'pie "P": unknown kind "pie"; expected one of line, bars, heatmap, multiples',
    );
    expect(() => checkSpec(line({ title: '' }))).toThrow(
      'line: every figure needs a title (its accessible name)',
    );
    expect(() => checkSpec({ kind: 'heatmap', title: 'H', values: [[1, 2], [3]] } as FigureSpec)).toThrow(
      'heatmap "H": values[1] has 1 values, row 0 has 2',
    );
    expect(() =>
      checkSpec({ kind: 'heatmap', title: 'H', values: [[1]], highlight: [0, 3] } as FigureSpec),
    ).toThrow('heatmap "H": highlight [0, 3] is outside the 1×1 map');
    expect(() =>
      checkSpec({
        kind: 'heatmap',
        title: 'H',
        values: [[0, 3]],
        color: { type: 'categorical', categories: ['a', 'b'] },
      } as FigureSpec),
    ).toThrow('heatmap "H": values[0][1] is 3, not a class index in 0..1');
    expect(() => checkSpec(line({ x: { domain: [1, 1] } }))).toThrow(
      'x.domain must be two different finite numbers',
    );
  });

  it('refuses data too large to draw, with the limit', () => {
    const n = FIGURE_LIMITS.points + 1;
    const big = Array.from({ length: n }, (_, i) => i);
    expect(() => checkSpec(line({ series: [{ label: 'a', x: big, y: big }] }))).toThrow(
      `line "T": ${n} points is too many to draw (at most ${FIGURE_LIMITS.points}); sample the data first`,
    );
  });

  it('accepts NaN and ±∞ (they are drawn as gaps or marks)', () => {
    expect(() =>
      checkSpec(line({ series: [{ label: 'a', x: [0, 1, 2], y: [NaN, Infinity, -Infinity] }] })),
    ).not.toThrow();
  });

  it('decodes non-finite numbers that travelled through JSON as strings', () => {
    expect(['NaN', 'Infinity', '-Infinity', 1.5].map(decodeNumber)).toEqual([NaN, Infinity, -Infinity, 1.5]);
    expect(() => decodeNumber('one')).toThrow('expected a number, got "one"');
  });
});
