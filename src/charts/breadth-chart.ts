import type { TopLevelSpec } from 'vega-lite';
import type { ChartData } from '../facts/types.js';
import { datedRows, lastRow } from './dated-rows.js';
import { dateX, END_LABEL, fullWidth } from './encodings.js';
import { COLORS, FONT_SIZE, HEIGHT, REFERENCE_RULE, SCHEMA, vlConfig } from './theme.js';

export type BreadthData = NonNullable<ChartData['breadth']>;

/**
 * Bullish percent of the universe (methodology §4): the daily line in the small-cap colour on a 0–100 % scale, the
 * zones below `lower` and above `upper` shaded grey, a dashed 50 % line, the latest value at the line's end and
 * the status above the plot's top-right corner. `decimals`: the latest value's, as the text prints it; `latest`: the
 * facts' latest reading (the chart's own series is stored rounded).
 * @example breadthChartSpec(facts.charts.breadth).layer.length //=> 7 (zones, zone labels, 50 line, line, end label, status ×2)
 */
export function breadthChartSpec(d: BreadthData, decimals = 1, latest?: number | null): TopLevelSpec {
  const rows = datedRows(d.series);
  const end = lastRow(rows);
  const x = dateX(d.series.dates);
  const y = {
    type: 'quantitative' as const,
    scale: { domain: [0, 100], nice: false },
    axis: { values: [0, d.lower, 50, d.upper, 100], labelExpr: "datum.value + '%'", title: 'Members on a P&F buy signal', grid: false },
  };
  // The axis is defined once (on the zones); the other layers share the scale and leave the axis alone.
  const yPlain = { type: 'quantitative' as const, scale: { domain: [0, 100], nice: false } };
  const layers: object[] = [
    {
      data: { values: [{ lo: 0, hi: d.lower }, { lo: d.upper, hi: 100 }] },
      mark: { type: 'rect', color: COLORS.zone },
      encoding: { y: { field: 'lo', ...y }, y2: { field: 'hi' } },
    },
    {
      data: { values: [{ v: 50 }] },
      mark: REFERENCE_RULE,
      encoding: { y: { field: 'v', ...yPlain } },
    },
    {
      data: { values: rows },
      mark: { type: 'line', color: COLORS.smallCap },
      encoding: { x, y: { field: 'value', ...yPlain } },
    },
    {
      // zone names in the middle of each zone, at the left edge, drawn over the line (a fall to 9% ran through the oversold zone's name)
      data: { values: [{ v: (d.upper + 100) / 2, label: `Overbought zone (above ${d.upper}%)` }, { v: d.lower / 2, label: `Oversold zone (below ${d.lower}%)` }] },
      mark: { type: 'text', align: 'left', dx: 6, baseline: 'middle', fontSize: FONT_SIZE.note, color: COLORS.muted },
      encoding: { x: { value: 0 }, y: { field: 'v', ...yPlain }, text: { field: 'label' } },
    },
  ];
  if (end) {
    layers.push({
      // `latest`: the facts' reading as the text prints it; the chart's series is stored rounded, and rounding it again
      // printed 74.0% beside a text at 74.1% (74.053 kept as 74.05)
      data: { values: [{ ...end, label: `${(latest ?? end.value).toFixed(decimals)}%` }] },
      mark: { ...END_LABEL, color: COLORS.smallCap },
      encoding: { x, y: { field: 'value', ...yPlain }, text: { field: 'label' } },
    });
  }
  if (d.status) {
    layers.push({
      data: { values: [{ label: `Status: ${d.status}` }] },
      mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -4, fontSize: FONT_SIZE.label, fontWeight: 600, color: COLORS.text },
      encoding: { x: { value: 'width' }, y: { value: 0 }, text: { field: 'label' } },
    });
  }
  return { $schema: SCHEMA, ...fullWidth(HEIGHT), config: vlConfig, layer: layers } as TopLevelSpec;
}
