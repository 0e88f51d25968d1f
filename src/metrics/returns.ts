import type { IsoDate } from '../data/types.js';
import { fail } from '../errors/market-note-error.js';
import {
  anchorOnOrBefore,
  assertIsoDate,
  firstCloseIndex,
  maxStaleDaysOf,
  halfComplete,
  midYear,
  minDate,
  yearComplete,
  yearEnd,
  yearOf,
  type CloseSeries,
  type PointInTimeOptions,
} from './calendar.js';
import { measured, unmeasured, type Measured } from './result.js';

/**
 * Returns (methodology §10): close(T) / close(last trading day on or before B) − 1, in percent.
 *
 * Every function is point-in-time: it reads only rows dated on or before `asOf` (binary search, no copies).
 * A close more than `maxStaleDays` (default 7) calendar days before the date it stands for is refused with a
 * reason, so a series that stopped updating gives `null`, not a stale figure.
 */

/** A return that also says whether its period is over (`complete`) or still running ("to date"). */
export type PeriodReturn = Measured<number> & { complete: boolean };

/**
 * Return in percent from the last close on or before `base` to the last close on or before `asOf`.
 * `from`/`to` are the dates of those two closes. When both fall on the same row the return is 0.
 *
 * @example periodReturn({ dates: ['2024-12-31', '2025-03-31'], close: [100, 104.5] }, '2024-12-31', '2025-03-31')
 * //=> { value: 4.5, from: '2024-12-31', to: '2025-03-31' } (value up to float rounding)
 */
export function periodReturn(
  s: CloseSeries,
  base: IsoDate,
  asOf: IsoDate,
  options?: PointInTimeOptions,
): Measured<number> {
  assertIsoDate('base', base);
  assertIsoDate('asOf', asOf);
  if (base > asOf) fail('CONFIG', `return base date ${base} is after the as-of date ${asOf}`);
  const maxStale = maxStaleDaysOf(options);
  const b = anchorOnOrBefore(s, base, maxStale);
  if (b.reason !== undefined) return unmeasured(`base: ${b.reason}`);
  const e = anchorOnOrBefore(s, asOf, maxStale);
  if (e.reason !== undefined) return unmeasured(`end: ${e.reason}`, s.dates[b.index]);
  const c0 = s.close[b.index];
  if (!(c0 > 0)) return unmeasured(`base close on ${s.dates[b.index]} is not positive (${c0})`, s.dates[b.index]);
  return measured((s.close[e.index] / c0 - 1) * 100, s.dates[b.index], s.dates[e.index]);
}

/**
 * Year-to-date return: base = last close of the prior calendar year (on or before Dec 31).
 * On Jan 1 (no row that day) it is 0, from the prior year-end to that same row.
 * @example ytdReturn({ dates: ['2024-12-31', '2025-03-31'], close: [100, 104.5] }, '2025-03-31') //=> value 4.5
 */
export function ytdReturn(s: CloseSeries, asOf: IsoDate, options?: PointInTimeOptions): Measured<number> {
  assertIsoDate('asOf', asOf);
  return periodReturn(s, yearEnd(yearOf(asOf) - 1), asOf, options);
}

/**
 * First-half return of T's year: prior year-end → last close on or before June 30, or → T while T is
 * still in the first half (H1 to date; `complete` false).
 * @example h1Return({ dates: ['2024-12-31', '2025-06-30', '2025-07-15'], close: [100, 110, 120] }, '2025-07-15') //=> value 10, complete true
 */
export function h1Return(s: CloseSeries, asOf: IsoDate, options?: PointInTimeOptions): PeriodReturn {
  assertIsoDate('asOf', asOf);
  const year = yearOf(asOf);
  const end = minDate(asOf, midYear(year));
  return { ...periodReturn(s, yearEnd(year - 1), end, options), complete: halfComplete(year, asOf) };
}

/**
 * Second-half return of T's year: June close → T while T is in the second half (H2 to date), → Dec 31
 * close on Dec 31. While T is in the first half there is no H2 for T's year: `null` with a reason
 * (the previous year's H2 is `h2ReturnOfYear(s, year - 1, asOf)`).
 * @example h2Return({ dates: ['2025-06-30', '2025-09-30'], close: [100, 95] }, '2025-10-03') //=> value -5, complete false
 */
export function h2Return(s: CloseSeries, asOf: IsoDate, options?: PointInTimeOptions): PeriodReturn {
  assertIsoDate('asOf', asOf);
  return h2ReturnOfYear(s, yearOf(asOf), asOf, options);
}

/**
 * Second-half return of `year`: last close on or before June 30 → last close on or before Dec 31
 * (`complete`), or → T when T lies inside that second half (to date). `null` when T is before July 1 of `year`.
 * @example h2ReturnOfYear({ dates: ['2024-06-28', '2024-12-31'], close: [50, 60] }, 2024, '2025-03-01') //=> value 20, complete true
 */
export function h2ReturnOfYear(
  s: CloseSeries,
  year: number,
  asOf: IsoDate,
  options?: PointInTimeOptions,
): PeriodReturn {
  assertIsoDate('asOf', asOf);
  const start = `${String(year).padStart(4, '0')}-07-01`;
  if (asOf < start) {
    return { ...unmeasured(`as-of ${asOf} is before the second half of ${year} (starts ${start})`), complete: false };
  }
  const end = minDate(asOf, yearEnd(year));
  return { ...periodReturn(s, midYear(year), end, options), complete: yearComplete(year, asOf) };
}

/** One calendar year's return; `complete` false for T's year when T is before Dec 31. */
export interface CalendarYearReturn {
  year: number;
  value: number;
  complete: boolean;
}

/**
 * Return of every calendar year Y with a close for the prior year-end and at least one close in Y on or
 * before T, oldest first; T's own year appears to date (`complete` false) until Dec 31.
 * @example calendarYearReturns({ dates: ['2023-12-29', '2024-12-31', '2025-02-03'], close: [100, 120, 90] }, '2025-02-03')
 * //=> [{ year: 2024, value: 20, complete: true }, { year: 2025, value: -25, complete: false }]
 */
export function calendarYearReturns(
  s: CloseSeries,
  asOf: IsoDate,
  options?: PointInTimeOptions,
): CalendarYearReturn[] {
  assertIsoDate('asOf', asOf);
  const out: CalendarYearReturn[] = [];
  const first = firstCloseIndex(s);
  if (first < 0 || s.dates[first] > asOf) return out;
  const lastYear = yearOf(asOf);
  for (let y = yearOf(s.dates[first]) + 1; y <= lastYear; y++) {
    const r = periodReturn(s, yearEnd(y - 1), minDate(asOf, yearEnd(y)), options);
    if (r.value === null || r.to === null || yearOf(r.to) !== y) continue;
    out.push({ year: y, value: r.value, complete: yearComplete(y, asOf) });
  }
  return out;
}

/**
 * Return from the close on `date` (or the last close before it) to T, e.g. since a rate peak.
 * Same rule as {@link periodReturn}.
 * @example returnSince({ dates: ['2025-01-10', '2025-02-10'], close: [200, 210] }, '2025-01-10', '2025-02-10') //=> value 5
 */
export function returnSince(
  s: CloseSeries,
  date: IsoDate,
  asOf: IsoDate,
  options?: PointInTimeOptions,
): Measured<number> {
  return periodReturn(s, date, asOf, options);
}
