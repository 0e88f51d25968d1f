import type { IsoDate, Market, Series } from '../../data/types.js';
import { daysBetween, lastCloseIndexOnOrBefore, lastIndexOnOrBefore } from '../../metrics/calendar.js';
import { fail } from '../../errors/market-note-error.js';
import { pnfTooManyBoxes } from '../../errors/messages.js';
import { decimalsOf, PnfBoxLimitError, pointAndFigure, relativeStrength, type PnfChart, type PnfOptions } from '../../metrics/pnf/index.js';
import { changeLevels, reversalIndex, signalIndex, type ChangeLevels } from '../../metrics/pnf/levels.js';
import type { NoteConfig } from '../../config/note-config.js';
import type { PnfChartData } from '../types.js';
import { previousNoteDate } from '../judgements/recency.js';
import { DEFAULT_THRESHOLDS } from '../judgements/thresholds.js';
import { printedAtLeast } from '../judgements/round.js';
import { objectMemo } from '../../metrics/memo.js';

/** P&F facts of one symbol (contract `pnf.SYM.*`); plain values, provenance at this level. */
export interface PnfFacts {
  key: string;
  name: string;
  column: 'X' | 'O' | null;
  signal: 'buy' | 'sell' | null;
  consecutiveSignals: number;
  /** The run of opposite signals before the current run ("after four consecutive sell signals"). */
  previousRun: { signal: 'buy' | 'sell'; count: number } | null;
  lastPattern: string | null;
  lastSignalDate: IsoDate | null;
  lastSignalTags: string[];
  /**
   * The latest signal's column went on, after the signal, to break an older spread-triple level: that pattern's
   * own label, level and date (the signal's label, `breakoutLevel` and `lastSignalDate` are the signal day's).
   */
  laterPattern: { pattern: string; level: number; date: IsoDate } | null;
  breakoutLevel: number | null;
  /** Level the latest signal broke (the prior column's extreme). */
  resistanceLevel: number | null;
  trend: 'positive' | 'negative' | null;
  trendSince: IsoDate | null;
  /** The trend flipped within the last 10 trading days. */
  trendFlippedRecently: boolean;
  atAllTimeHigh: boolean;
  columnTop: number | null;
  columnBottom: number | null;
  /** Day the current column began (its first boxes printed). */
  columnSince: IsoDate | null;
  /**
   * The close on the as-of date (on the chart's scale) is within one box of the level that reverses the current
   * column (`levels.reversal`): the next box the other way turns the chart (2022-11-18: TNX 3.82% against a reversal
   * at 3.85%, unsaid).
   */
  reversalNear: boolean;
  /**
   * One more box in the current column gives the opposite signal (`levels.signalNextBox`), and the last close is within
   * a box of that signal's level: "One more box down, to 132, would give a sell signal." is said only then (2018-11-30:
   * IWM in Os at 134 on the chart, but closing at 138.59 after a 3% rise, 4.8% above the sell at 132).
   */
  signalNear: boolean;
  /**
   * The chart's last {@link RECENT_COLUMNS} columns, oldest first, each with the day it began: What changed names and
   * dates every reversal of a week that reversed more than once (2020-03-20: "reversed into Os on 18 March" of a week
   * that went into Os on 16 March, Xs on 17 March and Os again on 18 March).
   */
  recentColumns: { column: 'X' | 'O'; since: IsoDate }[];
  /** The highest box the chart ever printed, and the date it first printed. */
  highestBox: number | null;
  highestBoxDate: IsoDate | null;
  /**
   * The last date a later column of Xs reached that same highest box, or null (2020-02-14: "the chart's highest box of
   * 156 set in August 2018" four weeks after IWM closed at 156.53, its highest close, in a column that reached it again).
   */
  highestBoxAgain: IsoDate | null;
  /**
   * The chart stands at its highest box, first printed after the previous note's date: a new highest box this week
   * (the fund snapshot headed 2018-01-12's new 142 "IWM stands at its highest Point & Figure box").
   */
  highestBoxNew: boolean;
  /**
   * Decimals every level of the chart prints with: those of a fixed box size (TNX's 0.5: "14.0" beside "13.5"), else 0
   * (levels print as they are: 198, 32.5).
   */
  levelDecimals: number;
  /** The box sizes of the chart's recent columns (every traditional band they cross), as the text names its scale. */
  boxSize: string;
  method: string;
  /** TNX-style charts are drawn on 10 × the yield. */
  multiplier: number;
  /** Where the chart would reverse its column and give the opposite signal (levels on the chart's scale). */
  levels: ChangeLevels;
  /** What the chart's levels rest on ("dividend-adjusted closing prices", "daily highs and lows"): say it with a level. */
  priceBasis: string;
  /** The closes are dividend-adjusted, so levels and the highest box sit below the prices traded. */
  adjusted: boolean;
  inputs: string[];
  from: IsoDate | null;
  to: IsoDate | null;
}

export interface RsSideFacts {
  column: 'X' | 'O' | null;
  signal: 'buy' | 'sell' | null;
  /** Day the current column started. */
  lastColumnChange: IsoDate | null;
  /**
   * The current column started after the previous note's date (`noteIntervalDays` before the as-of date): a
   * reversal this week, said as one ("has been in a column of Xs since 7 December, without lagging the benchmark by
   * enough to reverse it" was printed two days after it reversed). A decision stored with the facts for notes that
   * read them directly.
   */
  columnNew: boolean;
  /** Day of the latest signal (a repeat of the current kind, or the one that turned the chart). */
  lastSignalDate: IsoDate | null;
  /**
   * Day the chart turned to its current signal: the first of the run of same-kind signals the latest belongs to.
   * "On a sell signal since" dates from here ("since 3 March" was printed for a chart on a sell signal since 2014,
   * after a repeat on 3 March).
   */
  signalSince: IsoDate | null;
  /**
   * The latest signal when it repeats the run's first (`lastSignalDate` after `signalSince`) and came within
   * thresholds `recentDays` (about three months) of the as-of date: said beside "since" (2019-06-28: What changed's
   * "another near-term RS sell signal, given on 24 June" was dated nowhere else). Null otherwise.
   */
  latestRepeat: IsoDate | null;
  boxPercent: number;
  /** The RS level that would reverse the current column, and how far the ratio is from it now, in percent
   * (negative: the numerator would have to lag by that much). */
  reversalLevel: number | null;
  reversalDistance: number | null;
  /**
   * The ratio is within {@link CLOSE_TO_REVERSAL_BOXES} of the chart's boxes of `reversalLevel`, and within
   * {@link CLOSE_TO_REVERSAL_MAX_PERCENT} (a 6.2% move on the 6.5% long-term chart is no "only"): the move that would
   * reverse the column, in percent at the decimals returns print with (`lessThan`: it prints as 0, said as "less than
   * 0.1%"), and the column it would reverse into. Null otherwise. A column of Os "lacking relative strength" 0.12%
   * from reversing into Xs misleads without it.
   */
  closeToReversal: { moveSize: number; lessThan: boolean; into: 'X' | 'O' } | null;
}

/** Columns of a P&F chart listed in its facts (`recentColumns`). */
export const RECENT_COLUMNS = 8;

/** How near (in boxes of the chart) the ratio must be to the reversal level for `closeToReversal`. */
export const CLOSE_TO_REVERSAL_BOXES = 1;
/** And at most this far, in percent: one box of the near-term (3.25%) chart, so a long-term chart is close within half its box. */
export const CLOSE_TO_REVERSAL_MAX_PERCENT = 3.25;

export interface RsFacts {
  numeratorName: string;
  denominatorName: string;
  numerator: string;
  denominator: string;
  nearTerm: RsSideFacts;
  longTerm: RsSideFacts;
  method: string;
  from: IsoDate | null;
  to: IsoDate | null;
}

/** Closes are dividend-adjusted: market.yaml `adjusted`, else an `Adj Close` column. */
export const isAdjusted = (s: Series): boolean => s.adjusted ?? /adj/i.test(s.priceField ?? '');

/** What a series' levels rest on, as the note says it ("dividend-adjusted closing prices", "daily highs and lows"). */
export function priceBasisOf(s: Series, method: 'highlow' | 'close'): string {
  const adj = isAdjusted(s) ? 'dividend-adjusted ' : '';
  return method === 'highlow' ? `${adj}daily highs and lows` : `${adj}closing ${s.kind === 'yield' ? 'yields' : 'prices'}`;
}

const scaled = (a: Float64Array | undefined, k: number) => (a && k !== 1 ? a.map((v) => v * k) : a);

/**
 * Runs `build` (a P&F chart of `series`); a chart beyond the box limits becomes one data error naming the series
 * and the date.
 */
export function withBoxLimit<T>(series: string, build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (!(e instanceof PnfBoxLimitError)) throw e;
    const p = pnfTooManyBoxes(series, e.date ?? 'an unknown date', e.limit, e.scope);
    return fail('BAD_DATA', p.message, { hint: p.hint, cause: e });
  }
}

/**
 * P&F charts of a series' first rows, per series (its close array, held weakly), options, rows and multiplier: the
 * P&F section's chart of a fund is the score's price chart on the note date, so one is built for both. Two dates per
 * series (a note and its comparison week), sixteen charts in all (a batch over a universe's members). Read-only.
 */
const seriesCharts = objectMemo<{ chart: PnfChart; dates: IsoDate[] }>(2, 16);

/**
 * The P&F chart of the first `rows` rows of `s` with `opts` (scale, reversal and method given), the closes, highs and
 * lows × `multiplier`; a chart beyond the box limits is one data error naming the series and the date.
 */
export function seriesChart(
  s: Series,
  rows: number,
  opts: Required<Pick<PnfOptions, 'scale' | 'reversal' | 'method'>>,
  multiplier = 1,
): { chart: PnfChart; dates: IsoDate[] } {
  const key = `${rows}|${multiplier}|${JSON.stringify(opts.scale)}|${opts.reversal}|${opts.method}`;
  return seriesCharts.get([s.close], key, () => {
    const part = (a: Float64Array | undefined) => scaled(a?.subarray(0, rows), multiplier);
    const input = { dates: s.dates.slice(0, rows), close: part(s.close)!, high: part(s.high), low: part(s.low) };
    const chart = withBoxLimit(s.key, () => pointAndFigure(input, { scale: opts.scale, reversal: opts.reversal, method: opts.method }));
    return { chart, dates: input.dates };
  });
}

/** The P&F chart of a series as the note configures it (scale, method; yields × 10). */
export function configuredChart(s: Series, config: NoteConfig, asOf: IsoDate): { chart: PnfChart; multiplier: number; dates: IsoDate[] } {
  const set = config.pnf[s.key] ?? { scale: 'traditional' as const };
  const rows = lastIndexOnOrBefore(s.dates, asOf) + 1;
  const multiplier = s.kind === 'yield' ? 10 : 1;
  const hasHL = !!(s.high && s.low);
  const method = set.method === 'highlow' && !hasHL ? 'close' : (set.method ?? (hasHL ? 'highlow' : 'close'));
  return { ...seriesChart(s, rows, { scale: set.scale, reversal: set.reversal ?? 3, method }, multiplier), multiplier };
}

/** Day of the first signal of the chart's current run of same-kind signals, or null without a signal. */
function runStart(chart: PnfChart): IsoDate | null {
  const sig = chart.signals;
  const cur = sig[sig.length - 1];
  return cur ? sig[sig.length - cur.consecutive].date : null;
}

function previousRun(chart: PnfChart): PnfFacts['previousRun'] {
  const sig = chart.signals;
  const cur = sig[sig.length - 1];
  if (!cur) return null;
  const before = sig[sig.length - 1 - cur.consecutive];
  return before ? { signal: before.type, count: before.consecutive } : null;
}

/** A spread level the latest signal's column broke after its signal (an event in that column), else null. */
function laterPattern(chart: PnfChart): PnfFacts['laterPattern'] {
  const last = chart.signals[chart.signals.length - 1];
  if (!last) return null;
  const e = chart.events.find((x) => x.column === last.column && x.name.startsWith('spread triple'));
  return e ? { pattern: e.name, level: e.level, date: e.date } : null;
}

/**
 * The close (on the chart's scale) lies within one box of the chart's box `index`, on the given side: `above` it by less
 * than the box above, or `below` it by less than the box below. The reversal level is reached from the close across
 * that box (a column of Xs reverses down, so its close sits above; Os the other way), and so is a signal one box away.
 */
function withinBoxOf(chart: PnfChart, close: number, index: number, side: 'above' | 'below'): boolean {
  const level = chart.level(index);
  return side === 'above' ? close - level < chart.level(index + 1) - level : level - close < level - chart.level(index - 1);
}

/** Contract `pnf.SYM` for one series. */
export function pnfFacts(s: Series, config: NoteConfig, asOf: IsoDate): { facts: PnfFacts; chart: PnfChart; multiplier: number } {
  const { chart, multiplier, dates } = configuredChart(s, config, asOf);
  const last = chart.signals[chart.signals.length - 1];
  const col = chart.columns[chart.columns.length - 1];
  const flipIdx = chart.trend.since ? lastIndexOnOrBefore(dates, chart.trend.since) : -1;
  let hi = -Infinity;
  let hiDate: IsoDate | null = null;
  let hiAgain: IsoDate | null = null;
  for (const c of chart.columns) {
    if (c.type !== 'X') continue;
    if (c.highIndex > hi) {
      hi = c.highIndex;
      hiDate = c.boxDates[c.boxDates.length - 1] ?? c.end;
      hiAgain = null;
    } else if (c.highIndex === hi) hiAgain = c.boxDates[c.boxDates.length - 1] ?? c.end;
  }
  // the last close on or before the as-of date, on the chart's scale: how near it is to the next reversal and signal
  const closeAt = lastCloseIndexOnOrBefore(s, asOf);
  const close = closeAt >= 0 ? s.close[closeAt] * multiplier : null;
  const turnAt = reversalIndex(chart);
  const sig = signalIndex(chart);
  const facts: PnfFacts = {
    key: s.key,
    name: s.name,
    column: chart.current.column,
    signal: chart.current.signal,
    consecutiveSignals: chart.current.consecutiveSignals,
    previousRun: previousRun(chart),
    lastPattern: chart.current.lastPattern,
    lastSignalDate: chart.current.lastSignalDate,
    lastSignalTags: last?.tags ?? [],
    laterPattern: laterPattern(chart),
    breakoutLevel: chart.current.breakoutLevel,
    resistanceLevel: last?.resistanceLevel ?? null,
    trend: chart.trend.state,
    trendSince: chart.trend.since,
    trendFlippedRecently: chart.trend.flips.length > 0 && flipIdx >= 0 && dates.length - 1 - flipIdx <= 10,
    atAllTimeHigh: chart.current.atAllTimeHigh,
    columnTop: col?.high ?? null,
    columnBottom: col?.low ?? null,
    columnSince: col?.start ?? null,
    reversalNear: close !== null && col !== undefined && turnAt !== null && withinBoxOf(chart, close, turnAt, col.type === 'X' ? 'above' : 'below'),
    signalNear: close !== null && sig !== null && sig.nextBox && withinBoxOf(chart, close, sig.index, sig.type === 'sell' ? 'above' : 'below'),
    recentColumns: chart.columns.slice(-RECENT_COLUMNS).map((c) => ({ column: c.type, since: c.start })),
    highestBox: Number.isFinite(hi) ? chart.level(hi) : null,
    highestBoxDate: hiDate,
    highestBoxAgain: hiAgain,
    levelDecimals: typeof chart.options.scale === 'object' && 'fixed' in chart.options.scale ? decimalsOf(chart.options.scale.fixed) : 0,
    highestBoxNew: chart.current.atAllTimeHigh && hiDate !== null && hiDate > previousNoteDate(asOf, DEFAULT_THRESHOLDS),
    boxSize: boxSizeOfRecent(chart),
    method: `${chart.options.method === 'highlow' ? 'high/low' : 'close-only'} Point & Figure, ${chart.boxLabel} boxes, ${chart.options.reversal}-box reversal${multiplier !== 1 ? `, on ${multiplier} × the yield` : ''} (methodology §1–§2)`,
    multiplier,
    levels: changeLevels(chart),
    priceBasis: priceBasisOf(s, chart.options.method),
    adjusted: isAdjusted(s),
    inputs: [`${s.key} (${s.file})`],
    from: dates[0] ?? null,
    to: dates[dates.length - 1] ?? null,
  };
  return { facts, chart, multiplier };
}

function rsSide(chart: ReturnType<typeof relativeStrength>, percent: number, ratio: number | null, asOf: IsoDate): RsSideFacts {
  const reversal = changeLevels(chart).reversal;
  const column = chart.current.column;
  const distance = reversal === null || ratio === null ? null : (reversal / ratio - 1) * 100;
  const close = column !== null && distance !== null && Math.abs(distance) < Math.min(percent * CLOSE_TO_REVERSAL_BOXES, CLOSE_TO_REVERSAL_MAX_PERCENT);
  const move = close ? printedAtLeast(distance, DEFAULT_THRESHOLDS.returnDecimals) : null;
  const last = chart.current.lastSignalDate;
  const since = runStart(chart);
  return {
    column,
    signal: chart.current.signal,
    lastColumnChange: chart.lastColumnChange,
    columnNew: chart.lastColumnChange !== null && chart.lastColumnChange > previousNoteDate(asOf, DEFAULT_THRESHOLDS),
    lastSignalDate: last,
    signalSince: since,
    latestRepeat: last !== null && since !== null && last > since && daysBetween(last, asOf) <= DEFAULT_THRESHOLDS.recentDays ? last : null,
    boxPercent: percent,
    reversalLevel: reversal,
    reversalDistance: distance,
    closeToReversal: move ? { moveSize: move.size, lessThan: move.lessThan, into: column === 'X' ? 'O' : 'X' } : null,
  };
}

/** close(a) / close(b) × 100 on the last date both have, on or before `asOf` (the RS chart's scale). */
function lastRatio(a: Series, b: Series, asOf: IsoDate): number | null {
  const i = lastIndexOnOrBefore(a.dates, asOf);
  const j = i < 0 ? -1 : lastIndexOnOrBefore(b.dates, a.dates[i]);
  if (i < 0 || j < 0 || b.dates[j] !== a.dates[i]) return null;
  const v = (a.close[i] / b.close[j]) * 100;
  return Number.isFinite(v) ? v : null;
}

/** Contract `rs.A_vs_B`: near-term (3.25%) and long-term (6.5%) RS charts of close(A)/close(B). */
export function rsFacts(a: Series, b: Series, asOf: IsoDate): RsFacts {
  const near = relativeStrength(a, b, { percent: 3.25, asOf });
  const long = relativeStrength(a, b, { percent: 6.5, asOf });
  return {
    numeratorName: a.name,
    denominatorName: b.name,
    numerator: a.key,
    denominator: b.key,
    nearTerm: rsSide(near, 3.25, lastRatio(a, b, asOf), asOf),
    longTerm: rsSide(long, 6.5, lastRatio(a, b, asOf), asOf),
    method: `P&F chart of close(${a.key}) / close(${b.key}) × 100 on a 1.0-anchored percentage grid, close method, 3-box reversal (methodology §3)`,
    from: near.dates[0] ?? null,
    to: near.dates[near.dates.length - 1] ?? null,
  };
}

const MONTH_DIGITS = '123456789ABC';

/** Columns a P&F figure draws, and the stretch whose box sizes the text names. */
const DRAWN_COLUMNS = 48;

/**
 * The box sizes of a chart's last {@link DRAWN_COLUMNS} columns, where the levels the text quotes sit (a
 * traditional chart crossing 200 has 2-point boxes below it and 4-point boxes above: "the traditional (4.00 box
 * in 200–500) scale, … a buy signal at 198" named a box the signal's level does not have).
 */
function boxSizeOfRecent(chart: PnfChart): string {
  return boxLabelOf(chart, chart.columns.slice(-DRAWN_COLUMNS));
}

/** Every box size of the boxes in `cols` (the chart's label when there are none). */
function boxLabelOf(chart: PnfChart, cols: PnfChart['columns']): string {
  if (cols.length === 0) return chart.boxLabel;
  return chart.boxLabelOver(Math.min(...cols.map((c) => c.lowIndex)), Math.max(...cols.map((c) => c.highIndex)));
}

/** The last `maxColumns` columns of a chart as drawable data: box grid, month marks, last signal, trend line. */
export function pnfChartData(key: string, name: string, chart: PnfChart, maxColumns = DRAWN_COLUMNS): PnfChartData | undefined {
  if (chart.columns.length === 0) return undefined;
  const first = Math.max(0, chart.columns.length - maxColumns);
  const cols = chart.columns.slice(first);
  let minIndex = Math.min(...cols.map((c) => c.lowIndex));
  let maxIndex = Math.max(...cols.map((c) => c.highIndex));
  const line = chart.trend.line;
  const linePoints: { column: number; index: number }[] = [];
  if (line) {
    const slope = line.type === 'BSL' ? 1 : -1;
    for (let c = Math.max(line.anchorColumn, first); c < chart.columns.length; c++) {
      const idx = line.anchorIndex + slope * (c - line.anchorColumn);
      linePoints.push({ column: c - first, index: idx });
    }
  }
  // Keep the trend line inside a sensible band around the drawn boxes.
  const pad = 2;
  const visibleLine = linePoints.filter((p) => p.index >= minIndex - pad && p.index <= maxIndex + pad);
  for (const p of visibleLine) {
    minIndex = Math.min(minIndex, p.index);
    maxIndex = Math.max(maxIndex, p.index);
  }
  minIndex -= 1;
  maxIndex += 1;
  const levels: number[] = [];
  for (let i = minIndex; i <= maxIndex; i++) levels.push(chart.level(i));
  let prevMonth = '';
  const columns = cols.map((c) => {
    const n = c.highIndex - c.lowIndex + 1;
    // Boxes in the order they were printed: up for X, down for O.
    const order = c.type === 'X' ? [...Array(n).keys()] : [...Array(n).keys()].reverse();
    const marks: (string | null)[] = new Array(n).fill(null);
    for (const b of order) {
      const d = c.boxDates[b];
      const month = d?.slice(0, 7) ?? '';
      if (month && month !== prevMonth) {
        if (prevMonth) marks[b] = MONTH_DIGITS[Number(month.slice(5, 7)) - 1];
        prevMonth = month;
      }
    }
    return { type: c.type, lowIndex: c.lowIndex, highIndex: c.highIndex, start: c.start, end: c.end, monthMarks: marks };
  });
  const sig = chart.signals[chart.signals.length - 1];
  let highestX = -Infinity;
  for (const c of chart.columns) if (c.type === 'X' && c.highIndex > highestX) highestX = c.highIndex;
  // The breakout box is one box beyond the previous same-type column's extreme (§2.1).
  const prev = sig ? chart.columns[sig.column - 2] : undefined;
  const sigIndex = sig && prev ? (sig.type === 'buy' ? prev.highIndex + 1 : prev.lowIndex - 1) : 0;
  return {
    key,
    name,
    // the caption names every box size of the boxes drawn (a traditional chart crossing 200 draws 2s and 4s), as
    // the text does; not the empty rows of the grid's margin (a row at 19 below boxes from 20 named a 0.50 box)
    boxLabel: boxLabelOf(chart, cols),
    minIndex,
    levels,
    columns,
    lastSignal: sig && sig.column >= first ? { type: sig.type, index: sigIndex, level: sig.level, date: sig.date, column: sig.column - first } : null,
    trendLine: line && visibleLine.length > 1 ? { type: line.type, points: visibleLine } : null,
    // the chart's highest box is among the columns drawn (2024-11-01's snapshot named 228, first reached in November
    // 2021, beside a figure from February 2022 topped at 224)
    highestBoxDrawn: cols.some((c) => c.type === 'X' && c.highIndex >= highestX),
  };
}

/** pnf.* and rs.* sections of the facts plus the small-cap fund's X/O chart data. */
export function pnfSection(market: Market, config: NoteConfig, asOf: IsoDate) {
  const r = config.roles;
  const keys = [...new Set([r.smallFund, r.largeFund, r.smallCap, r.largeCap, r.yield])];
  const pnf: Record<string, PnfFacts> = {};
  let chartData: PnfChartData | undefined;
  for (const key of keys) {
    const s = market.series[key];
    const { facts, chart } = pnfFacts(s, config, asOf);
    pnf[key] = facts;
    if (key === r.smallFund) chartData = pnfChartData(key, s.name, chart);
  }
  const rs: Record<string, RsFacts> = {};
  for (const fund of [r.smallFund, r.largeFund]) {
    rs[`${fund}_vs_${r.marketBenchmark}`] = rsFacts(market.series[fund], market.series[r.marketBenchmark], asOf);
  }
  rs[`${r.smallFund}_vs_${r.largeFund}`] = rsFacts(market.series[r.smallFund], market.series[r.largeFund], asOf);
  return { pnf, rs, chart: chartData };
}
