/**
 * CSV text → rows of raw cells, each with the 1-based line it starts on. Blank lines are dropped.
 *
 * Market files are plain: no quotes, commas only, `\n` or `\r\n`. Those are split directly, which is ~10×
 * faster than a general parser (it matters for 25,000-row index histories and the 10 MB S&P 600 wide file).
 * Any text containing a double quote goes through csv-parse, which handles quoted commas and line breaks.
 */
import { createRequire } from 'node:module';
import type { parse as Parse } from 'csv-parse/sync';
import { fail } from '../errors/market-note-error.js';
import { badCsvSyntax } from '../errors/messages.js';

/** One CSV record: its cells (untrimmed) and the line it starts on. */
export interface CsvRow {
  cells: string[];
  line: number;
}

/**
 * Splits CSV text into rows.
 * @example csvRows('Date,Close\n\n2025-12-12,6827.41\n', 'SPX.csv') //=> [{ cells: ['Date', 'Close'], line: 1 }, { cells: ['2025-12-12', '6827.41'], line: 3 }]
 */
export function csvRows(text: string, file: string): CsvRow[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.includes('"') ? parsedRows(body, file) : splitRows(body);
}

function splitRows(text: string): CsvRow[] {
  const lines = text.split('\n');
  const rows: CsvRow[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim() === '') continue;
    rows.push({ cells: line.split(','), line: i + 1 });
  }
  return rows;
}

let parser: typeof Parse | undefined;

/** csv-parse's synchronous parser, loaded on first use (its CommonJS build: most runs read no quoted file). */
function parse(...args: Parameters<typeof Parse>): ReturnType<typeof Parse> {
  parser ??= (createRequire(import.meta.url)('csv-parse/sync') as { parse: typeof Parse }).parse;
  return parser(...args);
}

function parsedRows(text: string, file: string): CsvRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { info: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: false });
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    const detail = String(e.message ?? err).replace(/ at line \d+$/, '');
    const p = badCsvSyntax(detail);
    fail('BAD_CSV', p.message, { file, line: e.lines, hint: p.hint, cause: err });
  }
  return records
    .filter((r) => !(r.record.length === 1 && r.record[0].trim() === ''))
    .map(({ record, info }) => {
      // info.lines is where the record ends; step back over line breaks inside quoted cells.
      let breaks = 0;
      for (const cell of record) for (let k = cell.indexOf('\n'); k >= 0; k = cell.indexOf('\n', k + 1)) breaks++;
      return { cells: record, line: info.lines - breaks };
    });
}
