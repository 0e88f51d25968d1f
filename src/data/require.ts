/**
 * What a note needs from the market: its symbols must exist, and the as-of date must fall inside the data
 * they have in common.
 */
import { fail } from '../errors/market-note-error.js';
import * as msg from '../errors/messages.js';
import { indexOnOrBefore, isIsoDate, tradingDayOnOrBefore } from './calendar.js';
import type { IsoDate, Market } from './types.js';

/** Levenshtein distance, for "did you mean RUT?". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = row[j];
      row[j] = next;
    }
  }
  return row[b.length];
}

function closest(symbol: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(symbol.toUpperCase(), k.toUpperCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(symbol.length / 3)) ? best : undefined;
}

/**
 * Throws `UNKNOWN_SYMBOL` unless every key is a series or a universe of the market. `who` says what needs them
 * (e.g. `note weekly-outlook`); the error lists the known symbols and suggests a close match.
 * @example requireSeries(loadMarket(), ['SPX', 'SP600'], 'note weekly-outlook') //=> undefined
 */
export function requireSeries(market: Market, keys: string[], who: string): void {
  const missing = keys.filter((k) => !(k in market.series) && !(k in market.universes));
  if (missing.length === 0) return;
  const series = Object.keys(market.series).sort();
  const universes = Object.keys(market.universes).sort();
  const guess = missing.length === 1 ? closest(missing[0], [...series, ...universes]) : undefined;
  const p = msg.unknownSymbols(who, missing, market.source, series, universes, guess);
  fail('UNKNOWN_SYMBOL', p.message, { hint: p.hint });
}

/** The dates on which `key` has data: a finite close (series) or at least one member's close (universe). */
export function datesWithData(market: Market, key: string): IsoDate[] {
  const s = market.series[key];
  if (s) return s.dates.filter((_, i) => Number.isFinite(s.close[i]));
  const u = market.universes[key];
  return u.dates.filter((_, d) => u.closes.some((col) => Number.isFinite(col[d])));
}

/** The first and last dates on which `key` has data (undefined when it has none), as {@link datesWithData} would give them, without making the list. */
function dataSpan(market: Market, key: string): { key: string; first: IsoDate; last: IsoDate } | undefined {
  const s = market.series[key];
  if (!s) {
    const dates = datesWithData(market, key);
    return dates.length ? { key, first: dates[0], last: dates[dates.length - 1] } : undefined;
  }
  let i = 0;
  while (i < s.dates.length && !Number.isFinite(s.close[i])) i++;
  let j = s.dates.length - 1;
  while (j >= i && !Number.isFinite(s.close[j])) j--;
  return i < s.dates.length ? { key, first: s.dates[i], last: s.dates[j] } : undefined;
}

/** The last date on or before `date` on which `key` has data, as `tradingDayOnOrBefore(datesWithData(market, key), date)` gives it. */
function dataDayOnOrBefore(market: Market, key: string, date: IsoDate): IsoDate | null {
  const s = market.series[key];
  if (!s) return tradingDayOnOrBefore(datesWithData(market, key), date);
  for (let i = indexOnOrBefore(s.dates, date); i >= 0; i--) if (Number.isFinite(s.close[i])) return s.dates[i];
  return null;
}

function keysOf(market: Market, required: string[]): string[] {
  const keys = required.length ? required : Object.keys(market.series);
  requireSeries(market, keys, 'finding the as-of date');
  return keys;
}

/**
 * The last date on which every required series (and universe) has data; with no keys, all series of the market.
 * @example defaultAsOf(loadMarket(), ['SPX', 'RUT', 'TNX']) //=> '2025-12-12'
 */
export function defaultAsOf(market: Market, required: string[]): IsoDate {
  const keys = keysOf(market, required);
  const [first, ...rest] = keys.map((k) => datesWithData(market, k));
  const sets = rest.map((dates) => new Set(dates));
  for (let i = first.length - 1; i >= 0; i--) {
    if (sets.every((s) => s.has(first[i]))) return first[i];
  }
  const p = msg.noCommonDate(keys);
  return fail('BAD_DATA', p.message, { hint: p.hint });
}

/**
 * Throws unless `asOf` is a date between the first date on which all required series have data and
 * `defaultAsOf` (`USAGE` for a malformed date, `AS_OF_OUT_OF_RANGE` with the data's range otherwise).
 * @example checkAsOf(loadMarket(), ['SPX'], '2030-01-02') //=> throws "as-of 2030-01-02 is after the data: …"
 */
export function checkAsOf(market: Market, required: string[], asOf: IsoDate): void {
  if (!isIsoDate(asOf)) {
    const p = msg.asOfNotADate(asOf);
    fail('USAGE', p.message, { hint: p.hint });
  }
  const keys = keysOf(market, required);
  const spans = keys.map((k) => {
    const dates = datesWithData(market, k);
    return { key: k, first: dates[0], last: dates[dates.length - 1] };
  });
  const last = defaultAsOf(market, keys);
  const startsLast = spans.reduce((a, b) => (b.first > a.first ? b : a));
  const endsFirst = spans.reduce((a, b) => (b.last < a.last ? b : a));
  const first = startsLast.first;
  if (asOf > last) {
    const limiting = spans.some((s) => s.last > endsFirst.last) ? endsFirst.key : undefined;
    const p = msg.asOfAfterData(asOf, last, first, keys, limiting);
    fail('AS_OF_OUT_OF_RANGE', p.message, { hint: p.hint });
  }
  if (asOf < first) {
    const limiting = spans.some((s) => s.first < startsLast.first) ? startsLast.key : undefined;
    const p = msg.asOfBeforeData(asOf, first, last, keys, limiting);
    fail('AS_OF_OUT_OF_RANGE', p.message, { hint: p.hint });
  }
}

/** The as-of date a note is built for: the date asked for, rolled back to a trading day of the reference calendar. */
export interface AsOfChoice {
  /** The trading day used: the reference series' last trading day on or before `requested`. */
  asOf: IsoDate;
  /** The date asked for (without one: the last date every required series has data for). */
  requested: IsoDate;
  /** The series whose trading days are the note's calendar (the large-cap index). */
  reference: string;
  /** `requested` was not a trading day of the reference (a weekend or holiday) and rolled back to `asOf`. */
  rolledBack: boolean;
  /** Required series whose data ends before `asOf` (only with `allowStale`; otherwise they are an error). */
  stale: { key: string; lastDate: IsoDate }[];
  /** Without a date asked for: the series whose data ends first and so set the as-of date, when the reference
   * runs later (the CLI says so, so an older date is never built silently). */
  limitedBy?: { key: string; referenceLast: IsoDate };
}

/**
 * Resolves the as-of date on the reference calendar (methodology: the note's calendar is the large-cap index):
 * a date that is not a trading day of `reference` rolls back to the trading day before; a required series whose
 * data ends before that day is stale, which fails (`STALE` message, `BAD_DATA`) unless `allowStale`. A date after
 * the reference's data, or before the first date all required series have, is `AS_OF_OUT_OF_RANGE`, naming only
 * the series that end too early (or start too late).
 * @example resolveAsOf(loadMarket(), ['SPX', 'RUT'], 'SPX', '2025-07-04').asOf //=> '2025-07-03'
 */
export function resolveAsOf(
  market: Market,
  required: string[],
  reference: string,
  asOf: IsoDate | undefined,
  options: { allowStale?: boolean } = {},
): AsOfChoice {
  if (asOf !== undefined && !isIsoDate(asOf)) {
    const p = msg.asOfNotADate(asOf);
    fail('USAGE', p.message, { hint: p.hint });
  }
  const keys = keysOf(market, [...new Set([reference, ...required])]);
  const found = keys.map((k) => dataSpan(market, k));
  if (found.includes(undefined)) {
    const p = msg.noCommonDate(keys);
    fail('BAD_DATA', p.message, { hint: p.hint });
  }
  const spans = found as NonNullable<(typeof found)[number]>[];
  const refLast = spans[0].last; // keys starts with the reference
  // Without a date: the last date for which every required series has data (the contract's default).
  const requested = asOf ?? spans.reduce((a, b) => (b.last < a.last ? b : a)).last;
  const startsLast = spans.reduce((a, b) => (b.first > a.first ? b : a));
  const first = startsLast.first;
  if (requested > refLast) {
    const early = spans.filter((s) => s.last < requested);
    const p = msg.asOfAfterSeries(requested, early, first, refLast);
    fail('AS_OF_OUT_OF_RANGE', p.message, { hint: p.hint });
  }
  if (requested < first) {
    const limiting = spans.some((s) => s.first < first) ? startsLast.key : undefined;
    const p = msg.asOfBeforeData(requested, first, refLast, keys, limiting);
    fail('AS_OF_OUT_OF_RANGE', p.message, { hint: p.hint });
  }
  const day = dataDayOnOrBefore(market, reference, requested) as IsoDate; // requested ≥ first ≥ the calendar's start
  const stale = spans.filter((s) => s.last < day).map((s) => ({ key: s.key, lastDate: s.last }));
  if (stale.length && !options.allowStale) {
    const p = msg.staleSeries(day, reference, stale);
    fail('BAD_DATA', p.message, { hint: p.hint });
  }
  const ends = spans.reduce((a, b) => (b.last < a.last ? b : a));
  const limitedBy = asOf === undefined && ends.last < refLast ? { limitedBy: { key: ends.key, referenceLast: refLast } } : {};
  return { asOf: day, requested, reference, rolledBack: day !== requested, stale, ...limitedBy };
}

/** What a section needs of one series: at least `rows` closes on or before the as-of date. */
export interface HistoryNeed {
  key: string;
  rows: number;
  section: string;
}

/**
 * Throws one data error naming the series when a series has fewer closes on or before `asOf` than a section of
 * the note needs (instead of a template failing later on a missing figure).
 * @example requireHistory(loadMarket(), [{ key: 'TNX', rows: 200, section: 'rates' }], '2025-12-12') //=> undefined
 */
export function requireHistory(market: Market, needs: readonly HistoryNeed[], asOf: IsoDate): void {
  for (const need of needs) {
    const s = market.series[need.key];
    if (!s) continue;
    // counted back from the as-of date, only as far as the need (all of them when there are too few, for the message)
    let have = 0;
    for (let i = indexOnOrBefore(s.dates, asOf); i >= 0 && have < need.rows; i--) if (Number.isFinite(s.close[i])) have++;
    if (have < need.rows) {
      const p = msg.seriesTooShort(need.key, need.section, need.rows, have, asOf);
      fail('BAD_DATA', p.message, { file: s.file, hint: p.hint });
    }
  }
}
