import { dayNumber, indexOnOrBefore } from '../data/calendar.js';
import type { IsoDate } from '../data/types.js';
import { fail } from '../errors/market-note-error.js';

/**
 * Calendar and point-in-time helpers shared by the market-statistics metrics.
 *
 * Every metric reads a plain `{ dates, close }` pair (a `Series` satisfies it), dates ascending ISO strings,
 * `NaN` close = missing row (skipped). Nothing here copies arrays: lookups are binary searches on `dates`.
 */

/** The minimum a metric reads: ascending ISO dates and parallel closes (`NaN` = missing). */
export interface CloseSeries {
  dates: IsoDate[];
  close: ArrayLike<number>;
}

/** Options shared by the point-in-time metrics. */
export interface PointInTimeOptions {
  /**
   * How many calendar days a close may lie before the date it stands for (the as-of date, a year-end,
   * June 30) before the figure is refused as stale. Default 7: covers weekends, holidays and the
   * 2001-09-11 closure, and refuses a series that stopped updating.
   */
  maxStaleDays?: number;
}

/** Default for {@link PointInTimeOptions.maxStaleDays}. */
export const DEFAULT_MAX_STALE_DAYS = 7;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Throws (a caller mistake) unless `value` looks like `YYYY-MM-DD`.
 * @example assertIsoDate('asOf', '2025-12-12') //=> undefined
 */
export function assertIsoDate(name: string, value: string): void {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) {
    fail('USAGE', `${name} must be a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
}

/**
 * True when every date is later than the one before (strictly ascending, no repeat): the order the loaders give,
 * which lets a computation over all dates serve every as-of date by its prefix.
 * @example datesAscending(['2025-01-02', '2025-01-03']) //=> true
 */
export function datesAscending(dates: IsoDate[]): boolean {
  if (dates.length < ASCENDING_MEMO_MIN) return ascendingScan(dates);
  const known = ascending.get(dates);
  if (known !== undefined && known.length === dates.length) return known.ascending;
  const result = ascendingScan(dates);
  ascending.set(dates, { length: dates.length, ascending: result });
  return result;
}

/**
 * What {@link datesAscending} found for a long list of dates (held weakly), and at what length: a market's date lists
 * are checked by every section that merges two series, on every as-of date. Dates are read-only once loaded (as every
 * memo of the metrics assumes); a list that grew since is checked again.
 */
const ascending = new WeakMap<IsoDate[], { length: number; ascending: boolean }>();
const ASCENDING_MEMO_MIN = 256;

function ascendingScan(dates: IsoDate[]): boolean {
  for (let i = 1; i < dates.length; i++) if (!(dates[i - 1] < dates[i])) return false;
  return true;
}

/**
 * Index of the last date `<= date` in ascending `dates`, or -1 if none (binary search, O(log n)): the data layer's
 * `indexOnOrBefore`, under the name the metrics use.
 * @example lastIndexOnOrBefore(['2025-01-02', '2025-01-03', '2025-01-06'], '2025-01-05') //=> 1
 */
export const lastIndexOnOrBefore: (dates: readonly IsoDate[], date: IsoDate) => number = indexOnOrBefore;

/**
 * How many of ascending `dates` fall after `after` and on or before `upTo` (two binary searches; 0 when `upTo` is not
 * after `after`): the trading days of a year to date are `datesAfterUpTo(dates, '2024-12-31', asOf)`.
 * @example datesAfterUpTo(['2024-12-31', '2025-01-02', '2025-01-03', '2025-01-06'], '2024-12-31', '2025-01-05') //=> 2
 */
export function datesAfterUpTo(dates: IsoDate[], after: IsoDate, upTo: IsoDate): number {
  return Math.max(0, lastIndexOnOrBefore(dates, upTo) - lastIndexOnOrBefore(dates, after));
}

/** True when a close is usable (not NaN / ±Infinity). */
export function isValidClose(v: number): boolean {
  return Number.isFinite(v);
}

/**
 * Index of the last row dated `<= date` whose close is not missing, or -1 if none.
 * @example lastCloseIndexOnOrBefore({ dates: ['2025-01-02', '2025-01-03'], close: [10, NaN] }, '2025-01-03') //=> 0
 */
export function lastCloseIndexOnOrBefore(s: CloseSeries, date: IsoDate): number {
  let i = lastIndexOnOrBefore(s.dates, date);
  while (i >= 0 && !isValidClose(s.close[i])) i--;
  return i;
}

/**
 * Closes after `from`'s and up to `to`'s (the trading days from one close to the other; rows without a usable close,
 * such as holiday placeholders, are not counted).
 * @example closesBetween({ dates: ['2025-01-02', '2025-01-03', '2025-01-06'], close: [1, NaN, 2] }, '2025-01-02', '2025-01-06') //=> 1
 */
export function closesBetween(s: CloseSeries, from: IsoDate, to: IsoDate): number {
  let n = 0;
  for (let i = lastCloseIndexOnOrBefore(s, to), first = lastCloseIndexOnOrBefore(s, from); i > first; i--) if (isValidClose(s.close[i])) n++;
  return n;
}

/** Index of the first row with a usable close, or -1. */
export function firstCloseIndex(s: CloseSeries): number {
  for (let i = 0; i < s.dates.length; i++) if (isValidClose(s.close[i])) return i;
  return -1;
}

/**
 * Calendar year of an ISO date.
 * @example yearOf('2025-12-12') //=> 2025
 */
export function yearOf(d: IsoDate): number {
  return Number(d.slice(0, 4));
}

function pad4(y: number): string {
  return String(y).padStart(4, '0');
}

/** @example yearEnd(2024) //=> '2024-12-31' */
export function yearEnd(year: number): IsoDate {
  return `${pad4(year)}-12-31`;
}

/** Last day of the first half. @example midYear(2025) //=> '2025-06-30' */
export function midYear(year: number): IsoDate {
  return `${pad4(year)}-06-30`;
}

/**
 * The last weekday on or before `date` (a Saturday or Sunday rolls back to the Friday).
 * @example lastWeekdayOnOrBefore('2016-12-31') //=> '2016-12-30'
 */
function lastWeekdayOnOrBefore(date: IsoDate): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  const back = d.getUTCDay() === 6 ? 1 : d.getUTCDay() === 0 ? 2 : 0;
  return back === 0 ? date : new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The year is over at T: T is on or after its last weekday. US exchanges trade on Dec 31 whenever it is a weekday
 * (and so does the demo calendar), so on the last weekday no close of the year is still to come: a note of Friday
 * 30 December 2016 has the whole of 2016 (before, the year counted as complete only on Dec 31 itself, a Saturday,
 * and that note left 2015 out of the years with a complete year after them).
 * @example yearComplete(2016, '2016-12-30') //=> true
 * @example yearComplete(2025, '2025-12-30') //=> false   (Dec 31, 2025 is a Wednesday)
 */
export function yearComplete(year: number, asOf: IsoDate): boolean {
  return asOf >= lastWeekdayOnOrBefore(yearEnd(year));
}

/**
 * The first half is over at T: T is on or after its last weekday (June 30, or the Friday before).
 * @example halfComplete(2019, '2019-06-28') //=> true   (June 30, 2019 is a Sunday)
 */
export function halfComplete(year: number, asOf: IsoDate): boolean {
  return asOf >= lastWeekdayOnOrBefore(midYear(year));
}

/** True from July 1 on. @example inSecondHalf('2025-07-01') //=> true */
export function inSecondHalf(d: IsoDate): boolean {
  return d.slice(5) >= '07-01';
}

/** The earlier of two ISO dates. */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** Days since 1970-01-01 of an ISO date (one implementation, in the data layer's calendar). */
export { dayNumber };

/**
 * Calendar days from `a` to `b` (positive when `b` is later).
 * @example daysBetween('2025-12-31', '2026-01-02') //=> 2
 */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** Reads `options.maxStaleDays`, validating it. */
export function maxStaleDaysOf(options: PointInTimeOptions | undefined): number {
  const v = options?.maxStaleDays ?? DEFAULT_MAX_STALE_DAYS;
  if (!(v >= 0)) fail('CONFIG', `maxStaleDays must be a number >= 0, got ${v}`);
  return v;
}

/** The row standing for a date, or why there is none. */
export type Anchor = { index: number; reason?: undefined } | { index: -1; reason: string };

/**
 * The last usable close on or before `date`, refused when there is none or when it lies more than
 * `maxStaleDays` calendar days before `date`.
 * @example anchorOnOrBefore({ dates: ['2024-12-31'], close: [5] }, '2025-01-01', 7) //=> { index: 0 }
 */
export function anchorOnOrBefore(s: CloseSeries, date: IsoDate, maxStaleDays: number): Anchor {
  const i = lastCloseIndexOnOrBefore(s, date);
  if (i < 0) return { index: -1, reason: `no close on or before ${date}` };
  const gap = daysBetween(s.dates[i], date);
  if (gap > maxStaleDays) {
    return {
      index: -1,
      reason: `last close on or before ${date} is ${s.dates[i]}, ${gap} days earlier (limit ${maxStaleDays})`,
    };
  }
  return { index: i };
}
