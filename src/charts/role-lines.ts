import type { TopLevelSpec } from 'vega-lite';
import { endLabels } from './end-labels.js';
import { dateX, END_LABEL, fullWidth, roleColor } from './encodings.js';
import { niceDomain } from './scales.js';
import { HEIGHT, REFERENCE_RULE, SCHEMA, vlConfig } from './theme.js';

export interface RoleLinePoint {
  date: string;
  value: number;
  key: string;
  role: 'largeCap' | 'smallCap';
}

export interface RoleLinesOptions {
  /** Value of the dashed reference line (100 for rebased paths, 0 for correlations); always inside the scale. */
  reference: number;
  /** The direct label at each line's end (ticker and its latest figure). */
  endText: (key: string, value: number) => string;
  yAxis: { title: string; format?: string };
}

/**
 * Lines in the fixed large-cap / small-cap colours over time, a dashed reference line and a direct label at each
 * line's end instead of a legend: the shape shared by the YTD and correlation charts.
 * @example roleLinesSpec(points, { reference: 0, endText: (k, v) => `${k} ${v}`, yAxis: { title: 'r' } }).layer.length //=> 3
 */
export function roleLinesSpec(values: RoleLinePoint[], o: RoleLinesOptions): TopLevelSpec {
  const domain = niceDomain(values.map((v) => v.value), [o.reference]);
  const last = new Map<string, RoleLinePoint>();
  for (const v of values) last.set(v.key, v);
  const ends = [...last.values()].map((e) => ({ role: e.role, date: e.date, value: e.value, text: o.endText(e.key, e.value) }));
  const x = dateX(values.map((v) => v.date).sort());
  const y = { type: 'quantitative' as const, scale: { domain, nice: false, zero: false } };
  const color = roleColor(['largeCap', 'smallCap']);
  return {
    $schema: SCHEMA,
    ...fullWidth(HEIGHT),
    config: vlConfig,
    layer: [
      { data: { values: [{ value: o.reference }] }, mark: REFERENCE_RULE, encoding: { y: { field: 'value', ...y } } },
      {
        data: { values },
        mark: { type: 'line' },
        encoding: { x, y: { field: 'value', ...y, axis: o.yAxis }, color, detail: { field: 'key' } },
      },
      {
        data: { values: endLabels(ends, domain, HEIGHT) },
        mark: END_LABEL,
        encoding: { x, y: { field: 'at', ...y }, text: { field: 'text' }, color },
      },
    ],
  } as TopLevelSpec;
}
