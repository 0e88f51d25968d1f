/**
 * Bullish percent (methodology §4): the daily share of a universe's members whose own P&F chart is on a buy
 * signal, its own P&F chart (2-point boxes on 0–100, 3-box reversal) and the six field-position statuses.
 *
 *   closes[m][d] ──signalStates (traditional, 3-box, close)──▶ per member +1/−1/0
 *     └─ count per day ──▶ bullishPercentHistory  { values, buys, members }
 *          └─ pointAndFigure({ fixed: 2 }, close) ──▶ bullishPercentChart ──▶ bpStatusHistory (§4.3)
 *
 * Pure functions of arrays: no I/O, no clock, no module state. Signal states are causal, so the history cut
 * at a date T equals the history computed from rows ≤ T.
 */
import type { IsoDate } from '../data/types.js';
import { pointAndFigure, signalStates, type PnfChart, type PnfScale } from './pnf/index.js';

/** The six field-position states of §4.3. */
export type BpStatus = 'Bull Alert' | 'Bull Confirmed' | 'Bull Correction' | 'Bear Alert' | 'Bear Confirmed' | 'Bear Correction';

export interface BullishPercentOptions {
  /** Scale of the members' charts. Default `'traditional'` (§4.1: traditional box sizing). */
  scale?: PnfScale;
  /** Default 3. */
  reversal?: number;
  /**
   * The BP is reported (not NaN) on a day only when the members with a signal are at least this share of the
   * members listed so far (with at least one close). Default 0.5: the first weeks, when a handful of charts
   * decide the reading, are left out [I].
   */
  minCoverage?: number;
}

export interface BullishPercentHistory {
  dates: IsoDate[];
  /** BP in percent per day (buys / members with a signal × 100); NaN while coverage is below `minCoverage`. */
  values: Float64Array;
  /** Members on a buy signal that day. */
  buys: Int32Array;
  /** Members with a signal (buy or sell) that day: the BP's denominator. Members join when they get one. */
  members: Int32Array;
  /** Members with at least one close on or before that day. */
  listed: Int32Array;
  /** Members in the universe (today's list). */
  universeSize: number;
}

/**
 * Daily bullish percent of a universe: every member's close-only P&F chart (traditional scale, 3-box), one
 * pass per member (`signalStates`), counted per day.
 * @example bullishPercentHistory({ dates: ['d0','d1','d2','d3','d4'], closes: [[5, 1, 6, 3, 7]] }, { scale: { fixed: 1 } }).values[4] //=> 100
 */
export function bullishPercentHistory(
  universe: { dates: IsoDate[]; closes: ArrayLike<number>[] },
  options: BullishPercentOptions = {},
): BullishPercentHistory {
  const scale = options.scale ?? 'traditional';
  const reversal = options.reversal ?? 3;
  const minCoverage = options.minCoverage ?? 0.5;
  if (!(minCoverage >= 0 && minCoverage <= 1)) throw new RangeError(`minCoverage must be between 0 and 1, got ${minCoverage}`);
  const n = universe.dates.length;
  const buys = new Int32Array(n);
  const members = new Int32Array(n);
  const listedFrom = new Int32Array(n + 1); // count of members whose first close is on day d
  for (const close of universe.closes) {
    if (close.length !== n) throw new RangeError(`universe member has ${close.length} closes for ${n} dates`);
    const states = signalStates(close, { scale, reversal });
    for (let d = 0; d < n; d++) {
      const s = states[d]; // −1, 0 or +1
      members[d] += s & 1; // 1 for ±1
      buys[d] += (s + 1) >> 1; // 1 for +1 only
    }
    let first = 0;
    while (first < n && !Number.isFinite(close[first])) first++;
    listedFrom[first]++; // index n: never listed
  }
  const listed = new Int32Array(n);
  const values = new Float64Array(n);
  let running = 0;
  for (let d = 0; d < n; d++) {
    running += listedFrom[d];
    listed[d] = running;
    const m = members[d];
    values[d] = m > 0 && m >= minCoverage * running ? (buys[d] * 100) / m : NaN;
  }
  return { dates: universe.dates, values, buys, members, listed, universeSize: universe.closes.length };
}

/** The BP chart settings of §4.2: 2-point boxes on 0–100, 3-box (6-point) reversal, one value per day. */
export const BP_CHART_OPTIONS = { scale: { fixed: 2 }, reversal: 3, method: 'close' } as const;

/**
 * P&F chart of a BP series (§4.2). NaN days are skipped. A reversal is counted on the grid: from an X top T an
 * O column starts when the value is ≤ T − 6 and fills down to the smallest even level ≥ the value.
 * @example bullishPercentChart(['d0', 'd1'], [60, 51.3]).columns[0] //=> { type: 'O', low: 52, high: 60, … }
 */
export function bullishPercentChart(dates: IsoDate[], values: ArrayLike<number>): PnfChart {
  return pointAndFigure({ dates, close: values }, { ...BP_CHART_OPTIONS, scale: { fixed: 2 } });
}

/** What the §4.3 status rule reads on one day. */
export interface BpDayState {
  column: 'X' | 'O' | null;
  signal: 'buy' | 'sell' | null;
  /** Bottom level of the previous (O) column, when the current column is X. */
  previousBottom: number | null;
  /** Top level of the previous (X) column, when the current column is O. */
  previousTop: number | null;
  /** Bottom level of the current O column as of that day. */
  bottom: number | null;
  /** The status was Bull Alert earlier in this column. */
  bullAlertInColumn: boolean;
}

/**
 * The §4.3 status rule for one day.
 * @example bpStatus({ column: 'X', signal: 'sell', previousBottom: 30, previousTop: null, bottom: null, bullAlertInColumn: false }) //=> 'Bull Alert'
 */
export function bpStatus(s: BpDayState): BpStatus | null {
  if (s.signal === null || s.column === null) return null;
  if (s.column === 'X') {
    if (s.signal === 'buy') return 'Bull Confirmed';
    if ((s.previousBottom !== null && s.previousBottom <= 30) || s.bullAlertInColumn) return 'Bull Alert';
    return 'Bear Correction';
  }
  if (s.signal === 'sell') return 'Bear Confirmed';
  if (s.previousTop !== null && s.previousTop >= 70 && s.bottom !== null && s.bottom <= 68) return 'Bear Alert';
  return 'Bull Correction';
}

/**
 * Status per day of a BP chart (aligned with the chart's input `dates`), from the column, the signal and the
 * extent of the current column as of each day.
 * @example bpStatusHistory(chart, dates).at(-1) //=> 'Bull Confirmed'
 */
export function bpStatusHistory(chart: PnfChart, dates: IsoDate[]): (BpStatus | null)[] {
  const out: (BpStatus | null)[] = new Array(dates.length).fill(null);
  const cols = chart.columns;
  let c = -1;
  let bullAlert = false;
  for (let d = 0; d < dates.length; d++) {
    const day = dates[d];
    while (c + 1 < cols.length && cols[c + 1].start <= day) {
      c++;
      bullAlert = false;
    }
    if (c < 0) continue;
    const col = cols[c];
    const prev = c > 0 ? cols[c - 1] : null;
    let bottom: number | null = null;
    if (col.type === 'O') {
      // boxDates run bottom → top; an O column fills downward, so the lowest box filled by `day` is the first
      // whose date is ≤ day.
      let k = 0;
      while (k < col.boxDates.length && col.boxDates[k] > day) k++;
      bottom = chart.level(col.lowIndex + k);
    }
    const sig = chart.daily.signal[d];
    const status = bpStatus({
      column: col.type,
      signal: sig === 1 ? 'buy' : sig === -1 ? 'sell' : null,
      previousBottom: col.type === 'X' && prev ? prev.low : null,
      previousTop: col.type === 'O' && prev ? prev.high : null,
      bottom,
      bullAlertInColumn: bullAlert,
    });
    if (status === 'Bull Alert') bullAlert = true;
    out[d] = status;
  }
  return out;
}

/**
 * First day of the run of equal statuses that ends on day `index`; null when that day has no status.
 * @example statusSince(['a', 'b', 'c'], [null, 'Bull Alert', 'Bull Alert'], 2) //=> 'b'
 */
export function statusSince(dates: IsoDate[], statuses: (BpStatus | null)[], index: number): IsoDate | null {
  const s = statuses[index];
  if (s == null) return null;
  let i = index;
  while (i > 0 && statuses[i - 1] === s) i--;
  return dates[i];
}

/**
 * Field position zone of a BP reading (§4.3): above 70 overbought, below 30 oversold, else neutral.
 * @example bpZone(72.4) //=> 'overbought'
 */
export function bpZone(value: number): 'oversold' | 'neutral' | 'overbought' {
  if (value > 70) return 'overbought';
  if (value < 30) return 'oversold';
  return 'neutral';
}

/**
 * The lowest value (first occurrence) among days `from ≤ date ≤ to`, skipping NaN; null when none.
 * @example lowestBetween(['a', 'b', 'c'], [40, 35, 35], 'a', 'c') //=> { level: 35, date: 'b' }
 */
export function lowestBetween(dates: IsoDate[], values: ArrayLike<number>, from: IsoDate, to: IsoDate): { level: number; date: IsoDate } | null {
  let best: { level: number; date: IsoDate } | null = null;
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i];
    if (d < from || d > to) continue;
    const v = values[i];
    if (Number.isNaN(v)) continue;
    if (best === null || v < best.level) best = { level: v, date: d };
  }
  return best;
}

/**
 * The date `months` calendar months before `date`, as a comparable ISO string (the day is kept, so
 * 2025-08-31 minus 6 months is "2025-02-31", which sorts right after February 28).
 * @example monthsBefore('2025-12-12', 6) //=> '2025-06-12'
 */
export function monthsBefore(date: IsoDate, months: number): IsoDate {
  let y = Number(date.slice(0, 4));
  let m = Number(date.slice(5, 7)) - months;
  while (m < 1) {
    m += 12;
    y--;
  }
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}${date.slice(7)}`;
}
