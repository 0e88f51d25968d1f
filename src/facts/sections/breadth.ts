/**
 * Facts section `breadth.*` (methodology §4): the bullish percent of the note's universe on the as-of date, its
 * P&F column, signal and status, and the chart data of its last two years.
 *
 * Module state: the daily BP history of a universe is computed once per process and kept in a WeakMap keyed by
 * the `Universe` object (the one module-level cache of the facts layer). The history holds every date of the
 * universe; signal states are causal, so its rows ≤ T are exactly the history of rows ≤ T, and every figure
 * below reads only those rows.
 */
import type { IsoDate, Market, Universe } from '../../data/types.js';
import {
  bpStatusHistory,
  bpZone,
  bullishPercentChart,
  bullishPercentHistory,
  lowestBetween,
  monthsBefore,
  statusSince,
  type BpStatus,
  type BullishPercentHistory,
} from '../../metrics/breadth.js';
import { DEFAULT_MAX_STALE_DAYS, anchorOnOrBefore, lastIndexOnOrBefore } from '../../metrics/calendar.js';
import type { NoteConfig } from '../../config/note-config.js';
import { figure, type Figure } from '../provenance.js';
import { previousNoteDate } from '../judgements/recency.js';
import { DEFAULT_THRESHOLDS } from '../judgements/thresholds.js';
import type { ChartData } from '../types.js';

export interface UniverseBreadth {
  bullishPercent: Figure;
  column: 'X' | 'O' | null;
  status: BpStatus | null;
  statusSince: IsoDate | null;
  /**
   * The low (O-column bottom) the current X column reversed up from, or the high an O column reversed down from:
   * the box, the day the previous column reached it (`date`) and the day the current column began (`on`), which
   * can be months later ("reversed down from the 80% box it reached on 9 December 2016" read as eight months of
   * decline in a note of August 2017; it reversed on 22 May).
   */
  reversedFrom: { level: number; date: IsoDate; on: IsoDate } | null;
  /** The reading on the previous note's date (the last on or before it), for the week's move; null without one. */
  weekAgo: { value: number; date: IsoDate } | null;
  /** Lowest BP reading in the last 6 months (first day it was reached), and the window's first day. */
  recentLow: { level: number; date: IsoDate; windowFrom: IsoDate } | null;
  zone: 'oversold' | 'neutral' | 'overbought';
  /** Members with a P&F signal that day: the BP's denominator, the count the text quotes with the percent. */
  members: number;
  /** Members with a close on that day. */
  membersWithData: number;
  /** Members listed in the universe file (today's list; the survivorship caveat's count). */
  membersListed: number;
  /** `members` differs from `membersListed`: the text says "N of the M listed members". */
  membersDiffer: boolean;
  signal: 'buy' | 'sell' | null;
  columnTop: number | null;
  columnBottom: number | null;
  /** Survivorship: membership is today's list. */
  caveat: string;
}

export interface BreadthSection {
  breadth: Record<string, UniverseBreadth>;
  chart: ChartData['breadth'];
}

const cache = new WeakMap<Universe, BullishPercentHistory>();
const supplied = new WeakMap<Universe, () => BullishPercentHistory | undefined>();

/**
 * Supplies the BP history of `universe` computed elsewhere (`market-note facts` computes it in the worker that
 * reads the universe file); `history` must give `bullishPercentHistory(universe)` or undefined (then it is computed).
 */
export function supplyBullishPercent(universe: Universe, history: () => BullishPercentHistory | undefined): void {
  supplied.set(universe, history);
}

/**
 * The universe's daily BP history, computed on first use and cached per `Universe` object.
 * @example bullishPercentOf(loadMarket().universes.SP600).values.length //=> 2834
 */
export function bullishPercentOf(universe: Universe): BullishPercentHistory {
  let h = cache.get(universe);
  if (!h) {
    h = supplied.get(universe)?.() ?? bullishPercentHistory(universe);
    cache.set(universe, h);
  }
  return h;
}

const METHOD =
  "members on a P&F buy signal / members with a signal × 100; each member's chart on closes, traditional scale, " +
  '3-box reversal (methodology §4.1); a member joins the count once its chart has a signal. Column, signal and ' +
  'status come from the BP chart: 2-point boxes on 0–100, 3-box (6-point) reversal counted on the grid (§4.2, §4.3)';

/** How far the BP chart data reaches back (calendar years). */
const CHART_YEARS = 2;

/**
 * Bullish percent facts of the note's universe (`config.roles.universe`) as of `asOf`. Without a universe role
 * or with the universe absent from the market, the section is empty.
 * @example breadthSection(loadMarket(), config, '2025-12-12').breadth.SP600.status //=> 'Bull Confirmed'
 */
export function breadthSection(market: Market, config: NoteConfig, asOf: IsoDate): BreadthSection {
  const key = config.roles.universe;
  const universe = key ? market.universes[key] : undefined;
  if (!key || !universe) return { breadth: {}, chart: undefined };

  const h = bullishPercentOf(universe);
  const caveat =
    `Survivorship bias: ${universe.name} membership is today's list of ${h.universeSize} members, applied to all past dates; ` +
    'members that left the index are missing and members added later count before they joined.';
  const inputs = [`${key} (${universe.file})`];
  const anchor = anchorOnOrBefore({ dates: h.dates, close: h.values }, asOf, DEFAULT_MAX_STALE_DAYS);
  if (anchor.index < 0) {
    return {
      breadth: {
        [key]: {
          bullishPercent: figure<number>(null, { unit: 'percent', to: asOf, inputs, method: METHOD, reason: `bullish percent: ${anchor.reason}` }),
          column: null, status: null, statusSince: null, reversedFrom: null, weekAgo: null, recentLow: null, zone: 'neutral',
          members: 0, membersWithData: 0, membersListed: universe.members.length, membersDiffer: true,
          signal: null, columnTop: null, columnBottom: null, caveat,
        },
      },
      chart: undefined,
    };
  }
  const i = anchor.index;
  const dates = h.dates.slice(0, i + 1);
  const values = h.values.subarray(0, i + 1);
  const chart = bullishPercentChart(dates, values);
  const statuses = bpStatusHistory(chart, dates);
  const first = h.values.findIndex((v) => !Number.isNaN(v));
  const value = values[i];
  const cols = chart.columns;
  const col = cols.at(-1) ?? null;
  const prev = cols.length > 1 ? cols[cols.length - 2] : null;
  const reversedFrom =
    col && prev ? { level: col.type === 'X' ? prev.low : prev.high, date: prev.end, on: col.start } : null;

  const b: UniverseBreadth = {
    bullishPercent: figure(value, { unit: 'percent', from: h.dates[first], to: h.dates[i], inputs, method: METHOD }),
    column: chart.current.column,
    status: statuses[i],
    statusSince: statusSince(dates, statuses, i),
    reversedFrom,
    weekAgo: weekAgoOf(dates, values, previousNoteDate(h.dates[i], DEFAULT_THRESHOLDS)),
    recentLow: recentLowOf(dates, values, monthsBefore(h.dates[i], 6), h.dates[i]),
    zone: bpZone(value),
    members: h.members[i],
    membersWithData: universe.closes.reduce((n, col) => n + (Number.isFinite(col[i]) ? 1 : 0), 0),
    membersListed: universe.members.length,
    membersDiffer: h.members[i] !== universe.members.length,
    signal: chart.current.signal,
    columnTop: col ? col.high : null,
    columnBottom: col ? col.low : null,
    caveat,
  };

  const from = monthsBefore(h.dates[i], 12 * CHART_YEARS);
  const series = { dates: [] as IsoDate[], values: [] as (number | null)[] };
  for (let d = 0; d <= i; d++) {
    if (dates[d] < from) continue;
    series.dates.push(dates[d]);
    series.values.push(Number.isNaN(values[d]) ? null : Math.round(values[d] * 100) / 100);
  }
  return {
    breadth: { [key]: b },
    chart: { universe: key, name: universe.name, series, status: b.status, lower: 30, upper: 70 },
  };
}

/** The last reading on or before `date`. */
function weekAgoOf(dates: IsoDate[], values: ArrayLike<number>, date: IsoDate): UniverseBreadth['weekAgo'] {
  const k = lastIndexOnOrBefore(dates, date);
  return k >= 0 && !Number.isNaN(values[k]) ? { value: values[k], date: dates[k] } : null;
}

/** The lowest reading from `from` to `to`, with the first trading day of that window. */
function recentLowOf(dates: IsoDate[], values: ArrayLike<number>, from: IsoDate, to: IsoDate): UniverseBreadth['recentLow'] {
  const low = lowestBetween(dates, values, from, to);
  const windowFrom = dates.find((d) => d >= from);
  return low && windowFrom ? { ...low, windowFrom } : null;
}
