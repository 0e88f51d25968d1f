/**
 * The fast reader for wide universe files (date + one close column per member, ~600 columns × ~3,000 rows).
 * It scans the text once, character by character, and converts plain decimals itself (`decimalValue`: digits
 * that make a safe integer, over a power of ten, one correctly rounded division of two exact doubles, hence the
 * same double `Number(cell)` gives). Anything unusual (signs, exponents, missing markers, junk) goes through the strict rules
 * in `csv-cells.ts`, so errors read exactly as they do for other files. Text with quotes is not handled here.
 */
import * as msg from '../errors/messages.js';
import { checkDateOrder, dateCell, decimalValue, raise, strictPrice } from './csv-cells.js';
import type { ReadMore } from './read-file.js';
import type { IsoDate } from './types.js';

/** The parsed body of a wide file. */
export interface WideTable {
  header: string[];
  dates: IsoDate[];
  /** columns[m][d]: value of member m (header[m + 1]) on dates[d]. */
  columns: Float64Array[];
}

/**
 * Checks a wide header (date column first, then distinct, non-empty member names) and returns the members.
 * @example wideMembers(['date', 'AAA', 'BBB'], 'sp600.csv', 1) //=> ['AAA', 'BBB']
 */
export function wideMembers(header: readonly string[], file: string, line: number): string[] {
  const members = header.slice(1);
  if (members.length === 0) raise('BAD_CSV', msg.noMembers(), file, line);
  const firstColumn = new Map<string, number>();
  members.forEach((m, k) => {
    if (m === '') raise('BAD_CSV', msg.emptyMemberName(k + 2), file, line, k + 2);
    const first = firstColumn.get(m);
    if (first !== undefined) raise('BAD_CSV', msg.duplicateMember(m, first, k + 2), file, line, k + 2);
    firstColumn.set(m, k + 2);
  });
  return members;
}

function isBlank(bytes: Uint8Array, from: number, to: number): boolean {
  for (let p = from; p < to; p++) {
    const ch = bytes[p];
    if (ch !== 32 && ch !== 9 && ch !== 13) return false;
  }
  return true;
}

/** Bytes of the first chunk a file is read in; a longer line doubles it. */
const CHUNK_BYTES = 1 << 18;

/** Thrown inside the scan of a file when it meets a byte it leaves to the text path (a quote or a NUL). */
const TEXT_PATH = Symbol('text path');

/**
 * Scans an unquoted wide CSV (BOM already removed). Empty cells are `NaN`; values must be numbers above zero.
 * @example scanWideCsv('date,AAA\n2025-12-12,10.5\n', 'sp600.csv').columns[0] //=> Float64Array [10.5]
 */
export function scanWideCsv(text: string, file: string): WideTable {
  const bytes = Buffer.from(text, 'utf8');
  return scanWide(bytes, undefined, file, bytes.length)!;
}

/**
 * Scans the wide CSV file `file` as {@link scanWideCsv} scans its text, reading it a chunk at a time with `read`
 * (read-file.ts's `withInputFile`): the 11 MB S&P 600 file is never held whole, neither as bytes nor as a string.
 * Returns undefined when the file needs the text path: a quote anywhere, or a NUL byte (a binary file, which the
 * text path refuses). Errors are those of the text path (a file with a bad cell and, later, a quote may differ:
 * callers that need the text path's error for every file read it again on any error).
 */
export function scanWideFile(read: ReadMore, size: number, file: string): WideTable | undefined {
  try {
    return scanWide(Buffer.allocUnsafe(CHUNK_BYTES), read, file, size);
  } catch (e) {
    if (e === TEXT_PATH) return undefined;
    throw e;
  }
}

/**
 * The scanner: `first` holds the whole text (no `read`) or is the buffer chunks are read into; `size` bounds the
 * bytes to come, for sizing the columns.
 */
function scanWide(first: Buffer, read: ReadMore | undefined, file: string, size: number): WideTable | undefined {
  let buf = first;
  let len = read ? 0 : first.length; // bytes held, [0, len)
  let bytes = buf.subarray(0, len);
  let eof = read === undefined;
  let pos = 0; // start of the next line in bytes
  let line = 1;
  // More bytes after the unread ones (moved to the front first); false at the end of the file.
  const more = (): boolean => {
    if (eof) return false;
    if (pos > 0) {
      buf.copyWithin(0, pos, len);
      len -= pos;
      pos = 0;
    }
    if (len === buf.length) {
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, len);
      buf = bigger;
    }
    const n = read!(buf, len);
    if (n === 0) {
      eof = true;
      return false;
    }
    const fresh = buf.subarray(len, len + n);
    if (fresh.includes(0) || fresh.includes(34)) throw TEXT_PATH;
    if (line === 1 && len === 0 && n >= 3 && fresh[0] === 0xef && fresh[1] === 0xbb && fresh[2] === 0xbf) fresh.fill(32, 0, 3); // a BOM
    len += n;
    bytes = buf.subarray(0, len);
    return true;
  };
  // The end of the line at `pos` (its '\n', or the end of the bytes), reading more as needed; -1 when none is left.
  const lineEnd = (): number => {
    for (;;) {
      const end = bytes.indexOf(10, pos);
      if (end >= 0) return end;
      if (!more()) return pos < len ? len : -1;
    }
  };
  const stopOf = (end: number): number => (end > pos && bytes[end - 1] === 13 ? end - 1 : end);
  const textOf = (from: number, to: number): string => bytes.toString('utf8', from, to);

  // Header: the first non-blank line.
  let header: string[] | undefined;
  let headerLine = 0;
  while (!header) {
    const end = lineEnd();
    if (end < 0) break;
    const stop = stopOf(end);
    if (!isBlank(bytes, pos, stop)) {
      header = textOf(pos, stop).split(',').map((h) => h.trim());
      headerLine = line;
    }
    pos = end + 1;
    line++;
  }
  if (!header) raise('BAD_CSV', msg.emptyFile(), file);
  const members = wideMembers(header, file, headerLine);
  const width = header.length;

  // Columns sized at the first row for the rest of the file, in rows as long as it with a quarter more (rows of a
  // wide file are much alike; the first tend to be shorter, with members not yet listed), and grown by half should
  // the file hold more: closer than the sure bound (a row per width + 9 bytes: ~6× the S&P 600 file's rows), whose
  // unused memory would count against the heap of both threads.
  const rest = Math.max(0, size - pos);
  let capacity = 0;
  let columns: Float64Array[] = [];
  const dates: IsoDate[] = [];
  const lines: number[] = [];

  for (let end = lineEnd(); end >= 0; end = lineEnd(), line++) {
    const stop = stopOf(end);
    const row = bytes; // this line is whole in it
    if (isBlank(row, pos, stop)) {
      pos = end + 1;
      continue;
    }
    let p = row.indexOf(44, pos);
    if (p < 0 || p > stop) p = stop;
    const rawDate = textOf(pos, p);
    const date = dateCell(rawDate);
    if (date === undefined && /^[\s,]*$/.test(textOf(pos, stop))) {
      pos = end + 1; // a row of empty cells (",,,,") carries nothing
      continue;
    }
    const from = pos;
    const cellCount = (): number => textOf(from, stop).split(',').length;
    if (p === stop && width > 1) raise('BAD_CSV', msg.wrongCellCount(1, width), file, line);
    if (date === undefined) raise('BAD_CSV', msg.notADate(header[0] || 'date', rawDate.trim()), file, line, 1);
    checkDateOrder(date, dates, lines, line, file, 1);
    const d = dates.length;
    if (d === 0) {
      capacity = Math.min(Math.floor(rest / (width + 9)) + 1, Math.ceil((rest / (end + 1 - from)) * 1.25) + 16);
      columns = members.map(() => new Float64Array(capacity));
    } else if (d === capacity) {
      capacity = Math.ceil(capacity * 1.5);
      columns = columns.map((col) => {
        const grown = new Float64Array(capacity);
        grown.set(col);
        return grown;
      });
    }
    for (let c = 1; c < width; c++) {
      if (p >= stop) raise('BAD_CSV', msg.wrongCellCount(cellCount(), width), file, line);
      p++; // skip the comma
      const start = p;
      let mantissa = 0;
      let digits = 0;
      let decimals = -1;
      let plain = true;
      for (; p < stop; p++) {
        const ch = row[p];
        if (ch === 44) break;
        if (ch >= 48 && ch <= 57) {
          mantissa = mantissa * 10 + (ch - 48);
          digits++;
          if (decimals >= 0) decimals++;
        } else if (ch === 46 && decimals < 0) decimals = 0;
        else plain = false;
      }
      // an empty cell is NaN; a plain decimal that decimalValue cannot read exactly (-1) goes the strict way
      let v = p === start ? NaN : plain && digits > 0 && mantissa > 0 ? decimalValue(mantissa, decimals < 0 ? 0 : decimals) : -1;
      if (v < 0) v = strictPrice(textOf(start, p), header[c], file, line, c + 1);
      columns[c - 1][d] = v;
    }
    if (p < stop) raise('BAD_CSV', msg.wrongCellCount(cellCount(), width), file, line);
    dates.push(date);
    lines.push(line);
    pos = end + 1;
  }
  if (dates.length === 0) raise('BAD_CSV', msg.noDataRows(), file, headerLine);
  // views of the rows read: each column keeps a buffer of its own (the universe worker transfers them whole)
  return { header, dates, columns: columns.map((col) => col.subarray(0, dates.length)) };
}
