/**
 * CSV text → a typed `Series` or `Universe`, with every bad cell reported as `file:line: message` plus a hint.
 *
 * Series files: a header row; a date column (`Date`, `date`, `DATE`, `observation_date`); the value column is
 * `Close`, else `Adj Close`, else the single non-OHLCV column of a FRED file (e.g. `DGS10`); `Open`, `High`,
 * `Low`, `Volume` are optional, any order, any letter case. Empty cells, FRED's `.`, `null` and `NaN` are missing
 * values (`NaN`). yfinance's extra header rows (`Ticker,^GSPC,…` and `Date,,,`, under a `Price,…` header) are
 * skipped, and Yahoo's `0` for an unknown open/high/low (old index history) is read as missing, with a warning.
 * Universe files are wide: the date first, then one column of closes per member.
 */
import * as msg from '../errors/messages.js';
import { checkDateOrder, dateCell, numberCell, raise, strictPrice } from './csv-cells.js';
import { csvRows } from './csv-rows.js';
import type { DataWarning, IsoDate, Series, Universe } from './types.js';
import { scanWideCsv, wideMembers } from './wide-csv.js';

/** Options of `readSeriesCsv`. */
export interface ReadSeriesCsvOptions {
  /** Display name; defaults to the key. */
  name?: string;
  /** `price` (default; values must be > 0) or `yield` (values may be ≤ 0). */
  kind?: 'price' | 'yield';
  /** Header of the value column to use instead of Close / Adj Close / the FRED value column. */
  column?: string;
}

type Role = 'open' | 'high' | 'low' | 'close' | 'adj' | 'volume';

/**
 * How far a Close may lie outside its day's Low..High, relative to the bound (0.5%): vendors round the three
 * columns separately, and nothing in the real histories comes close to it.
 */
export const CLOSE_RANGE_TOLERANCE = 0.005;
/**
 * The largest day-to-day move of a price series, as a ratio (3 = tripling or falling to a third): beyond it an
 * index or fund's value is an error. The largest move in the real histories is 1.26 (S&P 500, 19 October 1987).
 * Universe members do move that much (a reverse split: 11×), so there it is only a warning. Yields are exempt.
 */
export const MAX_DAILY_RATIO = 3;

const DATE_NAMES = new Set(['date', 'observation_date']);
/** First cells of yfinance's extra header rows (`Price,Close,…` / `Ticker,^GSPC,…` / `Date,,,`). */
const YF_JUNK = new Set(['ticker', 'date', 'price']);
const ROLES: Record<string, Role> = {
  open: 'open',
  high: 'high',
  low: 'low',
  close: 'close',
  'adj close': 'adj',
  adjclose: 'adj',
  'adjusted close': 'adj',
  volume: 'volume',
};

/** Lower case, `_` and runs of spaces as one space: `Adj_Close` → `adj close`. */
function canonical(header: string): string {
  return header.trim().toLowerCase().replace(/[\s_]+/g, ' ');
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

  // 1. Columns: the date, the value column, and the optional bar columns.
  let dateCol = header.findIndex((h) => DATE_NAMES.has(h.toLowerCase()));
  const yfinance =
    dateCol < 0 && header[0]?.toLowerCase() === 'price' && rows.slice(1, 4).some((r) => YF_JUNK.has(r.cells[0].trim().toLowerCase()));
  if (yfinance) dateCol = 0;
  if (dateCol < 0) raise('BAD_CSV', msg.missingDateColumn(header), file, headerLine);
  const dateName = yfinance ? 'Date' : header[dateCol];
  const roles: Partial<Record<Role, number>> = {};
  const others: number[] = [];
  header.forEach((h, i) => {
    if (i === dateCol) return;
    const role = ROLES[canonical(h)];
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
    const wanted = canonical(opts.column);
    valueCol = header.findIndex((h) => canonical(h) === wanted);
    if (valueCol < 0) raise('BAD_CSV', msg.columnNotFound(opts.column, header), file, headerLine);
  } else if (roles.close !== undefined) valueCol = roles.close;
  else if (roles.adj !== undefined) valueCol = roles.adj;
  else if (others.length === 1) valueCol = others[0];
  else raise('BAD_CSV', msg.missingValueColumn(header), file, headerLine);
  const valueRole = ROLES[canonical(header[valueCol])];
  const priceField = valueRole === 'close' ? 'Close' : valueRole === 'adj' ? 'Adj Close' : header[valueCol];
  const bars = (['open', 'high', 'low', 'volume'] as const).filter((r) => roles[r] !== undefined && roles[r] !== valueCol);

  // 2. Rows, skipping yfinance's extra header rows right under the header.
  let first = 1;
  while (first < rows.length && YF_JUNK.has(rows[first].cells[dateCol]?.trim().toLowerCase() ?? '')) first++;
  const dates: IsoDate[] = [];
  const lines: number[] = [];
  const values: Record<'close' | 'open' | 'high' | 'low' | 'volume', number[]> = { close: [], open: [], high: [], low: [], volume: [] };
  const zeros: Partial<Record<Role, { count: number; line: number }>> = {};
  let lastClose = NaN;
  let lastDate = '';
  for (let r = first; r < rows.length; r++) {
    const { cells, line } = rows[r];
    if (cells.every((c) => c.trim() === '')) continue; // a row of empty cells (",,,,") carries nothing
    if (cells.length !== header.length) raise('BAD_CSV', msg.wrongCellCount(cells.length, header.length), file, line);
    const date = dateCell(cells[dateCol]);
    if (date === undefined) raise('BAD_CSV', msg.notADate(dateName, cells[dateCol].trim()), file, line, dateCol + 1);
    checkDateOrder(date, dates, lines, line, file, dateCol + 1);
    const read = (col: number): number => {
      const v = numberCell(cells[col]);
      if (v === undefined) raise('BAD_CSV', msg.notANumber(header[col], cells[col].trim()), file, line, col + 1);
      if (v === Infinity || v === -Infinity) raise('BAD_DATA', msg.notFinite(header[col]), file, line, col + 1);
      return v;
    };
    const close = read(valueCol);
    if (kind === 'price' && close <= 0) raise('BAD_DATA', msg.notPositive(header[valueCol], close), file, line, valueCol + 1);
    values.close.push(close);
    for (const role of bars) {
      const col = roles[role]!;
      let v = read(col);
      if (role === 'volume') {
        if (v < 0) raise('BAD_DATA', msg.negativeVolume(header[col], v), file, line, col + 1);
      } else if (kind === 'price' && v === 0) {
        // Yahoo writes 0 for an open/high/low it does not know (e.g. ^GSPC opens before 1982): missing, not a price.
        const z = (zeros[role] ??= { count: 0, line });
        z.count++;
        v = NaN;
      } else if (kind === 'price' && v < 0) raise('BAD_DATA', msg.notPositive(header[col], v), file, line, col + 1);
      values[role].push(v);
    }
    if (roles.high !== undefined && roles.low !== undefined) {
      const hi = values.high[values.high.length - 1];
      const lo = values.low[values.low.length - 1];
      if (hi < lo) raise('BAD_DATA', msg.highBelowLow(hi, lo), file, line, roles.high + 1);
      // Only a Close is checked against the day's range: an adjusted close may lie far below an unadjusted low.
      const outside = close < lo * (1 - CLOSE_RANGE_TOLERANCE) || close > hi * (1 + CLOSE_RANGE_TOLERANCE);
      if (valueRole === 'close' && kind === 'price' && hi > 0 && lo > 0 && outside) {
        raise('BAD_DATA', msg.closeOutsideRange(header[valueCol], close, lo, hi, CLOSE_RANGE_TOLERANCE), file, line, valueCol + 1);
      }
    }
    if (kind === 'price' && close > 0) {
      if (lastClose > 0 && (close > lastClose * MAX_DAILY_RATIO || close * MAX_DAILY_RATIO < lastClose)) {
        raise('BAD_DATA', msg.jumpTooLarge(header[valueCol], close, lastClose, lastDate, MAX_DAILY_RATIO), file, line, valueCol + 1);
      }
      lastClose = close;
      lastDate = date;
    }
    dates.push(date);
    lines.push(line);
  }
  if (dates.length === 0) raise('BAD_CSV', msg.noDataRows(), file, headerLine);
  if (values.close.every((v) => Number.isNaN(v))) raise('BAD_DATA', msg.noValues(header[valueCol]), file, headerLine, valueCol + 1);

  // 3. The series.
  const series: Series = { key, name: opts.name ?? key, kind, file, priceField, dates, close: Float64Array.from(values.close) };
  for (const role of bars) series[role] = Float64Array.from(values[role]);
  const warnings: DataWarning[] = [];
  for (const role of bars) {
    const z = zeros[role];
    if (z) warnings.push({ file, line: z.line, message: msg.zerosReadAsMissing(header[roles[role]!], z.count).message });
  }
  if (warnings.length) series.warnings = warnings;
  return series;
}

/**
 * A wide universe file: the date in the first column, then one column of closes per member (empty = no data).
 * Unquoted files (the normal case) go through the fast scanner; quoted ones through csv-parse, same rules.
 * @example readUniverseCsv('date,AAA,BBB\n2025-12-12,10.5,\n', 'sp600.csv', 'SP600').closes[1] //=> Float64Array [NaN]
 */
export function readUniverseCsv(text: string, file: string, key: string, name?: string): Universe {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const table = body.includes('"') ? quotedWide(body, file) : scanWideCsv(body, file);
  const universe: Universe = { key, name: name ?? key, file, dates: table.dates, members: table.header.slice(1), closes: table.columns };
  const jumps = memberJumps(universe);
  if (jumps) universe.warnings = [{ file, message: msg.membersJump(jumps.count, MAX_DAILY_RATIO, jumps.member, jumps.date).message }];
  return universe;
}

/**
 * Members whose close moves more than `MAX_DAILY_RATIO` from one value to the next: how many, and the first
 * (by column). Real members do this (reverse splits), so it is a warning, not an error.
 * @example memberJumps({ dates: ['2025-12-11', '2025-12-12'], members: ['AAA'], closes: [Float64Array.of(1, 11)] } as Universe) //=> { count: 1, member: 'AAA', date: '2025-12-12' }
 */
export function memberJumps(u: Pick<Universe, 'dates' | 'members' | 'closes'>): { count: number; member: string; date: IsoDate } | undefined {
  let count = 0;
  let first: { member: string; date: IsoDate } | undefined;
  u.closes.forEach((col, m) => {
    let prev = NaN;
    for (let d = 0; d < col.length; d++) {
      const v = col[d];
      if (!(v > 0)) continue;
      if (prev > 0 && (v > prev * MAX_DAILY_RATIO || v * MAX_DAILY_RATIO < prev)) {
        count++;
        first ??= { member: u.members[m], date: u.dates[d] };
        return;
      }
      prev = v;
    }
  });
  return first && { count, ...first };
}

function quotedWide(text: string, file: string): { header: string[]; dates: IsoDate[]; columns: Float64Array[] } {
  const rows = csvRows(text, file);
  if (rows.length === 0) raise('BAD_CSV', msg.emptyFile(), file);
  const header = rows[0].cells.map((h) => h.trim());
  const members = wideMembers(header, file, rows[0].line);
  const width = header.length;
  const columns = members.map(() => new Float64Array(rows.length - 1));
  const dates: IsoDate[] = [];
  const lines: number[] = [];
  for (let r = 1; r < rows.length; r++) {
    const { cells, line } = rows[r];
    if (cells.every((c) => c.trim() === '')) continue;
    if (cells.length !== width) raise('BAD_CSV', msg.wrongCellCount(cells.length, width), file, line);
    const date = dateCell(cells[0]);
    if (date === undefined) raise('BAD_CSV', msg.notADate(header[0] || 'date', cells[0].trim()), file, line, 1);
    checkDateOrder(date, dates, lines, line, file, 1);
    for (let c = 1; c < width; c++) columns[c - 1][dates.length] = cells[c] === '' ? NaN : strictPrice(cells[c], header[c], file, line, c + 1);
    dates.push(date);
    lines.push(line);
  }
  if (dates.length === 0) raise('BAD_CSV', msg.noDataRows(), file, rows[0].line);
  return { header, dates, columns: columns.map((col) => col.slice(0, dates.length)) };
}

/**
 * Whether a CSV (judged by its header) holds one series or a wide universe: no Close / Adj Close column and
 * two or more other columns besides the date means wide.
 * @example csvLayout('date,AAA,BBB\n') //=> 'wide'
 */
export function csvLayout(text: string): 'series' | 'wide' {
  const end = text.indexOf('\n');
  const header = (end < 0 ? text : text.slice(0, end)).replace(/^\uFEFF/, '').replace(/\r$/, '');
  const names = header.split(',').map((h) => canonical(h.replace(/^\s*"|"\s*$/g, '')));
  const hasValue = names.some((h) => ROLES[h] === 'close' || ROLES[h] === 'adj');
  const others = names.slice(1).filter((h) => ROLES[h] === undefined);
  return !hasValue && others.length >= 2 ? 'wide' : 'series';
}
