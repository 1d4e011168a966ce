/**
 * Where a heatmap's parts go, without drawing them (no d3, no colour schemes): an
 * explorable that only moves a heatmap's outlined cell needs this much in the page.
 */
import type { ColorSpec, HeatmapSpec } from './spec.ts';
import { FONT } from './text-metrics.ts';
import { legendHeight, type LegendItem } from './legend.ts';

export type MapData = Omit<HeatmapSpec, 'kind' | 'width' | 'height'>;

export const isMasked = (map: MapData, r: number, c: number) => map.mask?.[r]?.[c] === true;

export interface MapPlacement {
  x: number;
  y: number;
  /** The side of a cell, in user units. */
  cell: number;
}

/** What kinds of cells a map has (for the legend's extra swatches). */
export function cellKinds(maps: MapData[]): { masked: boolean; nonFinite: boolean } {
  let masked = false;
  let bad = false;
  for (const map of maps)
    map.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (isMasked(map, r, c)) masked = true;
        else if (!Number.isFinite(v)) bad = true;
      }),
    );
  return { masked, nonFinite: bad };
}

/** The width the row labels of a map need. */
export function rowLabelWidth(map: MapData): number {
  const longest = Math.max(1, ...(map.rowLabels ?? [String(map.values.length - 1)]).map((l) => l.length));
  return longest * FONT * 0.62 + 6;
}

export function extraItems(
  kinds: { masked: boolean; nonFinite: boolean },
  maskLabel: string | undefined,
  id: string,
): LegendItem[] {
  const items: LegendItem[] = [];
  if (kinds.masked)
    items.push({
      label: maskLabel ?? 'masked',
      swatch: { type: 'rect', fill: `url(#${id}-masked)`, className: 'fig-swatch' },
    });
  if (kinds.nonFinite)
    items.push({
      label: 'NaN or ±∞',
      swatch: { type: 'rect', fill: `url(#${id}-nonfinite)`, className: 'fig-swatch' },
    });
  return items;
}

export const BAR_HEIGHT = 10;

/** The legend's height under a map of `width` (so the layout can reserve it; needs no colour scheme). */
export function mapLegendHeight(
  color: ColorSpec | undefined,
  kinds: { masked: boolean; nonFinite: boolean },
  maskLabel: string | undefined,
  width: number,
): number {
  const extra = extraItems(kinds, maskLabel, '');
  const title = color?.label ? FONT + 6 : 0;
  if (color?.type === 'categorical') {
    const items = color.categories.map((c) => ({ label: c, swatch: { type: 'rect' as const } }));
    return title + legendHeight([...items, ...extra], width);
  }
  return title + BAR_HEIGHT + 6 + FONT + 4 + (extra.length ? legendHeight(extra, width) + 4 : 0);
}
