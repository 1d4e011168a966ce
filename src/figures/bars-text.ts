/**
 * A bar chart in words (its textual form: ./describe.ts) and as a table of its numbers.
 */
import type { BarChartSpec } from './spec.ts';
import type { FigureTable } from './table.ts';
import { formatter } from './format.ts';
import { finish } from './describe-common.ts';

export function describeBars(spec: BarChartSpec): string {
  const f = formatter(spec.y.format);
  const lines = [`Bar chart: ${spec.title}.`];
  if (spec.values.length === 0) return finish(spec, [...lines, 'No data.']);
  const arrow = spec.arrowLabel ?? 'arrow';
  lines.push(
    spec.labels
      .map((label, i) => {
        let item = `${label}: ${f(spec.values[i])}`;
        if (spec.arrows) item += ` (${arrow} ${f(spec.arrows[i])})`;
        if (spec.highlight === i) item += ' [highlighted]';
        return item;
      })
      .join('; ') + '.',
  );
  return finish(spec, lines);
}

export function barsTable(spec: BarChartSpec): FigureTable {
  const f = formatter(spec.y.format);
  const columns = ['category', spec.y.label ?? 'value'];
  if (spec.arrows) columns.push(spec.arrowLabel ?? 'arrow');
  return {
    caption: spec.title,
    columns,
    rows: spec.labels.map((label, i) => [
      spec.highlight === i ? `${label} (highlighted)` : label,
      f(spec.values[i]),
      ...(spec.arrows ? [f(spec.arrows[i])] : []),
    ]),
  };
}
