/**
 * Series and universes → CSV text in the format `readSeriesCsv` / `readUniverseCsv` read back to the same
 * numbers: `Date,Open,High,Low,Close[,Volume]` and wide `Date,<member>,…`, missing values as empty cells,
 * `\n` line ends. Values are written with `toFixed(decimals)`, so they must already be rounded to `decimals`.
 */
import type { Series, Universe } from './types.js';

const cell = (v: number, decimals: number): string => (Number.isNaN(v) ? '' : v.toFixed(decimals));

/**
 * CSV text of a series; `decimals` for prices (volume is written as a whole number).
 * @example seriesCsv({ key: 'X', name: 'X', kind: 'price', file: 'X.csv', dates: ['2025-12-12'], close: Float64Array.of(10.5) }, 2) //=> 'Date,Close\n2025-12-12,10.50\n'
 */
export function seriesCsv(series: Series, decimals: number): string {
  const cols: [string, Float64Array, number][] = [];
  if (series.open) cols.push(['Open', series.open, decimals]);
  if (series.high) cols.push(['High', series.high, decimals]);
  if (series.low) cols.push(['Low', series.low, decimals]);
  cols.push(['Close', series.close, decimals]);
  if (series.volume) cols.push(['Volume', series.volume, 0]);
  const lines = [['Date', ...cols.map((c) => c[0])].join(',')];
  for (let i = 0; i < series.dates.length; i++) {
    let line = series.dates[i];
    for (const [, values, d] of cols) line += `,${cell(values[i], d)}`;
    lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Wide CSV text of a universe.
 * @example universeCsv({ key: 'U', name: 'U', file: 'U.csv', dates: ['2025-12-12'], members: ['A', 'B'], closes: [Float64Array.of(5), Float64Array.of(NaN)] }, 2) //=> 'Date,A,B\n2025-12-12,5.00,\n'
 */
export function universeCsv(universe: Universe, decimals: number): string {
  const lines = [['Date', ...universe.members].join(',')];
  const row: string[] = new Array(universe.members.length + 1);
  for (let d = 0; d < universe.dates.length; d++) {
    row[0] = universe.dates[d];
    for (let m = 0; m < universe.members.length; m++) row[m + 1] = cell(universe.closes[m][d], decimals);
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}
