/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) without `Date` objects or the clock: a date is turned into a
 * day number (days since 1970-01-01, proleptic Gregorian) and back. Used to validate input dates and to lay out
 * the business days of the synthetic demo market.
 */
import type { IsoDate } from './types.js';

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * True when `text` is a real calendar date written `YYYY-MM-DD`.
 * @example isIsoDate('2024-02-29') //=> true
 * @example isIsoDate('2023-02-29') //=> false
 */
export function isIsoDate(text: string): boolean {
  return text.length === 10 && isIsoDateAt(text, 0);
}

/** The ASCII digit at `p` as a number, or NaN. */
function digitAt(text: string, p: number): number {
  const c = text.charCodeAt(p) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
}

/**
 * True when the ten characters of `text` from `at` are a real calendar date written `YYYY-MM-DD` (read by
 * character codes, no substring: the CSV readers check every row's date this way).
 * @example isIsoDateAt('x,2024-02-29,1', 2) //=> true
 */
export function isIsoDateAt(text: string, at: number): boolean {
  return !Number.isNaN(isoDayKeyAt(text, at));
}

/**
 * The date written `YYYY-MM-DD` in the ten characters of `text` from `at` as a day key, `(year × 12 + month − 1) × 31 +
 * day − 1` (a slot per day of a 31-day month: one number per date, in date order, a small integer), or NaN when they are
 * not a real calendar date (see {@link isIsoDateAt}).
 * @example isoDayKeyAt('x,2024-02-29,1', 2) //=> 752987
 */
export function isoDayKeyAt(text: string, at: number): number {
  if (text.charCodeAt(at + 4) !== 45 || text.charCodeAt(at + 7) !== 45) return NaN;
  const year = digitAt(text, at) * 1000 + digitAt(text, at + 1) * 100 + digitAt(text, at + 2) * 10 + digitAt(text, at + 3);
  const month = digitAt(text, at + 5) * 10 + digitAt(text, at + 6);
  const day = digitAt(text, at + 8) * 10 + digitAt(text, at + 9);
  // NaN (a non-digit) fails every comparison below; the year needs no range beyond being four digits
  return year === year && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? (year * 12 + month - 1) * 31 + day - 1 : NaN;
}

/**
 * Days since 1970-01-01 of an ISO date (assumed valid; see `isIsoDate`).
 * @example dayNumber('1970-01-02') //=> 1
 */
export function dayNumber(date: IsoDate): number {
  // Howard Hinnant's days_from_civil, with the year starting in March so leap days fall at the end.
  let y = +date.slice(0, 4);
  const m = +date.slice(5, 7);
  const d = +date.slice(8, 10);
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The ISO date of a day number (inverse of `dayNumber`).
 * @example isoDate(19723) //=> '2024-01-01'
 */
export function isoDate(day: number): IsoDate {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A valid ISO date as the notes write it in full: the day without a leading zero, the English month, the year
 * (date-fns' `format(parseISO(date), 'd MMMM yyyy')`, without loading date-fns' ~70 modules where nothing else
 * needs them).
 * @example longDate('2025-07-04') //=> '4 July 2025'
 */
export function longDate(date: IsoDate): string {
  return `${+date.slice(8, 10)} ${MONTHS[+date.slice(5, 7) - 1]} ${date.slice(0, 4)}`;
}

/**
 * Day of the week of a day number, 0 = Sunday … 6 = Saturday.
 * @example weekday(dayNumber('2025-12-12')) //=> 5
 */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/**
 * The Friday of the calendar week (Monday to Sunday) `interval` days before `asOf`: the date a weekly note compares
 * with, read as the last trading day on or before it. A note on a Friday compares with the Friday a week earlier;
 * one on Thursday 9 April 2020 (Good Friday closed the market) with Friday 3 April, not with Thursday 2 April, which
 * the previous note's week already counted.
 * @example weekBefore('2025-12-12', 7) //=> '2025-12-05'
 * @example weekBefore('2020-04-09', 7) //=> '2020-04-03'
 */
export function weekBefore(asOf: IsoDate, interval: number): IsoDate {
  const day = dayNumber(asOf) - interval;
  const fromMonday = (weekday(day) + 6) % 7; // Monday 0 … Sunday 6
  return isoDate(day - fromMonday + 4);
}

/** Fixed-date holidays of the demo calendar (month-day), not moved when they fall on a weekend. */
export const DEMO_HOLIDAYS: readonly string[] = ['01-01', '07-04', '12-25'];

/**
 * True for a trading day of the demo calendar: a weekday that is not Jan 1, Jul 4 or Dec 25.
 * @example isBusinessDay('2025-07-04') //=> false
 */
export function isBusinessDay(date: IsoDate): boolean {
  const wd = weekday(dayNumber(date));
  return wd !== 0 && wd !== 6 && !DEMO_HOLIDAYS.includes(date.slice(5));
}

/**
 * The demo calendar's trading days from `from` to `to`, both included when they are trading days.
 * @example businessDays('2025-12-24', '2025-12-29') //=> ['2025-12-24', '2025-12-26', '2025-12-29']
 */
export function businessDays(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  const last = dayNumber(to);
  for (let day = dayNumber(from); day <= last; day++) {
    const wd = weekday(day);
    if (wd === 0 || wd === 6) continue;
    const date = isoDate(day);
    if (!DEMO_HOLIDAYS.includes(date.slice(5))) out.push(date);
  }
  return out;
}

/**
 * The last trading day on or before `date` in `tradingDays` (sorted ISO dates), or null when `date` is before the
 * first one. A holiday or weekend rolls back to the trading day before.
 * @example tradingDayOnOrBefore(['2025-07-02', '2025-07-03', '2025-07-07'], '2025-07-04') //=> '2025-07-03'
 */
export function tradingDayOnOrBefore(tradingDays: readonly IsoDate[], date: IsoDate): IsoDate | null {
  const hit = indexOnOrBefore(tradingDays, date);
  return hit < 0 ? null : tradingDays[hit];
}

/**
 * Index of the last of ascending `dates` on or before `date`, or −1.
 * @example indexOnOrBefore(['2025-12-11', '2025-12-12'], '2025-12-13') //=> 1
 */
export function indexOnOrBefore(dates: readonly IsoDate[], date: IsoDate): number {
  let lo = 0;
  let hi = dates.length - 1;
  let hit = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid] <= date) {
      hit = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return hit;
}
