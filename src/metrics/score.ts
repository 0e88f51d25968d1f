/**
 * Trend-and-RS score (methodology §5.2): market-note's own transparent 0–6 score built from 13 binary data
 * points in three 2-point segments (trend, RS vs the market benchmark, RS vs a peer benchmark). It is not a
 * vendor's score and must never be presented as one.
 *
 *   price P&F chart (daily trend/signal/column) + SMA50/200 ─┐
 *   RS vs market, 6.5% and 3.25% (daily signal/column)      ├─ dailyScoreComponents ─▶ dailyScore (units of 0.2)
 *   RS vs peer,   6.5% and 3.25%                            ─┘
 *
 * Scores are kept as integers in units of 0.2 points (every weight is a multiple of 0.2), so gaps and
 * "smallest since" comparisons are exact.
 */
import type { IsoDate } from '../data/types.js';
import type { PnfChart } from './pnf/index.js';
import { objectMemo, type ObjectMemo } from './memo.js';
import { datesAscending, lastIndexOnOrBefore } from './calendar.js';

/** The 13 data points of §5.2 with their weights (points); each segment sums to 2. */
export const SCORE_DATA_POINTS = [
  { key: 'trendPositive', segment: 'trend', weight: 1.0, label: 'price P&F trend positive (bullish support line active)' },
  { key: 'priceBuySignal', segment: 'trend', weight: 0.4, label: 'price P&F chart on a buy signal' },
  { key: 'priceInXs', segment: 'trend', weight: 0.2, label: 'price P&F chart in a column of Xs' },
  { key: 'aboveSma50', segment: 'trend', weight: 0.2, label: 'close above its 50-day simple moving average' },
  { key: 'aboveSma200', segment: 'trend', weight: 0.2, label: 'close above its 200-day simple moving average' },
  { key: 'marketRsLongBuy', segment: 'market', weight: 0.8, label: '6.5% RS chart vs the market benchmark on a buy signal' },
  { key: 'marketRsLongX', segment: 'market', weight: 0.4, label: '6.5% RS chart vs the market benchmark in Xs' },
  { key: 'marketRsNearBuy', segment: 'market', weight: 0.4, label: '3.25% RS chart vs the market benchmark on a buy signal' },
  { key: 'marketRsNearX', segment: 'market', weight: 0.4, label: '3.25% RS chart vs the market benchmark in Xs' },
  { key: 'peerRsLongBuy', segment: 'peer', weight: 0.8, label: '6.5% RS chart vs the peer benchmark on a buy signal' },
  { key: 'peerRsLongX', segment: 'peer', weight: 0.4, label: '6.5% RS chart vs the peer benchmark in Xs' },
  { key: 'peerRsNearBuy', segment: 'peer', weight: 0.4, label: '3.25% RS chart vs the peer benchmark on a buy signal' },
  { key: 'peerRsNearX', segment: 'peer', weight: 0.4, label: '3.25% RS chart vs the peer benchmark in Xs' },
] as const;

export type ScoreComponent = (typeof SCORE_DATA_POINTS)[number]['key'];
export type ScoreComponents = Record<ScoreComponent, boolean>;

/** Points per score unit: every weight is a whole number of units. */
export const SCORE_UNIT = 0.2;
const UNITS = SCORE_DATA_POINTS.map((p) => Math.round(p.weight / SCORE_UNIT));

/** What the score is called wherever it is printed. */
export const SCORE_LABEL = "trend-and-RS score (market-note's own, 0–6)";

/**
 * Score in units of 0.2 points (0–30) from the 13 data points.
 * @example scoreUnits({ ...allFalse, trendPositive: true, priceInXs: true }) //=> 6
 */
export function scoreUnits(components: ScoreComponents): number {
  let u = 0;
  for (let i = 0; i < SCORE_DATA_POINTS.length; i++) if (components[SCORE_DATA_POINTS[i].key]) u += UNITS[i];
  return u;
}

/**
 * The trend-and-RS score (0–6, a multiple of 0.2) from the 13 data points of §5.2.
 * @example trendRsScore({ ...allFalse, trendPositive: true, marketRsLongBuy: true }) //=> 1.8
 */
export function trendRsScore(components: ScoreComponents): number {
  return unitsToPoints(scoreUnits(components));
}

/** @example unitsToPoints(22) //=> 4.4 */
export function unitsToPoints(units: number): number {
  return units / 5;
}

/**
 * Simple moving average of the last `window` valid closes (NaN rows skipped); NaN until `window` closes exist
 * and on NaN rows.
 * @example Array.from(sma([1, 2, 3, 4], 2)) //=> [NaN, 1.5, 2.5, 3.5]
 */
export function sma(close: ArrayLike<number>, window: number): Float64Array {
  if (!Number.isInteger(window) || window < 1) throw new RangeError(`SMA window must be a whole number >= 1, got ${window}`);
  const n = close.length;
  const out = new Float64Array(n).fill(NaN);
  const ring = new Float64Array(window);
  let count = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = close[i];
    if (!Number.isFinite(v)) continue;
    const slot = count % window;
    if (count >= window) sum -= ring[slot];
    ring[slot] = v;
    sum += v;
    count++;
    if (count >= window) out[i] = sum / window;
  }
  return out;
}

/** The per-day state of an RS chart: its dates and its daily signal/column arrays (`RelativeStrengthChart` fits). */
export interface RsDaily {
  dates: IsoDate[];
  daily: { column: Int8Array; signal: Int8Array };
}

export interface ScoreInput {
  /** The fund's dates and closes, oldest first. */
  dates: IsoDate[];
  close: ArrayLike<number>;
  /** The fund's price P&F chart, built on the same dates (its `daily` arrays are aligned with `dates`). */
  price: Pick<PnfChart, 'daily'>;
  market: { long: RsDaily; near: RsDaily };
  peer: { long: RsDaily; near: RsDaily };
}

export interface DailyScoreOptions {
  /**
   * Trading days of history every input needs before the score is reported: the fund's own closes and each RS
   * chart's ratio series. Default 252 (≥ 200, so the 200-day SMA exists). Earlier days are undefined [I].
   */
  warmup?: number;
}

export interface DailyScore {
  dates: IsoDate[];
  /** Score in units of 0.2 points; −1 on days before the warm-up. */
  units: Int16Array;
  /** Each data point per day (1 true, 0 false). */
  components: Record<ScoreComponent, Uint8Array>;
}

/**
 * Daily components and score of one fund from its charts' daily arrays (no chart is rebuilt per day). An RS
 * chart's state on a fund date is its state on the last RS date on or before it; "no signal yet" counts as false,
 * and so does a column of Xs before the chart's first reversal (see `reversedSince`).
 * @example dailyScore(input).units.at(-1) //=> 22   (4.4 points)
 */
export function dailyScore(input: ScoreInput, options: DailyScoreOptions = {}): DailyScore {
  const warmup = options.warmup ?? 252;
  if (!Number.isInteger(warmup) || warmup < 200) throw new RangeError(`score warm-up must be a whole number >= 200, got ${warmup}`);
  const n = input.dates.length;
  const { daily } = input.price;
  if (daily.column.length !== n || input.close.length !== n) {
    throw new RangeError(`score input: ${n} dates, ${input.close.length} closes, ${daily.column.length} price-chart days`);
  }
  const comp = Object.fromEntries(SCORE_DATA_POINTS.map((p) => [p.key, new Uint8Array(n)])) as Record<ScoreComponent, Uint8Array>;
  const sma50 = sma(input.close, 50);
  const sma200 = sma(input.close, 200);
  const units = new Int16Array(n).fill(-1);

  const rs = [
    [input.market.long, comp.marketRsLongBuy, comp.marketRsLongX],
    [input.market.near, comp.marketRsNearBuy, comp.marketRsNearX],
    [input.peer.long, comp.peerRsLongBuy, comp.peerRsLongX],
    [input.peer.near, comp.peerRsNearBuy, comp.peerRsNearX],
  ] as const;
  // rsCount[k][i]: RS rows of chart k on or before fund day i (its history length then)
  const rsCount = rs.map(() => new Int32Array(n));
  rs.forEach(([chart, buy, x], k) => {
    const established = reversedSince(chart.daily.column);
    let j = -1;
    for (let i = 0; i < n; i++) {
      const d = input.dates[i];
      while (j + 1 < chart.dates.length && chart.dates[j + 1] <= d) j++;
      rsCount[k][i] = j + 1;
      if (j >= 0) {
        buy[i] = chart.daily.signal[j] === 1 ? 1 : 0;
        x[i] = chart.daily.column[j] === 1 && j >= established ? 1 : 0;
      }
    }
  });
  const priceEstablished = reversedSince(daily.column);

  let closes = 0;
  const cols = SCORE_DATA_POINTS.map((p) => comp[p.key]); // the components in UNITS order, looked up once
  for (let i = 0; i < n; i++) {
    const c = input.close[i];
    if (Number.isFinite(c)) closes++;
    comp.trendPositive[i] = daily.trend[i] === 1 ? 1 : 0;
    comp.priceBuySignal[i] = daily.signal[i] === 1 ? 1 : 0;
    comp.priceInXs[i] = daily.column[i] === 1 && i >= priceEstablished ? 1 : 0;
    comp.aboveSma50[i] = c > sma50[i] ? 1 : 0;
    comp.aboveSma200[i] = c > sma200[i] ? 1 : 0;
    if (!Number.isFinite(c) || closes < warmup || rsCount[0][i] < warmup || rsCount[1][i] < warmup || rsCount[2][i] < warmup || rsCount[3][i] < warmup) continue;
    let u = 0;
    for (let p = 0; p < cols.length; p++) if (cols[p][i]) u += UNITS[p];
    units[i] = u;
  }
  return { dates: input.dates, units, components: comp };
}

/**
 * The scores of a fund's first `n` days, from its scores over more days: each day's score reads only rows on or before
 * it, so this is what `dailyScore` gives on charts built on those `n` rows (shares their memory: read-only).
 * @example firstDays(dailyScore(input), 300).units.length //=> 300
 */
export function firstDays(score: DailyScore, n: number): DailyScore {
  if (n === score.dates.length) return score;
  if (!(n >= 0 && n < score.dates.length)) throw new RangeError(`firstDays: ${n} days of a score over ${score.dates.length}`);
  const components = Object.fromEntries(Object.entries(score.components).map(([k, v]) => [k, v.subarray(0, n)])) as DailyScore['components'];
  return { dates: score.dates.slice(0, n), units: score.units.subarray(0, n), components };
}

/**
 * First day on which a chart's column differs from its first column (its first reversal), or the length when it
 * never reversed. Before that day the column is the start convention's first column (§1.5), which can be a
 * single box crossed by a tiny move (a ratio of two near-identical funds sitting on a box boundary), so the
 * "in Xs" data points do not count it [I].
 * @example reversedSince(Int8Array.from([0, 1, 1, -1, 1])) //=> 3
 */
export function reversedSince(column: Int8Array): number {
  let first = 0;
  for (let i = 0; i < column.length; i++) {
    const c = column[i];
    if (c === 0) continue;
    if (first === 0) first = c;
    else if (c !== first) return i;
  }
  return column.length;
}

/**
 * The 13 data points of day `index` as booleans (all false for index −1).
 * @example componentsAt(daily, daily.dates.length - 1).trendPositive //=> true
 */
export function componentsAt(daily: DailyScore, index: number): ScoreComponents {
  return Object.fromEntries(SCORE_DATA_POINTS.map((p) => [p.key, daily.components[p.key][index] === 1])) as ScoreComponents;
}

/**
 * Last date before `index` whose value is ≤ the value at `index` (NaN values skipped); null when none, i.e. the
 * value at `index` is the smallest of the available history (methodology §10, "smallest since").
 * @example smallestSince(['a', 'b', 'c', 'd'], [1, 3, 4, 2], 3) //=> 'a'
 */
export function smallestSince(dates: IsoDate[], values: ArrayLike<number>, index: number): IsoDate | null {
  const v = values[index];
  if (Number.isNaN(v)) throw new RangeError(`smallestSince: no value on ${dates[index]}`);
  for (let j = index - 1; j >= 0; j--) {
    const w = values[j];
    if (!Number.isNaN(w) && w <= v) return dates[j];
  }
  return null;
}

/**
 * Daily gap a − b of two unit-score series on the dates both have a score (inner join), in units.
 * @example scoreGap(large, small).units.at(-1) //=> 4   (0.8 points)
 */
export function scoreGap(a: Pick<DailyScore, 'dates' | 'units'>, b: Pick<DailyScore, 'dates' | 'units'>): { dates: IsoDate[]; units: Int16Array } {
  const dates: IsoDate[] = [];
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < a.dates.length; i++) {
    const d = a.dates[i];
    while (j < b.dates.length && b.dates[j] < d) j++;
    if (j < b.dates.length && b.dates[j] === d && a.units[i] >= 0 && b.units[j] >= 0) {
      dates.push(d);
      out.push(a.units[i] - b.units[j]);
    }
  }
  return { dates, units: Int16Array.from(out) };
}

// ---- peer group (methodology §5.2 peer segment) ----

/**
 * Daily-return correlation at or above which two funds count as clones of one index [I]: IVV and SPY (both the
 * S&P 500) correlate at 0.987–0.993 over their whole common history, IWM and IJR (Russell 2000 vs S&P 600, two
 * distinct small-cap indexes) at 0.947–0.978, and a fund and its own index at 0.98–0.99 (docs/metrics.md §7.1).
 */
export const CLONE_CORRELATION = 0.985;
/** Fewest common daily returns the correlation test needs; with fewer, only a declared index can tell clones. */
export const CLONE_MIN_RETURNS = 252;

interface Closes {
  dates: IsoDate[];
  close: ArrayLike<number>;
}

/**
 * Pearson correlation of the daily close-to-close returns of `a` and `b` over every date ≤ `asOf` on which both
 * have a valid close (a return spans two consecutive such dates); `n` is the number of returns. When both calendars
 * are in date order, the running sums over all their dates are computed once per pair (either way round) and read at
 * the as-of date: the same additions in the same order as a pass that stops there, so the same value to the bit.
 * @example dailyReturnCorrelation(ivv, spy, '2025-12-12') //=> { value: 0.9932…, n: 6430 }
 */
export function dailyReturnCorrelation(a: Closes, b: Closes, asOf: IsoDate): { value: number | null; n: number } {
  const sums =
    returnSums.peek([b.dates, b.close, a.dates, a.close], '') ??
    returnSums.get([a.dates, a.close, b.dates, b.close], '', () => (datesAscending(a.dates) && datesAscending(b.dates) ? runningSums(a, b, null) : null));
  if (sums === null) {
    const one = runningSums(a, b, asOf);
    return correlationOf(one, one.dates.length - 1);
  }
  return correlationOf(sums, lastIndexOnOrBefore(sums.dates, asOf));
}

/** Running sums of two series' daily returns, one row per return (its date, and the sums up to and with it). */
interface ReturnSums {
  dates: IsoDate[];
  sx: Float64Array;
  sy: Float64Array;
  sxx: Float64Array;
  syy: Float64Array;
  sxy: Float64Array;
}

/**
 * One result per pair of series (a pair is found either way round: the correlation is symmetric to the bit), sixteen
 * at most: a note tests a few pairs, and a batch over a universe's members would otherwise keep each member's.
 */
const returnSums = objectMemo<ReturnSums | null>(1, 16);

/** {@link ReturnSums} of `a` and `b`, merging their dates until either passes `asOf` (null: all of them). */
function runningSums(a: Closes, b: Closes, asOf: IsoDate | null): ReturnSums {
  const ok = (v: number) => Number.isFinite(v) && v > 0;
  const cap = Math.min(a.dates.length, b.dates.length);
  const out: ReturnSums = { dates: [], sx: new Float64Array(cap), sy: new Float64Array(cap), sxx: new Float64Array(cap), syy: new Float64Array(cap), sxy: new Float64Array(cap) };
  let i = 0;
  let j = 0;
  let pa = NaN;
  let pb = NaN;
  let n = 0;
  let sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  while (i < a.dates.length && j < b.dates.length) {
    const da = a.dates[i];
    const db = b.dates[j];
    if (asOf !== null && (da > asOf || db > asOf)) break;
    if (da < db) i++;
    else if (db < da) j++;
    else {
      const ca = a.close[i];
      const cb = b.close[j];
      if (ok(ca) && ok(cb)) {
        if (!Number.isNaN(pa)) {
          const x = ca / pa - 1;
          const y = cb / pb - 1;
          sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y;
          out.dates.push(da);
          out.sx[n] = sx; out.sy[n] = sy; out.sxx[n] = sxx; out.syy[n] = syy; out.sxy[n] = sxy;
          n++;
        }
        pa = ca;
        pb = cb;
      }
      i++;
      j++;
    }
  }
  return out;
}

/** The correlation of the returns of `s` up to and with row `last` (-1: none). */
function correlationOf(s: ReturnSums, last: number): { value: number | null; n: number } {
  const n = last + 1;
  if (n < 2) return { value: null, n };
  const [sx, sy, sxx, syy, sxy] = [s.sx[last], s.sy[last], s.sxx[last], s.syy[last], s.sxy[last]];
  const vx = sxx - (sx * sx) / n;
  const vy = syy - (sy * sy) / n;
  if (vx <= 0 || vy <= 0) return { value: null, n };
  return { value: (sxy - (sx * sy) / n) / Math.sqrt(vx * vy), n };
}

/** One memo per number of members (a memo's keys are lists of one length). */
const peerIndexes = new Map<number, ObjectMemo<{ dates: IsoDate[]; close: Float64Array }>>();

/**
 * The equal-weighted peer index to read on or before `asOf` (its rows after asOf are left for the reader to
 * skip, as the RS charts do): when every member's dates are in order, `equalWeightIndex` over all their dates,
 * computed once per set of members (held weakly by their arrays) and shared by every as-of date and note (its
 * rows on or before a date are exactly `equalWeightIndex(members, date)`: each level depends only on earlier
 * dates), so the RS charts against it are shared too; else `equalWeightIndex(members, asOf)`.
 * @example peerIndex([ivv, rsp], '2024-12-31').dates.at(-1) //=> '2025-12-12'
 */
export function peerIndex(members: readonly Closes[], asOf: IsoDate): { dates: IsoDate[]; close: Float64Array } {
  if (!members.every((m) => datesAscending(m.dates))) return equalWeightIndex(members, asOf);
  let memo = peerIndexes.get(members.length);
  if (!memo) peerIndexes.set(members.length, (memo = objectMemo(1)));
  return memo.get(members.flatMap((m) => [m.dates, m.close as object]), '', () => equalWeightIndexInOrder(members));
}

/**
 * `equalWeightIndex(members, <after every date>)` for members whose dates are in order: the common dates by one
 * merge pass instead of a map of dates per member, the same arithmetic in the same order.
 */
function equalWeightIndexInOrder(members: readonly Closes[]): { dates: IsoDate[]; close: Float64Array } {
  const ok = (v: number) => Number.isFinite(v) && v > 0;
  const [first, ...rest] = members;
  const dates: IsoDate[] = [];
  const rows: Int32Array[] = members.map(() => new Int32Array(first.dates.length)); // rows[k][c]: member k's row of common date c
  const at = new Int32Array(rest.length);
  for (let i = 0; i < first.dates.length; i++) {
    if (!ok(first.close[i])) continue;
    const d = first.dates[i];
    let common = true;
    for (let k = 0; k < rest.length && common; k++) {
      const m = rest[k];
      let j = at[k];
      while (j < m.dates.length && m.dates[j] < d) j++;
      at[k] = j;
      common = j < m.dates.length && m.dates[j] === d && ok(m.close[j]);
    }
    if (!common) continue;
    rows[0][dates.length] = i;
    for (let k = 0; k < rest.length; k++) rows[k + 1][dates.length] = at[k];
    dates.push(d);
  }
  const n = members.length;
  // a single member with a valid close on every date is its own index: its arrays themselves, so the RS charts against
  // it are the ones the other sections drew against the member (relative-strength.ts keys them by the arrays)
  if (n === 1 && dates.length === first.dates.length && first.close instanceof Float64Array) return { dates: first.dates, close: first.close };
  const close = new Float64Array(dates.length);
  for (let c = 0; c < dates.length; c++) {
    if (n === 1) close[c] = first.close[rows[0][c]];
    else if (c === 0) {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += members[k].close[rows[k][c]];
      close[c] = sum / n;
    } else {
      let r = 0;
      for (let k = 0; k < n; k++) r = r + members[k].close[rows[k][c]] / members[k].close[rows[k][c - 1]] - 1;
      close[c] = close[c - 1] * (1 + r / n);
    }
  }
  return { dates, close };
}

/**
 * Equal-weighted peer index: on every date ≤ `asOf` on which all members have a valid close, the level moves by
 * the mean of the members' daily returns (rebalanced daily); it starts at the mean of their first common closes.
 * A single member is returned as its own valid closes, unchanged.
 * @example equalWeightIndex([{ dates: ['a', 'b'], close: [10, 11] }, { dates: ['a', 'b'], close: [20, 20] }], 'b').close //=> [15, 15.75]
 */
export function equalWeightIndex(members: readonly Closes[], asOf: IsoDate): { dates: IsoDate[]; close: Float64Array } {
  const ok = (v: number) => Number.isFinite(v) && v > 0;
  if (members.length === 0) return { dates: [], close: new Float64Array(0) };
  const maps = members.map((m) => {
    const map = new Map<IsoDate, number>();
    for (let i = 0; i < m.dates.length && m.dates[i] <= asOf; i++) if (ok(m.close[i])) map.set(m.dates[i], m.close[i]);
    return map;
  });
  const [first, ...rest] = maps;
  const dates = [...first.keys()].filter((d) => rest.every((m) => m.has(d)));
  if (members.length === 1) return { dates, close: Float64Array.from(dates, (d) => first.get(d)!) };
  const close = new Float64Array(dates.length);
  for (let k = 0; k < dates.length; k++) {
    const now = maps.map((m) => m.get(dates[k])!);
    if (k === 0) close[k] = now.reduce((s, v) => s + v, 0) / now.length;
    else {
      const before = maps.map((m) => m.get(dates[k - 1])!);
      const r = now.reduce((s, v, i) => s + v / before[i] - 1, 0) / now.length;
      close[k] = close[k - 1] * (1 + r);
    }
  }
  return { dates, close };
}
