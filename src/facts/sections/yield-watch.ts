/**
 * Facts section `yieldWatch.*` (rates wrap): the yield's level, its change on the week, its peak and how far it
 * has come off it, and how an equity index has moved with it — each with a judgement the templates choose words
 * from. Reads two roles: the yield and the equity index.
 *
 *   1. level = yield close on or before T; weekChangeBp = (level − close on or before the previous note's date, the Friday of the week before) × 100, each yield at the 2 decimals the notes print
 *   2. peak over `settings.ratePeakWindow` trading days (methodology §10): level, date, change in bp (the difference
 *      of the two yields as the note prints them, so "4.20% … 3.95%, 25 bp below"), state
 *   3. correlation of the equity's daily % changes with the yield's daily bp changes over
 *      `settings.correlationWindow` days (methodology §10), and the equity's weekly return
 */
import type { IsoDate, Series } from '../../data/types.js';
import { anchorOnOrBefore, DEFAULT_MAX_STALE_DAYS } from '../../metrics/calendar.js';
import { correlationSummary } from '../../metrics/correlation.js';
import { ratePeakMeasured, windowEdgeHigh, type RatePeak } from '../../metrics/rates.js';
import { periodReturn } from '../../metrics/returns.js';
import type { NoteSettings } from '../../config/note-config.js';
import { figure, type Figure } from '../provenance.js';
import { direction, type Direction } from './performance.js';
import { printed, printedMoveBp } from '../judgements/round.js';
import { DEFAULT_THRESHOLDS } from '../judgements/thresholds.js';
import { previousNoteDate } from '../judgements/recency.js';

/** A weekly yield change under 0.5 bp prints as 0 bp: 'flat'. */
export const FLAT_BP = 0.5;
/** The yield is 'falling' from its peak at 25 bp or more below it (as in rates.peak.state), else 'near peak'. */
export const FALLING_BP = 25;
/**
 * A week is a swing when the yield's closes of the week span at least this many bp (as printed; two 5 bp boxes
 * of TNX's chart) and the week's net move is at most a third of that span: "fell this week", said of 1 bp in a week that
 * ranged over 54 bp, misleads, and so does "edged higher" of 1 bp in a week that fell 17 bp and came back.
 */
export const WEEK_SWING_BP = 10;
/** A week's move of at most this many bp (as printed, not 0) is said to have "edged" the yield up or down, not to have risen or fallen. */
export const WEEK_EDGE_BP = 2;
/** |correlation| below 0.2 is 'loose'; ≤ −0.2 'inverse' (equities rise as yields fall); ≥ 0.2 'together'. */
export const LOOSE_CORRELATION = 0.2;

export interface YieldWatchFacts {
  key: string;
  name: string;
  /** Yield close on or before the as-of date, percent. */
  level: Figure;
  weekChangeBp: Figure;
  /** 'up' / 'down' / 'flat' (|change| < 0.5 bp, printed as 0 bp). */
  weekDirection: Direction | null;
  /** The lowest and highest closes of the week (from the close a week earlier to the as-of date), and their printed difference in bp. */
  weekRange: { low: Figure; high: Figure; rangeBp: Figure };
  /** The week's closes spanned at least {@link WEEK_SWING_BP} bp and the net move is at most a third of that span. */
  weekSwing: boolean;
  /** The week's move prints as 1 to {@link WEEK_EDGE_BP} bp: the yield edged up or down ("fell this week" of 1 bp overstates it). */
  weekSmall: boolean;
  /**
   * `onlyHigh`: the highest close sits on the as-of date (`atPeak`), or at the window's start with the yield as high
   * or higher in the month before the window opened (`windowEdgeHigh`), so it is the window's high, not a turning
   * point the yield has come down from (the weekly outlook's rule); `windowEdge` the second case, which the text says
   * (2025-11-14: "Its high of the last 200 trading days was 4.64% on 12 February 2025" beside a chart at 4.8% in January).
   */
  peak: { date: Figure<IsoDate>; level: Figure; changeBp: Figure; state: 'falling' | 'near peak' | null; atPeak: boolean; onlyHigh: boolean; windowEdge: boolean; windowDays: number };
  /** The yield's low over the peak's window. */
  low: RateLowFacts;
  equity: {
    key: string;
    name: string;
    weekReturn: Figure;
    weekDirection: Direction | null;
    window: number;
    correlation: Figure;
    mean252: Figure;
    /** 'inverse' (≤ −0.2), 'together' (≥ 0.2) or 'loose' (in between); null when the correlation is missing. */
    relation: 'inverse' | 'together' | 'loose' | null;
    /**
     * The week went against `relation`: the index and the yield both moved (neither flat nor missing, and the yield by
     * more than the `WEEK_EDGE_BP` it is said only to have "edged") and in the same direction under 'inverse', opposite
     * directions under 'together'; false under 'loose' or null (2020-05-29: "this week it went the other way" of a yield
     * that edged 0.9 bp lower).
     */
    weekAgainst: boolean;
    /**
     * The one-year average's relation, by the same bands at the printed decimals, differs from `relation`: the
     * window's tie is recent, not a habit (2025-04-11: "Stocks have tended to move with yields" of 0.24 beside a one-year
     * average of −0.06). False when either is missing.
     */
    yearDiffers: boolean;
    /**
     * The one-year average's relation by the same bands ('loose' beside an 'inverse' window: "though the tie was looser
     * over the year", not "though not over the year", which read as no tie or the opposite one beside a one-year −0.17,
     * 2024-07-19); null when it is missing.
     */
    yearRelation: 'inverse' | 'together' | 'loose' | null;
  };
}

const src = (s: Series) => `${s.key} (${s.file})`;

/** The yield's low over the same window as its peak (`rates.low`, `yieldWatch.low`). */
export interface RateLowFacts {
  date: Figure<IsoDate>;
  level: Figure;
  /** The as-of date's close is the window's low (What changed lists a low set since the previous note). */
  atLow: boolean;
  /** The low was set after the previous note's date: a new low of the window this week (What changed lists it). */
  setThisWeek: boolean;
  /**
   * The as-of date's close is not the low but prints as it (`yieldDecimals`): the note says the close is above it by
   * less than a basis point (2024-09-13: "On 10 September it closed at its lowest of the last 200 trading days, 3.65%"
   * beside "At 3.65% it is now 106 bp lower", 3.646 against 3.650).
   */
  closeAlike: boolean;
}

/** {@link RateLowFacts} from the measured peak (its window's low), with the peak's window and reason. */
export function rateLowFacts(p: RatePeak | null, init: { from: IsoDate | null; to: IsoDate | null; inputs: string[]; reason?: string }, windowDays: number): RateLowFacts {
  return {
    date: figure<IsoDate>(p?.lowDate ?? null, { ...init, unit: 'date', method: `date of the lowest yield close in the trailing ${windowDays} trading days (the latest of equal lows)` }),
    level: figure(p?.low ?? null, { ...init, unit: 'percent-yield', method: `lowest yield close in the trailing ${windowDays} trading days` }),
    atLow: p ? p.lowDate === p.currentDate : false,
    setThisWeek: p ? p.lowDate > previousNoteDate(p.currentDate, DEFAULT_THRESHOLDS) : false,
    closeAlike: p ? p.lowDate !== p.currentDate && printed(p.current, DEFAULT_THRESHOLDS.yieldDecimals) === printed(p.low, DEFAULT_THRESHOLDS.yieldDecimals) : false,
  };
}

/**
 * The yield's close on or before `asOf` and its move over the week to it: the close on the as-of date minus the
 * close on or before the previous note's date (the Friday of the week before, `previousNoteDate`), in basis points (the rates wrap's and the weekly outlook's week), and the
 * range of the closes between the two ({@link weekRangeOf}).
 */
export function yieldWeekMove(y: Series, asOf: IsoDate): { level: Figure; weekChangeBp: Figure; weekRange: YieldWatchFacts['weekRange'] } {
  const inputs = [src(y)];
  const now = anchorOnOrBefore(y, asOf, DEFAULT_MAX_STALE_DAYS);
  const weekBase = previousNoteDate(asOf, DEFAULT_THRESHOLDS);
  const before = anchorOnOrBefore(y, weekBase, DEFAULT_MAX_STALE_DAYS);
  const cur = now.reason === undefined ? y.close[now.index] : null;
  const prev = before.reason === undefined ? y.close[before.index] : null;
  const level = figure(cur, { unit: 'percent-yield', from: cur === null ? null : y.dates[now.index], to: cur === null ? null : y.dates[now.index], inputs, method: 'yield close on or before the as-of date', reason: now.reason });
  // the move between the two yields as the notes print them (2 decimals), as the move from the peak is: 2.4950% to
  // 2.3800% is 11 bp, beside "2.38% … 11 bp below that peak" of a peak on the previous note's day (2022-04-01 printed
  // "fell 12 bp this week", the raw 11.5 bp rounded)
  const change = cur === null || prev === null ? null : printedMoveBp(cur, prev, DEFAULT_THRESHOLDS.yieldDecimals);
  const weekChangeBp = figure(change, {
    unit: 'bp', from: prev === null ? null : y.dates[before.index], to: cur === null ? null : y.dates[now.index], inputs,
    method: `yield on the as-of date minus the yield on or before ${weekBase}, each at the ${DEFAULT_THRESHOLDS.yieldDecimals} decimals the notes print, × 100 (basis points)`,
    reason: now.reason ?? before.reason,
  });
  return { level, weekChangeBp, weekRange: weekRangeOf(y, before.index, now.index, now.reason ?? before.reason) };
}

/**
 * The lowest and highest yield closes from row `from` (the close the week's change is measured from) to row `to`
 * (the as-of date's): a rise to a peak and back within the week counts from where the week started (3.16% → 3.48%
 * → 3.24%: a 32 bp range, 8 bp net). Null figures, with `reason`, when either close is missing.
 */
function weekRangeOf(y: Series, from: number, to: number, reason: string | undefined): YieldWatchFacts['weekRange'] {
  const inputs = [src(y)];
  let lo = Infinity;
  let hi = -Infinity;
  if (reason === undefined) {
    for (let i = from; i <= to; i++) {
      const v = y.close[i];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  const ok = lo <= hi;
  const [first, last] = ok ? [y.dates[from], y.dates[to]] : [null, null];
  const method = (what: string) => `${what} yield close from the close on or before a week before the as-of date to the as-of date`;
  return {
    low: figure(ok ? lo : null, { unit: 'percent-yield', from: first, to: last, inputs, method: method('lowest'), reason }),
    high: figure(ok ? hi : null, { unit: 'percent-yield', from: first, to: last, inputs, method: method('highest'), reason }),
    rangeBp: figure(ok ? printedMoveBp(hi, lo, DEFAULT_THRESHOLDS.yieldDecimals) : null, {
      unit: 'bp', from: first, to: last, inputs, reason,
      method: `highest minus lowest yield close of the week, each at the ${DEFAULT_THRESHOLDS.yieldDecimals} decimals the note prints, × 100 (basis points)`,
    }),
  };
}

/** yieldWatch.* for a yield series and an equity series as of `asOf`. */
export function yieldWatchSection(y: Series, eq: Series, settings: NoteSettings, asOf: IsoDate): YieldWatchFacts {
  const inputs = [src(y)];
  const weekBase = previousNoteDate(asOf, DEFAULT_THRESHOLDS);
  const { level, weekChangeBp, weekRange } = yieldWeekMove(y, asOf);
  const change = weekChangeBp.value;
  const pk = ratePeakMeasured(y, asOf, settings.ratePeakWindow);
  const p = pk.value;
  const init = { from: pk.from, to: pk.to, inputs, reason: pk.reason };
  // the move the note prints beside the two yields it prints: their difference as printed, in whole bp
  const moveBp = p ? printedMoveBp(p.current, p.level, DEFAULT_THRESHOLDS.yieldDecimals) : null;
  const peak = {
    date: figure<IsoDate>(p?.date ?? null, { ...init, unit: 'date', method: `date of the highest yield close in the trailing ${settings.ratePeakWindow} trading days` }),
    level: figure(p?.level ?? null, { ...init, unit: 'percent-yield', method: `highest yield close in the trailing ${settings.ratePeakWindow} trading days` }),
    changeBp: figure(moveBp, { ...init, unit: 'bp', method: `yield on the as-of date minus the peak yield, each at the ${DEFAULT_THRESHOLDS.yieldDecimals} decimals the note prints, × 100 (basis points)` }),
    state: moveBp === null ? null : moveBp <= -FALLING_BP ? ('falling' as const) : ('near peak' as const),
    atPeak: p ? p.date === p.currentDate : false,
    onlyHigh: p ? p.date === p.currentDate || windowEdgeHigh(p) : false,
    windowEdge: p ? p.date !== p.currentDate && windowEdgeHigh(p) : false,
    windowDays: settings.ratePeakWindow,
  };
  const w = periodReturn(eq, weekBase, asOf);
  const weekReturn = figure(w.value, { unit: 'percent', from: w.from, to: w.to, inputs: [src(eq)], method: `close on the as-of date / last close on or before ${weekBase} − 1, in percent`, reason: w.reason });
  const c = correlationSummary(eq, y, asOf, settings.correlationWindow);
  const cm = `Pearson correlation over ${settings.correlationWindow} trading days of daily % changes of ${eq.key} and daily bp changes of ${y.key}`;
  const correlation = figure(c.latest.value, { unit: 'correlation', from: c.latest.from, to: c.latest.to, inputs: [src(eq), src(y)], method: cm, reason: c.latest.reason });
  const mean252 = figure(c.mean252.value, { unit: 'correlation', from: c.mean252.from, to: c.mean252.to, inputs: [src(eq), src(y)], method: `mean of the last 252 daily values of the ${cm}`, reason: c.mean252.reason });
  // judged at the printed two decimals, so the words match the number shown
  const r = correlation.value === null ? null : Math.round(correlation.value * 100) / 100;
  const relationOf = (v: number | null) => (v === null ? null : v <= -LOOSE_CORRELATION ? ('inverse' as const) : v >= LOOSE_CORRELATION ? ('together' as const) : ('loose' as const));
  const relation = relationOf(r);
  const yearRelation = relationOf(mean252.value === null ? null : Math.round(mean252.value * 100) / 100);
  const yearDiffers = relation !== null && yearRelation !== null && relation !== yearRelation;
  const yieldWeek: Direction | null = change === null ? null : Math.abs(change) < FLAT_BP ? 'flat' : change > 0 ? 'up' : 'down';
  const equityWeek = direction(weekReturn.value);
  const span = weekRange.rangeBp.value;
  const weekSwing = change !== null && span !== null && span >= WEEK_SWING_BP && Math.round(Math.abs(change)) * 3 <= span;
  const weekSmall = (yieldWeek === 'up' || yieldWeek === 'down') && Math.round(Math.abs(change!)) <= WEEK_EDGE_BP;
  const moved = (d: Direction | null) => d === 'up' || d === 'down';
  const bothMoved = moved(yieldWeek) && !weekSmall && moved(equityWeek);
  const weekAgainst = bothMoved && ((relation === 'together' && yieldWeek !== equityWeek) || (relation === 'inverse' && yieldWeek === equityWeek));
  return {
    key: y.key,
    name: y.name,
    level,
    weekChangeBp,
    weekDirection: yieldWeek,
    weekRange,
    weekSwing,
    weekSmall,
    peak,
    low: rateLowFacts(p, init, settings.ratePeakWindow),
    equity: {
      key: eq.key,
      name: eq.name,
      weekReturn,
      weekDirection: equityWeek,
      window: settings.correlationWindow,
      correlation,
      mean252,
      relation,
      weekAgainst,
      yearDiffers,
      yearRelation,
    },
  };
}
