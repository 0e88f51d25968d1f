import type { IsoDate } from '../data/types.js';
import { dayNumber } from '../data/calendar.js';
import { fail } from '../errors/market-note-error.js';
import {
  anchorOnOrBefore,
  assertIsoDate,
  isValidClose,
  maxStaleDaysOf,
  type CloseSeries,
  type PointInTimeOptions,
} from './calendar.js';
import { measured, unmeasured, type Measured } from './result.js';

/**
 * Interest-rate figures (methodology §10, §7). Yield series hold yields in percent (4.21 = 4.21%);
 * TNX is 10 × that (42.1); a basis point is 0.01 percentage point, so bp = 100 × change in percent.
 */

/** A date within this many calendar days of a window's first day sits at the window's start ({@link atWindowEdge}). */
export const WINDOW_EDGE_DAYS = 7;
/** Closes before a window's first day read to tell a window's edge from a turning point (about a month). */
export const WINDOW_EDGE_LOOKBACK = 21;
/** A window's high within this many calendar days of its first day (its first month) may be the window's edge. */
export const PEAK_EDGE_DAYS = 31;

/**
 * Whether a date sits at the very start of a trailing window that opens on `windowFrom` (within
 * {@link WINDOW_EDGE_DAYS} calendar days).
 * @example atWindowEdge('2025-01-06', '2025-01-02') //=> true
 */
export function atWindowEdge(date: IsoDate, windowFrom: IsoDate): boolean {
  return dayNumber(date) - dayNumber(windowFrom) <= WINDOW_EDGE_DAYS;
}

/**
 * Whether a window's high is its edge rather than a turning point: it sits in the window's first month
 * ({@link PEAK_EDGE_DAYS}) and the yield closed as high or higher in the {@link WINDOW_EDGE_LOOKBACK} closes before
 * the window opened, so the high is a bounce in a fall that began before the window (2019-01-18, 2.78%, after
 * 2.99% in the month before and 3.2% in November 2018). A high there that the yield rose into from below
 * (2017-03-13, 2.61%, above every close of the months before) is a turning point.
 * @example windowEdgeHigh({ date: '2025-01-06', from: '2025-01-02', level: 4.6, priorHigh: 4.8 }) //=> true
 * @example windowEdgeHigh({ date: '2025-01-06', from: '2025-01-02', level: 4.6, priorHigh: 4.5 }) //=> false
 */
export function windowEdgeHigh(p: { date: IsoDate; from: IsoDate; level: number; priorHigh: number | null }): boolean {
  return dayNumber(p.date) - dayNumber(p.from) <= PEAK_EDGE_DAYS && p.priorHigh !== null && p.priorHigh >= p.level;
}

/** The highest yield close of the trailing window and the move since. */
export interface RatePeak {
  /** Date of the highest close (the most recent one if the high was reached more than once). */
  date: IsoDate;
  /** Peak yield in percent (4.80). */
  level: number;
  /** Peak in TNX quote convention, 10 × the yield (48.0). */
  tnxLevel: number;
  /** current − level, in basis points (≤ 0). */
  changeBp: number;
  /** Yield at T (last close on or before T), percent. */
  current: number;
  currentDate: IsoDate;
  /** First and last date of the window searched (`to` = `currentDate`). */
  from: IsoDate;
  to: IsoDate;
  /** Window length in trading days (rows of the yield series with a close). */
  windowDays: number;
  /** Lowest close of the window, and its date (the most recent of equal lows). */
  low: number;
  lowDate: IsoDate;
  /** Highest close of the {@link WINDOW_EDGE_LOOKBACK} closes before the window's first day; null when there are none. */
  priorHigh: number | null;
  /** First and last date of those closes (null when there are none). */
  priorFrom: IsoDate | null;
  priorTo: IsoDate | null;
}

/**
 * Highest close of `yieldSeries` among the last `windowDays` closes on or before T, with its date, its level
 * (percent and TNX 10×), and the change from it to the close at T in bp. `null` when the series has fewer than
 * `windowDays` closes up to T or its last close is stale; {@link ratePeakMeasured} gives the reason.
 * @example ratePeak({ dates: ['2025-01-02', '2025-01-03', '2025-01-06'], close: [4.5, 4.8, 4.6] }, '2025-01-06', 3)
 * //=> { date: '2025-01-03', level: 4.8, tnxLevel: 48, changeBp: -20, current: 4.6, currentDate: '2025-01-06', … } (up to float rounding)
 */
export function ratePeak(
  yieldSeries: CloseSeries,
  asOf: IsoDate,
  windowDays = 200,
  options?: PointInTimeOptions,
): RatePeak | null {
  return ratePeakMeasured(yieldSeries, asOf, windowDays, options).value;
}

/**
 * {@link ratePeak} as a `Measured` value: the same peak, plus `from`/`to` (the window) and a reason when null
 * ("window of 200 trading days is longer than the 57 closes on or before 2001-03-26").
 */
export function ratePeakMeasured(
  yieldSeries: CloseSeries,
  asOf: IsoDate,
  windowDays = 200,
  options?: PointInTimeOptions,
): Measured<RatePeak> {
  assertIsoDate('asOf', asOf);
  if (!Number.isInteger(windowDays) || windowDays < 1) {
    fail('CONFIG', `rate-peak window must be a whole number of trading days >= 1, got ${windowDays}`);
  }
  const end = anchorOnOrBefore(yieldSeries, asOf, maxStaleDaysOf(options));
  if (end.reason !== undefined) return unmeasured(`yield: ${end.reason}`);
  const { dates, close } = yieldSeries;
  // Walk back over the last `windowDays` usable closes; `>` keeps the most recent of equal highs.
  let counted = 0;
  let peak = -1;
  let low = -1;
  let first = end.index;
  for (let i = end.index; i >= 0 && counted < windowDays; i--) {
    const v = close[i];
    if (!isValidClose(v)) continue;
    counted++;
    first = i;
    if (peak < 0 || v > close[peak]) peak = i;
    if (low < 0 || v < close[low]) low = i;
  }
  if (counted < windowDays) {
    return unmeasured(
      `window of ${windowDays} trading days is longer than the ${counted} closes on or before ${asOf}`,
      counted > 0 ? dates[first] : null,
      dates[end.index],
    );
  }
  const level = close[peak];
  const current = close[end.index];
  let priorHigh: number | null = null;
  let priorFrom: IsoDate | null = null;
  let priorTo: IsoDate | null = null;
  for (let i = first - 1, seen = 0; i >= 0 && seen < WINDOW_EDGE_LOOKBACK; i--) {
    const v = close[i];
    if (!isValidClose(v)) continue;
    seen++;
    priorFrom = dates[i];
    priorTo ??= dates[i];
    if (priorHigh === null || v > priorHigh) priorHigh = v;
  }
  const value: RatePeak = {
    date: dates[peak],
    level,
    tnxLevel: level * 10,
    changeBp: (current - level) * 100,
    current,
    currentDate: dates[end.index],
    from: dates[first],
    to: dates[end.index],
    windowDays,
    low: close[low],
    lowDate: dates[low],
    priorHigh,
    priorFrom,
    priorTo,
  };
  return measured(value, value.from, value.to);
}
