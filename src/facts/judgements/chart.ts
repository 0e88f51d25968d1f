import type { IsoDate } from '../../data/types.js';
import type { PnfFacts, RsFacts } from '../sections/pnf.js';
import { rsChart, type RsChartJudgement } from './lead.js';
import { previousNoteDate, recency, type Recency } from './recency.js';
import type { Thresholds } from './thresholds.js';

/** A P&F chart's signal: buy, sell or none yet, with its run and how old it is. */
export interface SignalJudgement {
  kind: 'signal';
  state: 'buy' | 'sell' | 'none';
  /** Signals in a row of the same kind (1 = the first after the opposite kind). */
  consecutive: number;
  /** More than one signal of this kind in a row. */
  repeated: boolean;
  /** The run of opposite signals before this run, when there was one (`single`: a run of one). */
  previous: { state: 'buy' | 'sell'; count: number; single: boolean } | null;
  pattern: string | null;
  level: number | null;
  date: Recency | null;
}

/** The chart's trend line: which side of it the chart trades on, and since when. */
export interface TrendJudgement {
  kind: 'trend';
  state: 'positive' | 'negative' | 'none';
  since: Recency | null;
  /**
   * The trend flipped within the last ten trading days (the P&F facts' `trendFlippedRecently`): only then does a note
   * say the trend "turned" (2024-09-27: "Its trend turned negative on 11 July", twelve weeks on, read as the week's news).
   */
  turned: boolean;
}

/**
 * The chart against its all-time high: `new` when the highest box was first printed after the previous note,
 * `at` when the current column still stands at an older high, `below` otherwise.
 */
export interface HighJudgement {
  kind: 'high';
  state: 'new' | 'at' | 'below';
  level: number | null;
  date: Recency | null;
  /** A later column reached the same highest box (`pnf.*.highestBoxAgain`): when it last did. */
  again: Recency | null;
}

export interface ChartJudgements {
  signal: SignalJudgement;
  trend: TrendJudgement;
  high: HighJudgement;
  /** The current column runs against the signal: Os within a buy signal (a pullback), Xs within a sell (a bounce). */
  columnAgainstSignal: 'pullback' | 'bounce' | null;
  /** Since when the current column has stood (a bounce begun this week reads otherwise than one of months). */
  columnSince: Recency | null;
  /**
   * Two or more columns began since the previous note's date: each, in order, with its day (`twice`: exactly two).
   * The body says the week's reversals, as What changed does (2024-02-16: "into Os on 13 February and back into Xs
   * on 15 February" in What changed, only the net column in the text). Null otherwise.
   */
  weekColumns: { count: number; twice: boolean; columns: { column: 'X' | 'O'; since: Recency; last: boolean }[] } | null;
}

export function judgeChart(p: PnfFacts, asOf: IsoDate, t: Thresholds): ChartJudgements {
  const signalState = p.signal ?? 'none';
  const highDate = recency(p.highestBoxDate, asOf, t);
  return {
    signal: {
      kind: 'signal',
      state: signalState,
      consecutive: p.signal ? p.consecutiveSignals : 0,
      repeated: p.signal !== null && p.consecutiveSignals > 1,
      previous: p.previousRun ? { state: p.previousRun.signal, count: p.previousRun.count, single: p.previousRun.count === 1 } : null,
      pattern: p.lastPattern,
      level: p.breakoutLevel,
      date: recency(p.lastSignalDate, asOf, t),
    },
    trend: { kind: 'trend', state: p.trend ?? 'none', since: recency(p.trendSince, asOf, t), turned: p.trend !== null && p.trendFlippedRecently },
    high: {
      kind: 'high',
      state: p.atAllTimeHigh ? (highDate?.age === 'new' ? 'new' : 'at') : 'below',
      level: p.highestBox,
      date: highDate,
      again: recency(p.highestBoxAgain ?? null, asOf, t),
    },
    columnAgainstSignal:
      p.signal === 'buy' && p.column === 'O' ? 'pullback' : p.signal === 'sell' && p.column === 'X' ? 'bounce' : null,
    columnSince: recency(p.columnSince, asOf, t),
    weekColumns: weekColumnsOf(p, asOf, t),
  };
}

function weekColumnsOf(p: PnfFacts, asOf: IsoDate, t: Thresholds): ChartJudgements['weekColumns'] {
  const prev = previousNoteDate(asOf, t);
  const began = (p.recentColumns ?? []).filter((c) => c.since > prev && c.since <= asOf);
  if (began.length < 2) return null;
  return { count: began.length, twice: began.length === 2, columns: began.map((c, i) => ({ column: c.column, since: recency(c.since, asOf, t)!, last: i === began.length - 1 })) };
}

export interface RsPairJudgements {
  near: RsChartJudgement;
  long: RsChartJudgement;
  /** Near-term chart in Xs while the long-term chart is on a sell signal: the improvement is near-term only. */
  nearOnly: boolean;
}

export function judgeRsPair(rs: RsFacts, asOf: IsoDate, t: Thresholds): RsPairJudgements {
  const near = rsChart(rs.nearTerm, asOf, t);
  const long = rsChart(rs.longTerm, asOf, t);
  return { near, long, nearOnly: near.column === 'X' && long.signal === 'sell' };
}
