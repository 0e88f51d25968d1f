import type { IsoDate } from '../data/types.js';
import {
  assertIsoDate,
  firstCloseIndex,
  inSecondHalf,
  yearEnd,
  yearOf,
  yearComplete,
  type CloseSeries,
  type PointInTimeOptions,
} from './calendar.js';
import { h2ReturnOfYear, periodReturn } from './returns.js';

/**
 * Seasonal statistics on second-half (H2) returns of a small-cap vs a large-cap index (methodology §10).
 * "Beat" means the small-cap H2 return is strictly greater than the large-cap one; a tie counts as not beating.
 */

/** Consecutive years in which the small-cap H2 return beat the large-cap H2 return. */
export interface H2Streak {
  /** Length of the streak (0 when the latest counted year was not a win or has no data). */
  value: number;
  /** The winning years, oldest first. */
  years: number[];
  /** The year the count starts from: T's year when T is in H2, else the previous year. */
  throughYear: number;
  /** True when `throughYear` counts with its H2-to-date return (T in the second half, before Dec 31). */
  toDate: boolean;
  /** The first year (going back) in which small caps did not beat; null when the streak ran into missing data. */
  brokenIn: number | null;
  /** Why the count stopped when it stopped on missing data rather than on a loss. */
  reason?: string;
}

/**
 * Number of consecutive years, ending with T's year, in which `small`'s H2 return beat `large`'s.
 * T in the second half: T's year counts with its H2-to-date return. T in the first half: T's year has no H2
 * yet, so the count ends with the previous year (its complete H2).
 * @example h2Streak(rut, spx, '2025-12-12') // Yahoo ^RUT vs ^GSPC
 * //=> { value: 4, years: [2022, 2023, 2024, 2025], throughYear: 2025, toDate: true, brokenIn: 2021 }
 */
export function h2Streak(
  small: CloseSeries,
  large: CloseSeries,
  asOf: IsoDate,
  options?: PointInTimeOptions,
): H2Streak {
  assertIsoDate('asOf', asOf);
  const throughYear = inSecondHalf(asOf) ? yearOf(asOf) : yearOf(asOf) - 1;
  const toDate = !yearComplete(throughYear, asOf);
  const years: number[] = [];
  for (let y = throughYear; ; y--) {
    const a = h2ReturnOfYear(small, y, asOf, options);
    const b = h2ReturnOfYear(large, y, asOf, options);
    if (a.value === null || b.value === null) {
      const which = a.value === null ? `small-cap ${a.reason}` : `large-cap ${b.reason}`;
      years.reverse();
      return { value: years.length, years, throughYear, toDate, brokenIn: null, reason: `no H2 ${y}: ${which}` };
    }
    if (!(a.value > b.value)) {
      years.reverse();
      return { value: years.length, years, throughYear, toDate, brokenIn: y };
    }
    years.push(y);
  }
}

/** One sample year: the H2 gap (small − large, percentage points) and the small-cap return of the next year. */
export interface SeasonalObservation {
  year: number;
  h2Diff: number;
  nextYear: number;
}

/** Summary of one class of years. `mean`, `median`, `hitRate` are null for an empty class. */
export interface SeasonalClass {
  count: number;
  /** Mean small-cap return in Y+1, percent. */
  mean: number | null;
  /** Median small-cap return in Y+1, percent (mean of the two middle values for an even count). */
  median: number | null;
  /** Share of years with a positive small-cap return in Y+1, percent (66.7, not 0.667). */
  hitRate: number | null;
  /** The years Y of the class, oldest first. */
  years: number[];
  returns: SeasonalObservation[];
}

/** The conditional next-year statistic. `sampleStart`/`sampleEnd` are classification years Y (null: empty sample). */
export interface NextYearAfterH2 {
  sampleStart: number | null;
  sampleEnd: number | null;
  afterH2Beat: SeasonalClass;
  afterH2Lag: SeasonalClass;
  /** Years inside the sample range left out for missing data, with the reason. */
  gaps: { year: number; reason: string }[];
}

/**
 * For every year Y with a complete H2 (both series) and a complete year Y+1 (small caps) on or before T,
 * classify Y by whether small caps beat large caps in H2 and summarise the small-cap return of Y+1 per class.
 * Y+1 is complete when T is on or after its last weekday (`yearComplete`). The sample starts at the first year with all three figures.
 * @example nextYearAfterH2(rut, spx, '2025-12-12') // Yahoo ^RUT vs ^GSPC
 * //=> { sampleStart: 1988, sampleEnd: 2023, afterH2Beat: { count: 20, mean: 10.15, median: 13.42, hitRate: 75, … },
 * //     afterH2Lag: { count: 16, mean: 8.49, median: 14.70, hitRate: 62.5, … }, gaps: [] }
 */
export function nextYearAfterH2(
  small: CloseSeries,
  large: CloseSeries,
  asOf: IsoDate,
  options?: PointInTimeOptions,
): NextYearAfterH2 {
  assertIsoDate('asOf', asOf);
  const lastComplete = yearComplete(yearOf(asOf), asOf) ? yearOf(asOf) : yearOf(asOf) - 1;
  const fs = firstCloseIndex(small);
  const fl = firstCloseIndex(large);
  const beat: SeasonalObservation[] = [];
  const lag: SeasonalObservation[] = [];
  const gaps: { year: number; reason: string }[] = [];
  let sampleStart: number | null = null;
  let sampleEnd: number | null = null;
  if (fs >= 0 && fl >= 0) {
    const firstYear = Math.max(yearOf(small.dates[fs]), yearOf(large.dates[fl]));
    for (let y = firstYear; y <= lastComplete - 1; y++) {
      const a = h2ReturnOfYear(small, y, asOf, options);
      const b = h2ReturnOfYear(large, y, asOf, options);
      const next = periodReturn(small, yearEnd(y), yearEnd(y + 1), options);
      if (a.value === null || b.value === null || next.value === null) {
        if (sampleStart !== null) {
          const reason = a.value === null ? `small-cap H2: ${a.reason}` : b.value === null
            ? `large-cap H2: ${b.reason}` : `small-cap ${y + 1}: ${next.reason}`;
          gaps.push({ year: y, reason });
        }
        continue;
      }
      if (sampleStart === null) sampleStart = y;
      sampleEnd = y;
      const obs = { year: y, h2Diff: a.value - b.value, nextYear: next.value };
      (a.value > b.value ? beat : lag).push(obs);
    }
  }
  // Gaps recorded after the last sample year are trailing, not inside the sample.
  const inside = gaps.filter((g) => sampleEnd !== null && g.year < sampleEnd);
  return { sampleStart, sampleEnd, afterH2Beat: summarise(beat), afterH2Lag: summarise(lag), gaps: inside };
}

function summarise(obs: SeasonalObservation[]): SeasonalClass {
  const n = obs.length;
  const years = obs.map((o) => o.year);
  if (n === 0) return { count: 0, mean: null, median: null, hitRate: null, years, returns: obs };
  const r = obs.map((o) => o.nextYear);
  const mean = r.reduce((acc, v) => acc + v, 0) / n;
  const sorted = [...r].sort((p, q) => p - q);
  const median = n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  const hitRate = (r.filter((v) => v > 0).length / n) * 100;
  return { count: n, mean, median, hitRate, years, returns: obs };
}
