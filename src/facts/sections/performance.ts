/**
 * Facts section `performance.SYM.*` (fund snapshot): returns over the week, month, three months, year to date and
 * twelve months, and the distance from the 52-week high, each with a judgement the templates choose words from.
 *
 *   1. per period: base = the previous note's date (the Friday of the week before) / 1, 3, 12 calendar months /
 *      the prior year-end; return = close(T) / close(last row on or before the base) − 1 (methodology §10), null
 *      with a reason when the series starts after the base
 *   2. high = the highest close from the twelve-month base close to T; fromHigh = close(T) / high − 1
 */
import type { IsoDate, Series } from '../../data/types.js';
import { lastCloseIndexOnOrBefore } from '../../metrics/calendar.js';
import { periodReturn, ytdReturn } from '../../metrics/returns.js';
import { figure, type Figure } from '../provenance.js';
import { previousNoteDate } from '../judgements/recency.js';
import { DEFAULT_THRESHOLDS } from '../judgements/thresholds.js';

/** A return is 'flat' when it rounds to 0.0 at the printed one decimal (|r| < 0.05%). */
export const FLAT_RETURN = 0.05;
/** Within 5% of the 52-week high is 'near' it; 20% or more below is 'far' from it. */
export const NEAR_HIGH = 5;
export const FAR_FROM_HIGH = 20;

export type Direction = 'up' | 'down' | 'flat';

export const PERIODS = ['week', 'month', 'threeMonths', 'ytd', 'twelveMonths'] as const;
export type Period = (typeof PERIODS)[number];

export interface PerformanceFacts {
  key: string;
  name: string;
  week: Figure;
  month: Figure;
  threeMonths: Figure;
  ytd: Figure;
  twelveMonths: Figure;
  /** Per period: 'up', 'down', or 'flat' (|return| < 0.05%, i.e. 0.0 at one decimal); null when the return is missing. */
  direction: Record<Period, Direction | null>;
  /** Highest close from the twelve-month return's base close to the as-of date (52 weeks), and its date. */
  high: Figure;
  highDate: Figure<IsoDate>;
  /** close(T) / high − 1, percent (≤ 0). */
  fromHigh: Figure;
  /** 'at' (the as-of close is the high), 'near' (within 5%), 'below' (5–20% below), 'far' (20% or more below). */
  highState: 'at' | 'near' | 'below' | 'far' | null;
  /** True when the history starts less than a year before the as-of date: the high is of the available history. */
  shortHigh: boolean;
  /**
   * The high is one of the window's first {@link EDGE_ROWS} closes and the close just before the window was at least
   * as high: the price fell from before the window opened, so the high is the window's edge, not a peak it turned
   * from (2019-10-04: "7.7% below its 52-week high of 148.59, set on 4 October 2018", the window's first day, after
   * 153.99 in September).
   */
  highAtWindowStart: boolean;
}

/** The first closes of the high's window (a week) in which a high may be the window's edge. */
export const EDGE_ROWS = 5;

/** The same day `months` calendar months earlier, on the month's last day when it has fewer days. */
export function monthsBefore(d: IsoDate, months: number): IsoDate {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) - 1 - months;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(yy, mm + 1, 0)).getUTCDate();
  const day = Math.min(Number(d.slice(8, 10)), last);
  return `${yy}-${String(mm + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function direction(v: number | null): Direction | null {
  if (v === null) return null;
  return Math.abs(v) < FLAT_RETURN ? 'flat' : v > 0 ? 'up' : 'down';
}

const src = (s: Series) => `${s.key} (${s.file})`;

/** performance.SYM for one series as of `asOf`. */
export function performanceFacts(s: Series, asOf: IsoDate): PerformanceFacts {
  const inputs = [src(s)];
  const ret = (base: IsoDate, what: string): Figure => {
    const r = s.dates.length && base < s.dates[0] ? null : periodReturn(s, base, asOf);
    return figure(r?.value ?? null, {
      unit: 'percent', from: r?.from ?? null, to: r?.to ?? null, inputs,
      method: `close on the as-of date / last close on or before ${base} (${what}) − 1, in percent (methodology §10)`,
      reason: r ? r.reason : `${s.key} has data only from ${s.dates[0]}, after ${base}`,
    });
  };
  const y = ytdReturn(s, asOf);
  const ytd = figure(y.value, { unit: 'percent', from: y.from, to: y.to, inputs, method: 'close on the as-of date / last close of the prior calendar year − 1, in percent (methodology §10)', reason: y.reason });
  const out = {
    week: ret(previousNoteDate(asOf, DEFAULT_THRESHOLDS), "the previous week's Friday"),
    month: ret(monthsBefore(asOf, 1), 'one month earlier'),
    threeMonths: ret(monthsBefore(asOf, 3), 'three months earlier'),
    ytd,
    twelveMonths: ret(monthsBefore(asOf, 12), 'twelve months earlier'),
  };
  const end = lastCloseIndexOnOrBefore(s, asOf);
  // the 52 weeks are the twelve-month return's: from its base close (the last on or before the date a year earlier)
  // to the as-of date, so a close a year ago never sits above the "52-week high" (2016-06-24: 252 rows began two
  // days after the base close of 110.63, and the high printed 110.27 beside a 12-month return of −10.9%)
  const base = lastCloseIndexOnOrBefore(s, monthsBefore(asOf, 12));
  let hi = -Infinity;
  let hiIdx = -1;
  let firstIdx = -1;
  let rowsBeforeHigh = 0; // closes of the window on or before the high's day
  for (let i = end; i >= Math.max(0, base); i--) {
    const v = s.close[i];
    if (!Number.isFinite(v)) continue;
    firstIdx = i;
    if (v > hi) {
      hi = v;
      hiIdx = i;
    }
  }
  for (let i = firstIdx; i >= 0 && i <= hiIdx; i++) if (Number.isFinite(s.close[i])) rowsBeforeHigh++;
  let beforeWindow = NaN;
  for (let i = firstIdx - 1; i >= 0 && Number.isNaN(beforeWindow); i--) if (Number.isFinite(s.close[i])) beforeWindow = s.close[i];
  const from = firstIdx >= 0 ? s.dates[firstIdx] : null;
  const highMethod = 'highest close from the twelve-month return\'s base close (the last on or before the date a year earlier) to the as-of date';
  const noRow = end < 0 ? `no close of ${s.key} on or before ${asOf}` : undefined;
  const high = figure(hiIdx >= 0 ? hi : null, { unit: 'level', from, to: end >= 0 ? s.dates[end] : null, inputs, method: highMethod, reason: noRow });
  const highDate = figure<IsoDate>(hiIdx >= 0 ? s.dates[hiIdx] : null, { unit: 'date', from, to: end >= 0 ? s.dates[end] : null, inputs, method: `date of the ${highMethod}`, reason: noRow });
  const dist = hiIdx >= 0 ? (s.close[end] / hi - 1) * 100 : null;
  const fromHigh = figure(dist, { unit: 'percent', from, to: end >= 0 ? s.dates[end] : null, inputs, method: `close on the as-of date / the ${highMethod} − 1, in percent`, reason: noRow });
  const highState = dist === null ? null : hiIdx === end ? 'at' : dist > -NEAR_HIGH ? 'near' : dist > -FAR_FROM_HIGH ? 'below' : 'far';
  return {
    key: s.key,
    name: s.name,
    ...out,
    direction: Object.fromEntries(PERIODS.map((p) => [p, direction(out[p].value)])) as Record<Period, Direction | null>,
    high,
    highDate,
    fromHigh,
    highState,
    shortHigh: base < 0,
    highAtWindowStart: base >= 0 && hiIdx !== end && rowsBeforeHigh <= EDGE_ROWS && beforeWindow >= hi,
  };
}
