import type { TopLevelSpec } from 'vega-lite';
import type { ChartData } from '../facts/types.js';
import { datedRows, lastRow } from './dated-rows.js';
import { endLabels } from './end-labels.js';
import { dateX, END_LABEL, fullWidth, roleColor } from './encodings.js';
import { num } from './format.js';
import { niceDomain } from './scales.js';
import { HEIGHT, REFERENCE_RULE, SCHEMA, vlConfig } from './theme.js';

export type CorrelationData = NonNullable<ChartData['correlation']>;

/**
 * Rolling correlation of daily equity returns with daily yield changes (methodology §10): one line per index in
 * its fixed colour (large caps, small caps), a dashed zero line, and a direct label (ticker and latest value) at
 * each line's end instead of a legend.
 * @example correlationChartSpec(facts.charts.correlation).layer.map((l) => l.mark.type) //=> ['rule', 'line', 'text']
 */
export function correlationChartSpec(d: CorrelationData): TopLevelSpec {
  const lines = d.lines.map((l) => ({ ...l, rows: datedRows(l.series) }));
  const values = lines.flatMap((l) => l.rows.map((r) => ({ ...r, role: l.role, key: l.key })));
  const domain = niceDomain(values.map((v) => v.value), [0]);
  const ends = lines.flatMap((l) => {
    const e = lastRow(l.rows);
    return e ? [{ role: l.role, date: e.date, value: e.value, text: `${l.key} ${num(e.value, 2)}` }] : [];
  });
  const x = dateX(lines.flatMap((l) => l.series.dates).sort());
  const y = { type: 'quantitative' as const, scale: { domain, nice: false, zero: false } };
  const color = roleColor(['largeCap', 'smallCap']);
  return {
    $schema: SCHEMA,
    ...fullWidth(HEIGHT),
    config: vlConfig,
    layer: [
      { data: { values: [{ value: 0 }] }, mark: REFERENCE_RULE, encoding: { y: { field: 'value', ...y } } },
      {
        data: { values },
        mark: { type: 'line' },
        encoding: {
          x,
          y: { field: 'value', ...y, axis: { title: `Correlation, ${d.window}-day rolling`, format: '.1f' } },
          color,
          detail: { field: 'key' },
        },
      },
      {
        data: { values: endLabels(ends, domain, HEIGHT) },
        mark: END_LABEL,
        encoding: { x, y: { field: 'at', ...y }, text: { field: 'text' }, color },
      },
    ],
  } as TopLevelSpec;
}
