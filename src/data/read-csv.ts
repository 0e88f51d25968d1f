/**
 * CSV text → a typed `Series` or `Universe`, with every bad cell reported as `file:line: message` plus a hint.
 *
 * Series files: a header row; a date column (`Date`, `date`, `DATE`, `observation_date`); the value column is
 * `Close`, else `Adj Close`, else the single non-OHLCV column of a FRED file (e.g. `DGS10`); `Open`, `High`,
 * `Low`, `Volume` are optional, any order, any letter case. Empty cells, FRED's `.`, `null` and `NaN` are missing
 * values (`NaN`). yfinance's extra header rows (`Ticker,^GSPC,…` and `Date,,,`, under a `Price,…` header) are
 * skipped. Universe files are wide: the date first, then one column of closes per member.
 */
import { fail, type ErrorCode } from '../errors/market-note-error.js';
import * as msg from '../errors/messages.js';
import type { Problem } from '../errors/messages.js';
import { isIsoDate } from './calendar.js';
import { csvRows, type CsvRow } from './csv-rows.js';
import type { IsoDate, Series, Universe } from './types.js';

/** Options of `readSeriesCsv`. */
export interface ReadSeriesCsvOptions {
  /** Display name; defaults to the key. */
  name?: string;
  /** `price` (default; values must be > 0) or `yield` (values may be ≤ 0). */
  kind?: 'price' | 'yield';
  /** Header of the value column to use instead of Close / Adj Close / the FRED value column. */
  column?: string;
}

const DATE_NAMES = new Set(['date', 'observation_date']);
/** Junk first cells of yfinance's multi-row header (`Price,Close,…` / `Ticker,^GSPC,…` / `Date,,,`). */
const YF_JUNK = new Set(['ticker', 'date', 'price']);
const MISSING = new Set(['', '.', 'null', 'nan', 'NaN', 'NULL']);
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Lower case, single spaces, `_` as a space: `Adj_Close` → `adj close`. */
function canonical(header: string): string {
  return header.trim().toLowerCase().replace(/[\s_]+/g, ' ');
}

const OHLCV: Record<string, 'open' | 'high' | 'low' | 'close' | 'adj' | 'volume'> = {
  open: 'open',
  high: 'high',
  low: 'low',
  close: 'close',
  'adj close': 'adj',
  adjclose: 'adj',
  'adjusted close': 'adj',
  volume: 'volume',
};

function raise(code: ErrorCode, p: Problem, file: string, line?: number, column?: number): never {
  return fail(code, p.message, { file, line, column, hint: p.hint });
}

/** Parses a number cell; `NaN` for a missing-value marker; `undefined` when it is not a number. */
function numberCell(raw: string): number | undefined {
  const cell = raw.trim();
  if (MISSING.has(cell)) return NaN;
  return NUMBER.test(cell) ? Number(cell) : undefined;
}

/** A date cell as `YYYY-MM-DD`; a trailing time of day (`2025-12-12 00:00:00`) is dropped. */
function dateCell(raw: string): IsoDate | undefined {
  let cell = raw.trim();
  if (cell.length > 10 && (cell[10] === ' ' || cell[10] === 'T')) cell = cell.slice(0, 10);
  return isIsoDate(cell) ? cell : undefined;
}

/** Checks the order of one more date; `seen` maps dates to their lines (only consulted when not increasing). */
function checkOrder(date: IsoDate, prev: IsoDate | undefined, prevLine: number, line: number, file: string, column: number, seen: () => Map<IsoDate, number>): void {
  if (prev === undefined || date > prev) return;
  if (date === prev) raise('BAD_CSV', msg.duplicateDate(date, prevLine), file, line, column);
  const first = seen().get(date);
  if (first !== undefined) raise('BAD_CSV', msg.duplicateDate(date, first), file, line, column);
  raise('BAD_CSV', msg.datesOutOfOrder(date, prev, prevLine), file, line, column);
}

/** Map of date → line for the rows read so far (built only when an out-of-order date needs a better message). */
function lineIndex(rows: CsvRow[], upTo: number, dateCol: number): Map<IsoDate, number> {
  const map = new Map<IsoDate, number>();
  for (let r = 0; r < upTo; r++) {
    const d = dateCell(rows[r].cells[dateCol] ?? '');
    if (d !== undefined && !map.has(d)) map.set(d, rows[r].line);
  }
  return map;
}

/**
 * One daily series from CSV text. `file` is the path shown in errors; `key` the series symbol.
 * @example readSeriesCsv('Date,Close\n2025-12-11,6901.00\n2025-12-12,6827.41\n', 'SPX.csv', 'SPX', {}).close //=> Float64Array [6901, 6827.41]
 */
export function readSeriesCsv(text: string, file: string, key: string, opts: ReadSeriesCsvOptions = {}): Series {
  const kind = opts.kind ?? 'price';
  const rows = csvRows(text, file);
  if (rows.length === 0) raise('BAD_CSV', msg.emptyFile(), file);
  const header = rows[0].cells.map((h) => h.trim());
  const headerLine = rows[0].line;

  // Columns.
  let dateCol = header.findIndex((h) => DATE_NAMES.has(h.toLowerCase()));
  const yfinance = dateCol < 0 && header[0]?.toLowerCase() === 'price' && rows.slice(1, 4).some((r) => YF_JUNK.has(r.cells[0].trim().toLowerCase()));
  if (yfinance) dateCol = 0;
  if (dateCol < 0) raise('BAD_CSV', msg.missingDateColumn(header), file, headerLine);
  const roles: Partial<Record<'open' | 'high' | 'low' | 'close' | 'adj' | 'volume', number>> = {};
  const others: number[] = [];
  header.forEach((h, i) => {
    if (i === dateCol) return;
    const role = OHLCV[canonical(h)];
    if (role === undefined) {
      if (h !== '') others.push(i);
      return;
    }
    const first = roles[role];
    if (first !== undefined) raise('BAD_CSV', msg.duplicateColumn(h, first + 1, i + 1), file, headerLine, i + 1);
    roles[role] = i;
  });
  let valueCol: number;
  if (opts.column !== undefined) {
    valueCol = header.findIndex((h) => canonical(h) === canonical(opts.column!));
    if (valueCol < 0) raise('BAD_CSV', msg.columnNotFound(opts.column, header), file, headerLine);
  } else if (roles.close !== undefined) valueCol = roles.close;
  else if (roles.adj !== undefined) valueCol = roles.adj;
  else if (others.length === 1) valueCol = others[0];
  else raise('BAD_CSV', msg.missingValueColumn(header), file, headerLine);
  const priceField = canonical(header[valueCol]) === 'close' ? 'Close' : OHLCV[canonical(header[valueCol])] === 'adj' ? 'Adj Close' : header[valueCol];

  // The bar columns that are read besides the value column, with the names errors use.
  const extra = (['open', 'high', 'low', 'volume'] as const).filter((r) => roles[r] !== undefined && roles[r] !== valueCol);

  // Rows.
  const dates: IsoDate[] = [];
  const cols: Record<'close' | 'open' | 'high' | 'low' | 'volume', number[]> = { close: [], open: [], high: [], low: [], volume: [] };
  let prevLine = 0;
  let start = 1;
  while (start < rows.length && dates.length === 0 && YF_JUNK.has(rows[start].cells[dateCol]?.trim().toLowerCase() ?? '') && dateCell(rows[start].cells[dateCol]) === undefined) start++;
  for (let r = start; r < rows.length; r++) {
    const { cells, line } = rows[r];
    if (cells.length !== header.length) {
      if (cells.every((c) => c.trim() === '')) continue;
      raise('BAD_CSV', msg.wrongCellCount(cells.length, header.length), file, line);
    }
    const date = dateCell(cells[dateCol]);
    if (date === undefined) raise('BAD_CSV', msg.notADate(header[dateCol], cells[dateCol].trim()), file, line, dateCol + 1);
    checkOrder(date, dates[dates.length - 1], prevLine, line, file, dateCol + 1, () => lineIndex(rows, r, dateCol));
    const read = (col: number): number => {
      const v = numberCell(cells[col]);
      if (v === undefined) raise('BAD_CSV', msg.notANumber(header[col], cells[col].trim()), file, line, col + 1);
      return v;
    };
    const close = read(valueCol);
    if (kind === 'price' && close <= 0) raise('BAD_DATA', msg.notPositive(header[valueCol], close), file, line, valueCol + 1);
    cols.close.push(close);
    for (const role of extra) {
      const col = roles[role]!;
      const v = read(col);
      if (role === 'volume' ? v < 0 : kind === 'price' && v <= 0) {
        raise('BAD_DATA', role === 'volume' ? msg.negativeVolume(header[col], v) : msg.notPositive(header[col], v), file, line, col + 1);
      }
      cols[role].push(v);
    }
    if (roles.high !== undefined && roles.low !== undefined) {
      const hi = cols.high[cols.high.length - 1];
      const lo = cols.low[cols.low.length - 1];
      if (hi < lo) raise('BAD_DATA', msg.highBelowLow(hi, lo), file, line, roles.high + 1);
    }
    dates.push(date);
    prevLine = line;
  }
  if (dates.length === 0) raise('BAD_CSV', msg.noDataRows(), file, headerLine);
  if (cols.close.every((v) => Number.isNaN(v))) raise('BAD_DATA', msg.noValues(header[valueCol]), file, headerLine, valueCol + 1);

  const series: Series = { key, name: opts.name ?? key, kind, file, priceField, dates, close: Float64Array.from(cols.close) };
  for (const role of extra) series[role] = Float64Array.from(cols[role]);
  return series;
}

/**
 * A wide universe file: the date in the first column, then one column of closes per member (empty = no data).
 * @example readUniverseCsv('date,AAA,BBB\n2025-12-12,10.5,\n', 'sp600.csv', 'SP600').closes[1] //=> Float64Array [NaN]
 */
export function readUniverseCsv(text: string, file: string, key: string, name?: string): Universe {
  const rows = csvRows(text, file);
  if (rows.length === 0) raise('BAD_CSV', msg.emptyFile(), file);
  const header = rows[0].cells.map((h) => h.trim());
  const headerLine = rows[0].line;
  const members = header.slice(1);
  if (members.length === 0) raise('BAD_CSV', msg.noMembers(), file, headerLine);
  const firstColumn = new Map<string, number>();
  members.forEach((m, k) => {
    if (m === '') raise('BAD_CSV', msg.emptyMemberName(k + 2), file, headerLine, k + 2);
    const first = firstColumn.get(m);
    if (first !== undefined) raise('BAD_CSV', msg.duplicateMember(m, first, k + 2), file, headerLine, k + 2);
    firstColumn.set(m, k + 2);
  });

  const width = header.length;
  const capacity = rows.length - 1;
  const columns = members.map(() => new Float64Array(capacity));
  const dates: IsoDate[] = [];
  let prevLine = 0;
  for (let r = 1; r < rows.length; r++) {
    const { cells, line } = rows[r];
    if (cells.length !== width) {
      if (cells.every((c) => c.trim() === '')) continue;
      raise('BAD_CSV', msg.wrongCellCount(cells.length, width), file, line);
    }
    const date = dateCell(cells[0]);
    if (date === undefined) raise('BAD_CSV', msg.notADate(header[0] || 'date', cells[0].trim()), file, line, 1);
    checkOrder(date, dates[dates.length - 1], prevLine, line, file, 1, () => lineIndex(rows, r, 0));
    const d = dates.length;
    for (let c = 1; c < width; c++) {
      const cell = cells[c];
      let v: number;
      if (cell === '') v = NaN;
      else {
        // Fast path: a plain decimal converts with `+`; anything odd gets the strict check.
        v = +cell;
        if (!(v > 0) || !NUMBER.test(cell)) {
          const strict = numberCell(cell);
          if (strict === undefined) raise('BAD_CSV', msg.notANumber(header[c], cell.trim()), file, line, c + 1);
          v = strict;
          if (v <= 0) raise('BAD_DATA', msg.notPositive(header[c], v), file, line, c + 1);
        }
      }
      columns[c - 1][d] = v;
    }
    dates.push(date);
    prevLine = line;
  }
  if (dates.length === 0) raise('BAD_CSV', msg.noDataRows(), file, headerLine);
  const closes = dates.length === capacity ? columns : columns.map((col) => col.slice(0, dates.length));
  return { key, name: name ?? key, file, dates, members, closes };
}

/**
 * Whether a CSV (judged by its header) holds one series or a wide universe: no Close / Adj Close column and
 * two or more other columns besides the date means wide.
 * @example csvLayout('date,AAA,BBB\n') //=> 'wide'
 */
export function csvLayout(text: string): 'series' | 'wide' {
  const end = text.indexOf('\n');
  const header = (end < 0 ? text : text.slice(0, end)).replace(/^\uFEFF/, '').replace(/\r$/, '');
  const names = header.split(',').map((h) => canonical(h.replace(/^"|"$/g, '')));
  const hasValue = names.some((h) => h === 'close' || OHLCV[h] === 'adj');
  const others = names.slice(1).filter((h) => OHLCV[h] === undefined);
  return !hasValue && others.length >= 2 ? 'wide' : 'series';
}
