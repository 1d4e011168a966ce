/**
 * Colours of figures.
 *
 * - Heatmaps: viridis (default) or cividis from d3-scale-chromatic. Both are perceptually
 *   uniform and readable with the common colour-vision deficiencies; cividis is designed
 *   for them. Their colours do not depend on the theme: a heatmap is a picture.
 * - Classes (categorical heatmaps): the Okabe–Ito palette, made for colour-blind readers.
 * - Lines, bars, marks and text take their colours from CSS custom properties
 *   (src/figures/figure.css) through classes, so they follow the site's light and dark
 *   themes and print; the markup holds no theme colour.
 */
import { interpolateCividis, interpolateViridis } from 'd3-scale-chromatic';
import { rgb } from 'd3-color';

export const SCHEMES = { viridis: interpolateViridis, cividis: interpolateCividis } as const;
export type SchemeName = keyof typeof SCHEMES;

/** Okabe & Ito (2008), "Color Universal Design": blue, orange, green, pink, sky, vermillion, yellow, grey. */
export const CATEGORICAL = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#999999',
];

/** The colour of class `i` (the palette repeats after 8 classes). */
export function categoryColor(i: number): string {
  return CATEGORICAL[((i % CATEGORICAL.length) + CATEGORICAL.length) % CATEGORICAL.length];
}

/** WCAG relative luminance of a CSS colour. */
function luminance(color: string): number {
  const { r, g, b } = rgb(color);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Black or white, whichever contrasts more with the fill (for numbers printed on a cell). */
export function textOn(fill: string): '#000000' | '#ffffff' {
  const l = luminance(fill);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

/** A colour as #rrggbb (d3's interpolators return rgb(...) strings too). */
export function hex(color: string): string {
  return rgb(color).formatHex();
}
