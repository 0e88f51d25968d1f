import type { IsoDate, Market, Series } from '../../data/types.js';
import { closesBetween, lastCloseIndexOnOrBefore } from '../../metrics/calendar.js';
import { rateLowFacts, yieldWeekMove, type RateLowFacts } from './yield-watch.js';
import { correlationSummary, rollingCorrelation } from '../../metrics/correlation.js';
import { ratePeakMeasured, WINDOW_EDGE_LOOKBACK } from '../../metrics/rates.js';
import { returnSince } from '../../metrics/returns.js';
import { h2Streak, nextYearAfterH2, type SeasonalClass } from '../../metrics/seasonal.js';
import type { NoteConfig } from '../../config/note-config.js';
import { figure, type Figure } from '../provenance.js';
import type { ChartData, DatedValues } from '../types.js';

/** A yield this many bp below its peak counts as falling from it. */
const FALLING_BP = 25;

const src = (s: Series) => `${s.key} (${s.file})`;

export interface RatesFacts {
  yieldKey: string;
  yieldName: string;
  peak: {
    date: Figure<IsoDate>;
    level: Figure;
    /** The peak in TNX quote convention (10 × the yield). */
    tnxLevel: Figure;
    changeBp: Figure;
    current: Figure;
    /** 'falling' when the yield is at least 25 bp (most of a 3-box TNX reversal) below its peak, else 'near peak'. */
    state: 'falling' | 'near peak' | null;
    returnSince: Record<string, Figure>;
    /** Trading days of the yield from the peak's close to the as-of date's (0 at the peak). */
    tradingDays: Figure;
    windowDays: number;
    /** The highest close of the month (21 closes) before the window opened: a high at the window's start below it is the window's edge. */
    priorHigh: Figure;
  };
  /** The yield's low over the peak's window. */
  low: RateLowFacts;
  /** Yield on the as-of date minus the yield on or before the previous note's date (the Friday of the week before), in basis points. */
  weekChangeBp: Figure;
}

export interface CorrelationFacts {
  latest: Figure;
  mean252: Figure;
}

/** Per series key: its correlation figures; plus the window and which series is more negative / more sensitive. */
export type CorrelationSection = { [key: string]: CorrelationFacts | string | number | null | undefined } & {
  window: number;
  moreNegative?: string | null;
  moreSensitive?: string | null;
};

export interface SeasonalClassFacts {
  count: number;
  mean: Figure;
  median: Figure;
  hitRate: Figure;
  years: number[];
}

export interface SeasonalFacts {
  h2Streak: Figure;
  h2StreakYears: number[];
  /** True while the current year's H2 is still to date (the streak's last year is not complete). */
  h2StreakToDate: boolean;
  /** The streak through the last completed second half (last year's while this year's is under way), for a second
   * half too young to count. */
  h2StreakCompletedYears: number[];
  sampleStart: number | null;
  sampleEnd: number | null;
  nextYear: { afterH2Beat: SeasonalClassFacts; afterH2Lag: SeasonalClassFacts };
  /** 'beat' when the mean after H2 wins exceeds the mean after H2 losses, else 'lag'; null when a class is empty. */
  betterAfter: 'beat' | 'lag' | null;
}

function classFacts(c: SeasonalClass, inputs: string[], from: IsoDate | null, to: IsoDate | null, what: string): SeasonalClassFacts {
  const f = (v: number | null, unit: string, how: string) =>
    figure(v, { unit, from, to, inputs, method: `${how} of the small-cap calendar-year return in the year after ${what} (methodology §10)`, reason: v === null ? 'no sample year in this class' : undefined });
  return { count: c.count, mean: f(c.mean, 'percent', 'mean'), median: f(c.median, 'percent', 'median'), hitRate: f(c.hitRate, 'percent', 'share of positive years'), years: c.years };
}

/** Values of a series from index `from` to the close on or before asOf, as chart points. */
function slice(s: Series, fromDate: IsoDate, asOf: IsoDate, transform: (v: number) => number = (v) => v): DatedValues {
  const end = lastCloseIndexOnOrBefore(s, asOf);
  const dates: IsoDate[] = [];
  const values: (number | null)[] = [];
  for (let i = 0; i <= end; i++) {
    if (s.dates[i] < fromDate || !Number.isFinite(s.close[i])) continue;
    dates.push(s.dates[i]);
    values.push(Math.round(transform(s.close[i]) * 1e4) / 1e4);
  }
  return { dates, values };
}

/** rates.*, correlation.*, seasonal.* sections (methodology §10) with their chart data. */
export function marketStatsSection(market: Market, config: NoteConfig, asOf: IsoDate) {
  const r = config.roles;
  const S = (k: string) => market.series[k];
  const y = S(r.yield);
  const small = S(r.smallCap);
  const large = S(r.largeCap);
  const set = config.settings;

  // Rate peak and what the indexes did since.
  const pk = ratePeakMeasured(y, asOf, set.ratePeakWindow);
  const p = pk.value;
  const peakInit = { from: pk.from, to: pk.to, inputs: [src(y)], reason: pk.reason };
  const returnSinceFigs: Record<string, Figure> = {};
  for (const s of [small, large, S(r.smallFund), S(r.largeFund)]) {
    const m = p ? returnSince(s, p.date, asOf) : null;
    returnSinceFigs[s.key] = figure(m?.value ?? null, {
      unit: 'percent', from: m?.from ?? null, to: m?.to ?? null, inputs: [src(s)],
      method: `close on the as-of date / close on the yield's peak date − 1, in percent`,
      reason: m ? m.reason : 'no rate peak',
    });
  }
  const rates: RatesFacts = {
    yieldKey: y.key,
    yieldName: y.name,
    weekChangeBp: yieldWeekMove(y, asOf).weekChangeBp,
    peak: {
      date: figure(p?.date ?? null, { ...peakInit, unit: 'date', method: `date of the highest yield close in the trailing ${set.ratePeakWindow} trading days` }),
      level: figure(p?.level ?? null, { ...peakInit, unit: 'percent-yield', method: `highest yield close in the trailing ${set.ratePeakWindow} trading days` }),
      tnxLevel: figure(p?.tnxLevel ?? null, { ...peakInit, unit: 'TNX points', method: 'the peak yield × 10 (TNX quote convention)' }),
      changeBp: figure(p?.changeBp ?? null, { ...peakInit, unit: 'bp', method: 'yield on the as-of date minus the peak yield, × 100 (basis points)' }),
      current: figure(p?.current ?? null, { ...peakInit, unit: 'percent-yield', method: 'yield close on or before the as-of date' }),
      state: p ? (p.changeBp <= -FALLING_BP ? 'falling' : 'near peak') : null,
      returnSince: returnSinceFigs,
      tradingDays: figure(p ? closesBetween(y, p.date, asOf) : null, {
        ...peakInit, unit: 'trading days', method: "closes of the yield after the peak's, up to the as-of date",
      }),
      windowDays: set.ratePeakWindow,
      priorHigh: figure(p?.priorHigh ?? null, {
        unit: 'percent-yield', inputs: [src(y)], from: p?.priorFrom ?? null, to: p?.priorTo ?? null, reason: p ? (p.priorHigh === null ? 'no closes before the window' : undefined) : pk.reason,
        method: `highest yield close of the ${WINDOW_EDGE_LOOKBACK} closes before the first day of the ${set.ratePeakWindow}-day window`,
      }),
    },
    low: rateLowFacts(p, peakInit, set.ratePeakWindow),
  };

  // Rolling correlation to yield changes.
  const correlation: CorrelationSection = { window: set.correlationWindow };
  const corrLines: NonNullable<ChartData['correlation']>['lines'] = [];
  const threeYearsAgo = `${Number(asOf.slice(0, 4)) - 3}${asOf.slice(4)}`;
  for (const [s, role] of [[large, 'largeCap'], [small, 'smallCap']] as const) {
    const c = correlationSummary(s, y, asOf, set.correlationWindow);
    const method = `Pearson correlation over ${set.correlationWindow} trading days of daily % changes of ${s.key} and daily bp changes of ${y.key}`;
    correlation[s.key] = {
      latest: figure(c.latest.value, { unit: 'correlation', from: c.latest.from, to: c.latest.to, inputs: [src(s), src(y)], method, reason: c.latest.reason }),
      mean252: figure(c.mean252.value, { unit: 'correlation', from: c.mean252.from, to: c.mean252.to, inputs: [src(s), src(y)], method: `mean of the last 252 daily values of the ${method}`, reason: c.mean252.reason }),
    };
    const roll = rollingCorrelation(s, y, asOf, set.correlationWindow);
    const dates: IsoDate[] = [];
    const values: (number | null)[] = [];
    const last = roll.values.length - 1;
    roll.dates.forEach((d, i) => {
      if (d < threeYearsAgo || !Number.isFinite(roll.values[i])) return;
      dates.push(d);
      // the last value unrounded: the figure's end label prints it as the text does (0.045006 rounded to 0.045 first
      // printed 0.04 beside the text's 0.05)
      values.push(i === last ? roll.values[i] : Math.round(roll.values[i] * 1e4) / 1e4);
    });
    corrLines.push({ key: s.key, name: s.name, role, series: { dates, values } });
  }
  const lc = (correlation[large.key] as CorrelationFacts).latest.value;
  const sc = (correlation[small.key] as CorrelationFacts).latest.value;
  correlation.moreNegative = lc === null || sc === null ? null : lc < sc ? large.key : small.key;
  correlation.moreSensitive = lc === null || sc === null ? null : Math.abs(lc) > Math.abs(sc) ? large.key : small.key;

  // Seasonality.
  const streak = h2Streak(small, large, asOf);
  // on 30 June the count ends with last year's complete second half (rows up to that date only)
  const completed = streak.toDate ? h2Streak(small, large, `${asOf.slice(0, 4)}-06-30`) : streak;
  const ny = nextYearAfterH2(small, large, asOf);
  const seasInputs = [src(small), src(large)];
  const sFrom = ny.sampleStart ? `${ny.sampleStart - 1}-12-31` : null;
  const sTo = ny.sampleEnd ? `${ny.sampleEnd + 1}-12-31` : null;
  const beat = classFacts(ny.afterH2Beat, seasInputs, sFrom, sTo, 'small caps beat large caps in H2');
  const lag = classFacts(ny.afterH2Lag, seasInputs, sFrom, sTo, 'small caps lagged large caps in H2');
  const seasonal: SeasonalFacts = {
    h2Streak: figure(streak.value, {
      unit: 'years', from: streak.years.length ? `${streak.years[0]}-06-30` : null, to: asOf, inputs: seasInputs,
      method: `consecutive years, ending with ${streak.throughYear}, in which ${small.key}'s H2 return beat ${large.key}'s${streak.toDate ? ' (the current year with its H2-to-date return)' : ''}`,
    }),
    h2StreakYears: streak.years,
    h2StreakToDate: streak.toDate,
    h2StreakCompletedYears: completed.years,
    sampleStart: ny.sampleStart,
    sampleEnd: ny.sampleEnd,
    nextYear: { afterH2Beat: beat, afterH2Lag: lag },
    betterAfter: beat.mean.value === null || lag.mean.value === null ? null : beat.mean.value > lag.mean.value ? 'beat' : 'lag',
  };

  const windowStart = p?.from ?? asOf;
  const charts: Pick<ChartData, 'rates' | 'correlation' | 'seasonal'> = {
    rates: {
      yieldKey: y.key,
      yieldName: y.name,
      yield: slice(y, windowStart, asOf),
      peak: p ? { date: p.date, level: p.level } : null,
      small: { key: small.key, name: small.name, series: p ? slice(small, p.date, asOf, (v) => v) : { dates: [], values: [] } },
    },
    correlation: { window: set.correlationWindow, lines: corrLines },
    seasonal: {
      rows: [
        ...ny.afterH2Beat.returns.map((o) => ({ year: o.year, nextYear: o.nextYear, h2Diff: o.h2Diff, beat: true })),
        ...ny.afterH2Lag.returns.map((o) => ({ year: o.year, nextYear: o.nextYear, h2Diff: o.h2Diff, beat: false })),
      ].sort((a, b) => a.year - b.year),
      meanAfterBeat: ny.afterH2Beat.mean,
      meanAfterLag: ny.afterH2Lag.mean,
    },
  };
  // Rebase the small-cap index to 100 at the peak.
  const sm = charts.rates!.small.series;
  const base = sm.values[0];
  if (base) sm.values = sm.values.map((v) => (v === null ? null : Math.round((v / base) * 1e4) / 100));
  return { rates, correlation, seasonal, charts };
}
