import type { DatedValues } from '../facts/types.js';

/** One row of chart data: a date and a finite value. */
export interface DatedRow {
  date: string;
  value: number;
}

/**
 * Parallel date/value arrays → rows, dropping null and non-finite values (gaps stay gaps in a line).
 * @example datedRows({ dates: ['2025-01-02', '2025-01-03'], values: [1.5, null] }) //=> [{ date: '2025-01-02', value: 1.5 }]
 */
export function datedRows(s: DatedValues): DatedRow[] {
  const out: DatedRow[] = [];
  for (let i = 0; i < s.dates.length; i++) {
    const v = s.values[i];
    if (v !== null && v !== undefined && Number.isFinite(v)) out.push({ date: s.dates[i], value: v });
  }
  return out;
}

/** The last row of a series, or null when it has none. */
export function lastRow(rows: DatedRow[]): DatedRow | null {
  return rows.length ? rows[rows.length - 1] : null;
}
