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
import { isoDayKeyAt } from './calendar.js';
import { checkDateOrder, dateCell, numberCell, plainNumber, raise, strictPrice } from './csv-cells.js';
import { csvRows, type CsvRow } from './csv-rows.js';
import type { DataWarning, IsoDate, Series, Universe } from './types.js';
import { MarketNoteError } from '../errors/market-note-error.js';
import { isAscii } from 'node:buffer';
import { binaryFileError, decodeText, maxInputBytes, readInputFile, readInputScratch, withInputFile } from './read-file.js';
import { scanWideCsv, scanWideFile, wideMembers, type WideTable } from './wide-csv.js';

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
 * The non-blank lines of unquoted CSV text (BOM removed), as `csvRows` would give them, without splitting: row
 * `r` spans `text.slice(starts[r], stops[r])` (a trailing `\r` left out) and starts on line `lines[r]`. The text's
 * first line is line `firstLine`; `nextLine` is the line after its last line break (of text that ends with one, the
 * first line of the text that follows).
 */
interface LineSpans {
  count: number;
  starts: Int32Array;
  stops: Int32Array;
  lines: Int32Array;
  nextLine: number;
}

function lineSpans(text: string, firstLine = 1): LineSpans {
  const n = text.length;
  let capacity = 1;
  for (let p = text.indexOf('\n'); p >= 0; p = text.indexOf('\n', p + 1)) capacity++;
  const starts = new Int32Array(capacity);
  const stops = new Int32Array(capacity);
  const lines = new Int32Array(capacity);
  let count = 0;
  let line = firstLine;
  for (let pos = 0; pos <= n; line++) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = n;
    const stop = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    // (a read past the end would be NaN, but it throws V8's optimized code of this loop away at every file's end)
    const c = pos < n ? text.charCodeAt(pos) : 0;
    // a line starting with a visible ASCII character is not blank; anything else is checked as csvRows does
    if ((c > 32 && c < 127) || (stop > pos && text.slice(pos, stop).trim() !== '')) {
      starts[count] = pos;
      stops[count] = stop;
      lines[count] = line;
      count++;
    }
    pos = end + 1;
  }
  return { count, starts, stops, lines, nextLine: line - 1 };
}

/**
 * The rows of a series file, as `readSeriesOfRows` reads them: the header is row 0; rows are visited in order, except
 * that rows 0–3 (the header checks) may be looked at before the rows are read from row 1 on.
 */
interface SeriesRows {
  /** Rows in all (non-blank lines). */
  readonly count: number;
  /** Row `r`'s cells, split at commas (untrimmed). */
  cells(r: number): string[];
  /** The line row `r` starts on. */
  line(r: number): number;
  /** Row `r` read in place ({@link inPlaceRow}): its date with `values` filled, or undefined when it is to be split. */
  inPlace(r: number, width: number, dateCol: number, values: Float64Array): IsoDate | undefined;
}

/** csv-parse's rows of quoted text: every row is split. */
function parsedRows(rows: CsvRow[]): SeriesRows {
  return {
    count: rows.length,
    cells: (r) => rows[r].cells,
    line: (r) => rows[r].line,
    inPlace: () => undefined,
  };
}

/**
 * The rows of unquoted text given a chunk at a time (each but the last ending with a line break), so a file need not
 * be held as one string: `chunk(i)` gives chunk `i` (called once each, in order), `rows[i]` is how many rows it holds,
 * and the first chunk holds at least the first four rows (or all of them).
 */
class ChunkedRows implements SeriesRows {
  readonly count: number;
  private text = '';
  private spans: LineSpans = { count: 0, starts: new Int32Array(0), stops: new Int32Array(0), lines: new Int32Array(0), nextLine: 1 };
  /** Index of the current chunk, and of its first row. */
  private index = -1;
  private base = 0;

  /** `firstSpans`: the first chunk's lineSpans, when the caller has them already. */
  constructor(
    private readonly chunk: (i: number) => string,
    rows: readonly number[],
    private firstSpans?: LineSpans,
  ) {
    this.count = rows.reduce((a, b) => a + b, 0);
  }

  /** Row `r`'s index in the current chunk, moving on to the chunk that holds it. */
  private at(r: number): number {
    while (r - this.base >= this.spans.count) {
      this.base += this.spans.count;
      this.text = this.chunk(++this.index);
      this.spans = this.firstSpans ?? lineSpans(this.text, this.spans.nextLine);
      this.firstSpans = undefined;
    }
    return r - this.base;
  }

  cells(r: number): string[] {
    const i = this.at(r);
    return this.text.slice(this.spans.starts[i], this.spans.stops[i]).split(',');
  }

  line(r: number): number {
    const i = this.at(r); // first: it may move on to the next chunk's spans
    return this.spans.lines[i];
  }

  inPlace(r: number, width: number, dateCol: number, values: Float64Array): IsoDate | undefined {
    const i = this.at(r);
    return inPlaceRow(this.text, this.spans.starts[i], this.spans.stops[i], width, dateCol, values);
  }
}

/**
 * One daily series from CSV text. `file` is the path shown in errors; `key` the series symbol.
 *
 * Unquoted text (the normal case) is read in place: a row whose cells are all in the usual form (the date as
 * `YYYY-MM-DD`, every other cell a plain decimal that starts and ends with a digit) is checked from the text
 * without splitting it; any other row is split and read cell by cell. Both ways apply the same rules in the
 * same order, so values and errors are the same (tests/data/read-csv-fast.test.ts checks that).
 * @example readSeriesCsv('Date,Close\n2025-12-11,6901.00\n2025-12-12,6827.41\n', 'SPX.csv', 'SPX', {}).close //=> Float64Array [6901, 6827.41]
 */
export function readSeriesCsv(text: string, file: string, key: string, opts: ReadSeriesCsvOptions = {}): Series {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.includes('"')) return readSeriesOfRows(parsedRows(csvRows(body, file)), file, key, opts);
  const spans = lineSpans(body);
  return readSeriesOfRows(new ChunkedRows(() => body, [spans.count], spans), file, key, opts);
}

/**
 * `readSeriesCsv` of the file `file` (read with read-file.ts's checks and size limit). A plain file (ASCII, no quotes:
 * every market file) is read into one buffer kept for the next file, and its rows are read from chunks of
 * `chunkBytes` bytes turned into text one at a time: the file is never held as one string, a fresh page of memory for
 * every 4 KB of it (on the real data, `facts` touches ~800 pages fewer; each is dear on a virtual machine). Any other
 * file is decoded whole and read as text. Both ways give the same series and the same errors
 * (tests/data/read-csv-fast.test.ts).
 * @example readSeriesFile('data/GSPC.csv', 'SPX', { name: 'S&P 500' }).dates.at(-1) //=> '2025-12-12'
 */
export function readSeriesFile(file: string, key: string, opts: ReadSeriesCsvOptions = {}, chunkBytes = SERIES_CHUNK_BYTES): Series {
  const bytes = readInputScratch(file);
  if (bytes.includes(0)) binaryFileError(file);
  if (!isAscii(bytes) || bytes.includes(QUOTE)) return readSeriesCsv(decodeText(bytes), file, key, opts);
  // chunk boundaries just after a line break, so every chunk is whole lines
  const ends: number[] = [];
  for (let start = 0; start < bytes.length; start = ends[ends.length - 1]) {
    let end = start + chunkBytes;
    if (end >= bytes.length) end = bytes.length;
    else {
      const before = bytes.lastIndexOf(NEWLINE, end - 1);
      end = before >= start ? before + 1 : bytes.indexOf(NEWLINE, end) + 1 || bytes.length;
    }
    ends.push(end);
  }
  const text = (i: number): string => bytes.toString('latin1', i === 0 ? 0 : ends[i - 1], ends[i]);
  const rows = ends.map((_, i) => lineSpans(text(i)).count);
  // the first chunk holds the first four rows: the header checks look at rows 0–3
  while (ends.length > 1 && rows[0] < 4) {
    ends.shift();
    const first = rows.shift()!;
    rows[0] += first;
  }
  return readSeriesOfRows(new ChunkedRows(text, rows), file, key, opts);
}

/** Bytes of a series file read as chunks of text (readSeriesFile). */
export const SERIES_CHUNK_BYTES = 1 << 16;
const NEWLINE = 10;
const QUOTE = 34;

function readSeriesOfRows(rows: SeriesRows, file: string, key: string, opts: ReadSeriesCsvOptions): Series {
  const kind = opts.kind ?? 'price';
  const rowCount = rows.count;
  if (rowCount === 0) raise('BAD_CSV', msg.emptyFile(), file);
  const header = rows.cells(0).map((h) => h.trim());
  const headerLine = rows.line(0);

  // 1. Columns: the date, the value column, and the optional bar columns.
  let dateCol = header.findIndex((h) => DATE_NAMES.has(h.toLowerCase()));
  const yfinance =
    dateCol < 0 && header[0]?.toLowerCase() === 'price' && [1, 2, 3].some((r) => r < rowCount && YF_JUNK.has(rows.cells(r)[0].trim().toLowerCase()));
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
  const barCols = bars.map((r) => roles[r]!);
  const highCol = roles.high;
  const lowCol = roles.low;
  const width = header.length;

  // 2. Rows, skipping yfinance's extra header rows right under the header.
  let first = 1;
  while (first < rowCount && YF_JUNK.has(rows.cells(first)[dateCol]?.trim().toLowerCase() ?? '')) first++;
  const capacity = rowCount - first;
  const dates: IsoDate[] = [];
  const lines = new Int32Array(capacity); // the line of each date read, for the error of a repeated date
  const closes = new Float64Array(capacity);
  const barValues = bars.map(() => new Float64Array(capacity));
  const zeros: Partial<Record<Role, { count: number; line: number }>> = {};
  // a yield's flat prints (high = low = close): days its market was shut, such as US bond-market holidays
  let flat: { count: number; line: number; date: IsoDate } | undefined;
  let lastClose = NaN;
  let lastDate = '';
  // The row being read: its line, and either its split cells (`cells`) or, for a row read in place, its values
  // by column (`inPlace`, already known to be plain decimals).
  let line = 0;
  let cells: string[] | null = null;
  const inPlace = new Float64Array(width);
  const read = (col: number): number => {
    let v: number | undefined;
    if (cells === null) v = inPlace[col];
    else {
      v = numberCell(cells[col]);
      if (v === undefined) raise('BAD_CSV', msg.notANumber(header[col], cells[col].trim()), file, line, col + 1);
    }
    if (v === Infinity || v === -Infinity) raise('BAD_DATA', msg.notFinite(header[col]), file, line, col + 1);
    return v;
  };
  for (let r = first; r < rowCount; r++) {
    line = rows.line(r);
    let date = rows.inPlace(r, width, dateCol, inPlace);
    if (date === undefined) {
      cells = rows.cells(r);
      if (cells.every((c) => c.trim() === '')) continue; // a row of empty cells (",,,,") carries nothing
      if (cells.length !== width) raise('BAD_CSV', msg.wrongCellCount(cells.length, width), file, line);
      date = dateCell(cells[dateCol]);
      if (date === undefined) raise('BAD_CSV', msg.notADate(dateName, cells[dateCol].trim()), file, line, dateCol + 1);
    } else cells = null;
    checkDateOrder(date, dates, lines, line, file, dateCol + 1);
    const close = read(valueCol);
    if (kind === 'price' && close <= 0) raise('BAD_DATA', msg.notPositive(header[valueCol], close), file, line, valueCol + 1);
    const row = dates.length;
    closes[row] = close;
    let hi = NaN;
    let lo = NaN;
    for (let b = 0; b < bars.length; b++) {
      const role = bars[b];
      const col = barCols[b];
      let v = read(col);
      if (role === 'volume') {
        if (v < 0) raise('BAD_DATA', msg.negativeVolume(header[col], v), file, line, col + 1);
      } else if (kind === 'price' && v === 0) {
        // Yahoo writes 0 for an open/high/low it does not know (e.g. ^GSPC opens before 1982): missing, not a price.
        const z = (zeros[role] ??= { count: 0, line });
        z.count++;
        v = NaN;
      } else if (kind === 'price' && v < 0) raise('BAD_DATA', msg.notPositive(header[col], v), file, line, col + 1);
      barValues[b][row] = v;
      if (role === 'high') hi = v;
      else if (role === 'low') lo = v;
    }
    if (highCol !== undefined && lowCol !== undefined) {
      if (hi < lo) raise('BAD_DATA', msg.highBelowLow(hi, lo), file, line, highCol + 1);
      // Only a Close is checked against the day's range: an adjusted close may lie far below an unadjusted low.
      const outside = close < lo * (1 - CLOSE_RANGE_TOLERANCE) || close > hi * (1 + CLOSE_RANGE_TOLERANCE);
      if (valueRole === 'close' && kind === 'price' && hi > 0 && lo > 0 && outside) {
        raise('BAD_DATA', msg.closeOutsideRange(header[valueCol], close, lo, hi, CLOSE_RANGE_TOLERANCE), file, line, valueCol + 1);
      }
    }
    // A yield index prints a flat bar (high = low = close) on a day its market was shut: ^TNX on every Columbus Day and
    // Veterans Day, when the stock market trades and the Treasury market does not. Not a close: the row is left out,
    // as sources that skip those days (FRED) leave it out (rates wrap 2018-10-12 quoted Columbus Day's flat 3.233 as
    // a new 200-day high).
    if (kind === 'yield' && hi === lo && lo === close) {
      if (flat) flat.count++;
      else flat = { count: 1, line, date };
      continue;
    }
    if (kind === 'price' && close > 0) {
      if (lastClose > 0 && (close > lastClose * MAX_DAILY_RATIO || close * MAX_DAILY_RATIO < lastClose)) {
        raise('BAD_DATA', msg.jumpTooLarge(header[valueCol], close, lastClose, lastDate, MAX_DAILY_RATIO), file, line, valueCol + 1);
      }
      lastClose = close;
      lastDate = date;
    }
    lines[row] = line;
    dates.push(date);
  }
  const n = dates.length;
  if (n === 0) raise('BAD_CSV', msg.noDataRows(), file, headerLine);
  const close = n === capacity ? closes : closes.slice(0, n);
  if (close.every((v) => Number.isNaN(v))) raise('BAD_DATA', msg.noValues(header[valueCol]), file, headerLine, valueCol + 1);

  // 3. The series.
  const series: Series = { key, name: opts.name ?? key, kind, file, priceField, dates, close };
  bars.forEach((role, b) => (series[role] = n === capacity ? barValues[b] : barValues[b].slice(0, n)));
  const warnings: DataWarning[] = [];
  for (const role of bars) {
    const z = zeros[role];
    if (z) warnings.push({ file, line: z.line, message: msg.zerosReadAsMissing(header[roles[role]!], z.count).message });
  }
  if (flat) warnings.push({ file, line: flat.line, message: msg.flatYieldRows(flat.count, flat.date).message });
  if (warnings.length) series.warnings = warnings;
  return series;
}

/**
 * One string per date for every series read: series of one market share most of their dates, so a date read again is
 * the string read before instead of a new one. Fewer strings to allocate and to copy in the young generation while the
 * files are read, and a date compared with the same date of another series is the same string. Dates of
 * {@link TABLE_FIRST_YEAR}–{@link TABLE_LAST_YEAR} sit in a table at their day key less the first year's (isoDayKeyAt:
 * no hashing, no rehashing as the first long file fills it); any other date in a map by its day key. Bounded by the
 * calendar.
 */
const TABLE_FIRST_YEAR = 1900;
const TABLE_LAST_YEAR = 2099;
/** 200 years of 12 × 31 slots: 74,400, under the length at which V8 would make a holey array a dictionary. */
const TABLE_SIZE = (TABLE_LAST_YEAR - TABLE_FIRST_YEAR + 1) * 372;
let dateTable: (IsoDate | undefined)[] | undefined;
const otherDates = new Map<number, IsoDate>();

/** The date `text[at, at + 10)`, whose day key (isoDayKeyAt) is `key`, as the one string kept for it. */
function sharedDate(text: string, at: number, key: number): IsoDate {
  const slot = key - TABLE_FIRST_YEAR * 372;
  if (slot < 0 || slot >= TABLE_SIZE) {
    let date = otherDates.get(key);
    if (date === undefined) otherDates.set(key, (date = text.slice(at, at + 10)));
    return date;
  }
  const table = (dateTable ??= new Array<IsoDate | undefined>(TABLE_SIZE));
  let date = table[slot];
  if (date === undefined) table[slot] = date = text.slice(at, at + 10);
  return date;
}

/**
 * Reads the row `text[start, stop)` in place when it has exactly `width` cells, the date cell is `YYYY-MM-DD`
 * and every other cell is a plain decimal that starts and ends with a digit (what `numberCell` reads without
 * trimming): returns the date and fills `values` by column. Returns undefined for any other row, which is then
 * split and read cell by cell.
 */
function inPlaceRow(text: string, start: number, stop: number, width: number, dateCol: number, values: Float64Array): IsoDate | undefined {
  let date: IsoDate | undefined;
  let p = start;
  for (let c = 0; c < width; c++) {
    let end = text.indexOf(',', p);
    if (end < 0 || end > stop) {
      if (c !== width - 1) return undefined; // too few cells
      end = stop;
    } else if (c === width - 1) return undefined; // too many cells
    if (c === dateCol) {
      const key = end - p === 10 ? isoDayKeyAt(text, p) : NaN;
      if (key !== key) return undefined;
      date = sharedDate(text, p, key);
    } else {
      const v = plainNumber(text, p, end);
      if (v !== v) return undefined;
      values[c] = v;
    }
    p = end + 1;
  }
  return date;
}


/**
 * A wide universe file: the date in the first column, then one column of closes per member (empty = no data).
 * Unquoted files (the normal case) go through the fast scanner; quoted ones through csv-parse, same rules.
 * @example readUniverseCsv('date,AAA,BBB\n2025-12-12,10.5,\n', 'sp600.csv', 'SP600').closes[1] //=> Float64Array [NaN]
 */
export function readUniverseCsv(text: string, file: string, key: string, name?: string): Universe {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return universeOf(body.includes('"') ? quotedWide(body, file) : scanWideCsv(body, file), file, key, name);
}

/**
 * `readUniverseCsv` of the file `file` (read with read-file.ts's checks and size limit): an unquoted file is scanned
 * a chunk at a time, never held whole; any other file, and any file the scan finds fault with, is read as text, so
 * the error is always the text path's.
 * @example readUniverseFile('data/sp600.csv', 'SP600').members.length //=> 600
 */
export function readUniverseFile(file: string, key: string, name?: string): Universe {
  let table: WideTable | undefined;
  try {
    table = withInputFile(file, maxInputBytes(), (read, size) => scanWideFile(read, size, file));
  } catch (e) {
    if (!(e instanceof MarketNoteError)) throw e;
  }
  return table ? universeOf(table, file, key, name) : readUniverseCsv(readInputFile(file), file, key, name);
}

function universeOf(table: WideTable, file: string, key: string, name: string | undefined): Universe {
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
  for (let m = 0; m < u.closes.length; m++) {
    const d = firstJump(u.closes[m]);
    if (d < 0) continue;
    count++;
    first ??= { member: u.members[m], date: u.dates[d] };
  }
  return first && { count, ...first };
}

/** Index of the first value that moves more than `MAX_DAILY_RATIO` from the value before it (values ≤ 0 or NaN skipped), or −1. */
function firstJump(col: Float64Array): number {
  let prev = NaN;
  for (let d = 0; d < col.length; d++) {
    const v = col[d];
    if (!(v > 0)) continue;
    if (prev > 0 && (v > prev * MAX_DAILY_RATIO || v * MAX_DAILY_RATIO < prev)) return d;
    prev = v;
  }
  return -1;
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
