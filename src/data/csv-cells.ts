/**
 * Cell-level rules shared by the series and universe readers: what a number, a missing value and a date look
 * like, the date-order check, and how a bad cell becomes a `MarketNoteError` at `file:line`.
 */
import { fail, type ErrorCode } from '../errors/market-note-error.js';
import * as msg from '../errors/messages.js';
import type { Problem } from '../errors/messages.js';
import { isIsoDate } from './calendar.js';
import type { IsoDate } from './types.js';

/** Cells that mean "no value that day": empty, FRED's `.`, and the `null` / `NaN` some exporters write. */
const MISSING = new Set(['', '.', 'null', 'NULL', 'nan', 'NaN']);
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Throws the problem as a `MarketNoteError` at `file:line` (column 1-based). */
export function raise(code: ErrorCode, p: Problem, file: string, line?: number, column?: number): never {
  return fail(code, p.message, { file, line, column, hint: p.hint });
}

/**
 * A number cell: the number, `NaN` for a missing-value marker, `undefined` when it is not a number. A number
 * too large for a double (`1e999`) comes back as ±Infinity, for the caller to refuse.
 * @example numberCell(' 4.25 ') //=> 4.25
 * @example numberCell('.') //=> NaN
 * @example numberCell('n/a') //=> undefined
 */
export function numberCell(raw: string): number | undefined {
  // the usual cell, read without trimming or a pattern (see plainNumber); anything else goes the slow way
  const v = plainNumber(raw, 0, raw.length);
  if (v === v) return v;
  const cell = raw.trim();
  if (MISSING.has(cell)) return NaN;
  return NUMBER.test(cell) ? Number(cell) : undefined;
}

/** Exact powers of ten (every one up to 1e22 is a double). */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * A decimal of digits and at most one point whose digits, read as an integer m, make a safe integer and whose
 * point stands at most 22 places from the end, is m / 10^k: one division of two exact doubles, correctly rounded,
 * hence the double `Number` reads (Clinger's fast path). -1 when the decimal is not of that kind.
 * @example decimalValue(1765999984741211, 14) //=> 17.65999984741211 (as Number('17.65999984741211'))
 */
export function decimalValue(mantissa: number, decimals: number): number {
  if (mantissa > Number.MAX_SAFE_INTEGER || decimals > 22) return -1;
  return decimals > 0 ? mantissa / POW10[decimals] : mantissa;
}

/**
 * `text[start, end)` as a number when it is a plain decimal like `4.25` or `1e5`, read as {@link numberCell} reads
 * it; NaN otherwise. Such a cell starts and ends with a digit, so it has no space to trim and is no missing-value
 * marker, and `Number` reads it exactly as the number pattern does, except for the 0x / 0b / 0o prefixes, which
 * give NaN here (the caller then reads the cell the slow way, which refuses them). Digits with at most one point
 * are read here, without a string for the cell, when {@link decimalValue} can read them exactly.
 * @example plainNumber('x,4.25,y', 2, 6) //=> 4.25
 */
export function plainNumber(text: string, start: number, end: number): number {
  if (end <= start) return NaN;
  const c0 = text.charCodeAt(start);
  const cn = text.charCodeAt(end - 1);
  if (!(c0 >= 48 && c0 <= 57 && cn >= 48 && cn <= 57)) return NaN;
  // the digits as two integers of at most nine digits each (small integers: no heap number per digit while this code
  // is not yet optimized), joined once at the end; more than eighteen digits are left to Number
  let high = 0;
  let low = 0;
  let digits = 0;
  let decimals = -1;
  let p = start;
  for (; p < end; p++) {
    const ch = text.charCodeAt(p);
    if (ch >= 48 && ch <= 57) {
      if (digits < 9) high = high * 10 + (ch - 48);
      else low = low * 10 + (ch - 48);
      if (++digits > 18) break;
      if (decimals >= 0) decimals++;
    } else if (ch === 46 && decimals < 0) decimals = 0;
    else break;
  }
  if (p === end) {
    // exact while the integer is safe; an unsafe one is refused by decimalValue, however it rounded
    const mantissa = digits > 9 ? high * POW10[digits - 9] + low : high;
    const v = decimalValue(mantissa, decimals < 0 ? 0 : decimals);
    if (v >= 0) return v;
  }
  if (c0 === 48 && end - start > 2 && (text.charCodeAt(start + 1) | 32) > 97) return NaN; // 0x / 0b / 0o
  return Number(start === 0 && end === text.length ? text : text.slice(start, end));
}

/**
 * A date cell as `YYYY-MM-DD`, or `undefined`. A time of day after the date (`2025-12-12 00:00:00`,
 * `2025-12-12T00:00:00Z`, as pandas and yfinance sometimes write) is dropped.
 * @example dateCell('2025-12-12 00:00:00') //=> '2025-12-12'
 */
export function dateCell(raw: string): IsoDate | undefined {
  let cell = raw.trim();
  if (cell.length > 10 && (cell[10] === ' ' || cell[10] === 'T')) cell = cell.slice(0, 10);
  return isIsoDate(cell) ? cell : undefined;
}

/**
 * Throws unless `date` comes after the last of `dates` (which are strictly increasing so far); `lines[i]` is
 * the line of `dates[i]`. A repeated date is reported with the line where it first appeared.
 */
export function checkDateOrder(date: IsoDate, dates: readonly IsoDate[], lines: ArrayLike<number>, line: number, file: string, column: number): void {
  const n = dates.length;
  if (n === 0 || date > dates[n - 1]) return;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid] < date) lo = mid + 1;
    else hi = mid;
  }
  if (dates[lo] === date) raise('BAD_CSV', msg.duplicateDate(date, lines[lo]), file, line, column);
  raise('BAD_CSV', msg.datesOutOfOrder(date, dates[n - 1], lines[n - 1]), file, line, column);
}

/**
 * Throws the right error for a price cell that failed the fast check: not a number, or not above zero.
 * Returns the value when the cell is fine after all (a missing-value marker → `NaN`).
 */
export function strictPrice(raw: string, column: string, file: string, line: number, col: number): number {
  const v = numberCell(raw);
  if (v === undefined) raise('BAD_CSV', msg.notANumber(column, raw.trim()), file, line, col);
  if (!Number.isFinite(v) && !Number.isNaN(v)) raise('BAD_DATA', msg.notFinite(column), file, line, col);
  if (v <= 0) raise('BAD_DATA', msg.notPositive(column, v), file, line, col);
  return v;
}
