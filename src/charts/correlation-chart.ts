import type { TopLevelSpec } from 'vega-lite';
import type { ChartData } from '../facts/types.js';
import { datedRows } from './dated-rows.js';
import { num } from './format.js';
import { roleLinesSpec } from './role-lines.js';

export type CorrelationData = NonNullable<ChartData['correlation']>;

/**
 * Rolling correlation of daily equity returns with daily yield changes (methodology §10): one line per index in
 * its fixed colour (large caps, small caps), a dashed zero line, and a direct label (ticker and latest value) at
 * each line's end instead of a legend.
 * @example correlationChartSpec(facts.charts.correlation).layer.map((l) => l.mark.type) //=> ['rule', 'line', 'text']
 */
export function correlationChartSpec(d: CorrelationData): TopLevelSpec {
  const values = d.lines.flatMap((l) => datedRows(l.series).map((r) => ({ ...r, role: l.role, key: l.key })));
  return roleLinesSpec(values, {
    reference: 0,
    endText: (key, v) => `${key} ${num(v, 2)}`,
    yAxis: { title: `Correlation, ${d.window}-day rolling`, format: '.1f' },
  });
}
