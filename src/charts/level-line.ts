import type { TopLevelSpec } from 'vega-lite';
import type { DatedValues } from '../facts/types.js';
import { datedRows, lastRow } from './dated-rows.js';
import { dateX, END_LABEL, fullWidth } from './encodings.js';
import { niceDomain, type Domain } from './scales.js';
import { COLORS, HEIGHT, SCHEMA, vlConfig } from './theme.js';

export interface LevelLineOptions {
  /** Axis title, e.g. "Yield, %". */
  title: string;
  /** End label text (the ticker and its latest value at the printed rounding). */
  label: (value: number) => string;
  /** A fixed y domain (the score's 0–6); else a nice domain around the data. */
  domain?: Domain;
  /** Line colour (theme colour name); 'smallCap' by default. */
  color?: keyof typeof COLORS;
}

/**
 * One series over time as a single line with a direct label at its end: a yield's level, a price, a score's
 * history (chart kinds `level` and `scoreHistory`).
 * @example levelLineSpec({ dates: ['2025-01-02', '2025-01-03'], values: [4.5, 4.6] }, { title: 'Yield, %', label: (v) => `${v}%` }).layer.length //=> 2
 */
export function levelLineSpec(series: DatedValues, o: LevelLineOptions): TopLevelSpec {
  const rows = datedRows(series);
  const domain = o.domain ?? niceDomain(rows.map((r) => r.value));
  const last = lastRow(rows);
  const color = COLORS[o.color ?? 'smallCap'];
  const x = dateX(series.dates);
  const y = { type: 'quantitative' as const, scale: { domain, nice: false, zero: false } };
  return {
    $schema: SCHEMA,
    ...fullWidth(HEIGHT),
    config: vlConfig,
    layer: [
      { data: { values: rows }, mark: { type: 'line', color }, encoding: { x, y: { field: 'value', ...y, title: o.title } } },
      {
        data: { values: last ? [{ date: last.date, value: last.value, text: o.label(last.value) }] : [] },
        mark: { ...END_LABEL, color },
        encoding: { x, y: { field: 'value', ...y }, text: { field: 'text' } },
      },
    ],
  } as TopLevelSpec;
}
