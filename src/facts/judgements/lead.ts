import type { IsoDate } from '../../data/types.js';
import { halfComplete, yearComplete } from '../../metrics/calendar.js';
import type { Figure } from '../provenance.js';
import type { RsFacts } from '../sections/pnf.js';
import { recency, type Recency } from './recency.js';
import { direction, printed, printedGap, type Direction } from './round.js';
import type { Thresholds } from './thresholds.js';

export type Side = 'small' | 'large';

/** Small caps against large caps over one period, decided on the printed returns. */
export interface Comparison {
  kind: 'comparison';
  /** ytd, h1, h2 of the as-of year; lastYear and lastH2: the year before (full year, second half). */
  period: 'ytd' | 'h1' | 'h2' | 'lastYear' | 'lastH2' | 'week';
  /** False when either return is missing; every other field is then neutral. */
  available: boolean;
  small: { value: number | null; direction: Direction };
  large: { value: number | null; direction: Direction };
  /** Printed small − printed large, percentage points. */
  gap: number | null;
  /** Absolute printed gap, for "by N points". */
  gapSize: number | null;
  leader: Side | 'tie';
  /** tie: equal as printed; slight: below `slightBelow` pp; clear: below `wideFrom`; wide: from `wideFrom`. */
  strength: 'tie' | 'slight' | 'clear' | 'wide';
  /**
   * A lead under `evidenceMinGap` points: too small to weigh as evidence, so the text does not call it a lead that
   * reverses the first half (2023-12-29: "Small caps lead the second half so far, by 0.1 percentage points,
   * reversing the first half"). False for a tie.
   */
  negligible: boolean;
  sameDirection: boolean;
  /** The period is still running on the as-of date. */
  toDate: boolean;
}

/** @example comparison('ytd', {value: -25.12}, {value: -24.84}, …).gap //=> -0.3 (−25.1 − −24.8) */
export function comparison(period: Comparison['period'], small: Figure, large: Figure, toDate: boolean, t: Thresholds): Comparison {
  const d = t.returnDecimals;
  const s = small.value;
  const l = large.value;
  if (s === null || l === null) {
    return {
      kind: 'comparison', period, available: false, small: { value: s === null ? null : printed(s, d), direction: s === null ? 'flat' : direction(s, d) },
      large: { value: l === null ? null : printed(l, d), direction: l === null ? 'flat' : direction(l, d) },
      gap: null, gapSize: null, leader: 'tie', strength: 'tie', negligible: false, sameDirection: false, toDate,
    };
  }
  const gap = printedGap(s, l, d);
  const size = Math.abs(gap);
  const strength = size === 0 ? 'tie' : size < t.slightBelow ? 'slight' : size < t.wideFrom ? 'clear' : 'wide';
  return {
    kind: 'comparison',
    period,
    available: true,
    small: { value: printed(s, d), direction: direction(s, d) },
    large: { value: printed(l, d), direction: direction(l, d) },
    gap,
    gapSize: size,
    leader: gap > 0 ? 'small' : gap < 0 ? 'large' : 'tie',
    strength,
    negligible: size > 0 && size < t.evidenceMinGap,
    sameDirection: direction(s, d) === direction(l, d),
    toDate,
  };
}

/** Where a relative-strength chart stands: its column, its signal (or none yet) and how long each has stood. */
export interface RsChartJudgement {
  kind: 'rsChart';
  column: 'X' | 'O' | null;
  signal: 'buy' | 'sell' | 'none';
  columnSince: Recency | null;
  /** Since when the chart has been on its signal: the first signal of the current run (`signalSince`), not a repeat. */
  signalDate: Recency | null;
  /**
   * The latest signal of that run when it repeats the first and came lately (`rs.*.latestRepeat`): said beside "since"
   * (2019-06-28: What changed listed "another near-term RS sell signal, given on 24 June", the lead only "on an RS sell
   * signal since September 2014"). Null otherwise.
   */
  repeatDate: Recency | null;
  /** The chart's `closeToReversal` (rs.*.nearTerm / longTerm): the ratio is within a box of reversing the column. */
  closeToReversal: { moveSize: number; lessThan: boolean; into: 'X' | 'O' } | null;
}

export function rsChart(side: RsFacts['nearTerm'], asOf: IsoDate, t: Thresholds): RsChartJudgement {
  return {
    kind: 'rsChart',
    column: side.column,
    signal: side.signal ?? 'none',
    columnSince: recency(side.lastColumnChange, asOf, t),
    signalDate: recency(side.signalSince, asOf, t),
    repeatDate: recency(side.latestRepeat, asOf, t),
    closeToReversal: side.closeToReversal,
  };
}

export interface LeadJudgements {
  ytd: Comparison;
  h1: Comparison;
  h2: Comparison;
  /** The indexes' moves since the previous note (2024-11-15: the Russell 2000's 4% fall went unsaid beside "a new highest box"); null without them. */
  week: Comparison | null;
  /** The as-of date is in the second half: H2 figures are to date. */
  inH2: boolean;
  /** Both halves have a leader (not a tie) and they differ. */
  h2Reversed: boolean;
  /** The near-term RS chart of the small-cap fund against the large-cap fund. */
  rsVsLarge: RsChartJudgement & {
    /** Its column points the other way from the YTD leader (Xs while large caps lead, Os while small caps lead). */
    contrastsYtd: boolean;
  };
}

export function judgeLead(
  returns: { small: { ytd: Figure; h1: Figure; h2: Figure; week?: Figure }; large: { ytd: Figure; h1: Figure; h2: Figure; week?: Figure } },
  rsVsLarge: RsFacts | undefined,
  asOf: IsoDate,
  t: Thresholds,
): LeadJudgements {
  const inH2 = asOf.slice(5) > '06-30';
  // a year or half is over on its last weekday (metrics/calendar.ts): no close of it is still to come
  const year = Number(asOf.slice(0, 4));
  const yearRunning = !yearComplete(year, asOf);
  const ytd = comparison('ytd', returns.small.ytd, returns.large.ytd, yearRunning, t);
  const h1 = comparison('h1', returns.small.h1, returns.large.h1, !halfComplete(year, asOf), t);
  const h2 = comparison('h2', returns.small.h2, returns.large.h2, inH2 && yearRunning, t);
  const week = returns.small.week && returns.large.week ? comparison('week', returns.small.week, returns.large.week, false, t) : null;
  const rs = rsVsLarge ? rsChart(rsVsLarge.nearTerm, asOf, t) : rsChart({ column: null, signal: null, lastColumnChange: null, lastSignalDate: null, signalSince: null, latestRepeat: null, columnNew: false, boxPercent: 0, reversalLevel: null, reversalDistance: null, closeToReversal: null }, asOf, t);
  return {
    ytd,
    h1,
    h2,
    week,
    inH2,
    h2Reversed: inH2 && h1.leader !== 'tie' && h2.leader !== 'tie' && h1.leader !== h2.leader,
    rsVsLarge: {
      ...rs,
      contrastsYtd: (rs.column === 'X' && ytd.leader === 'large') || (rs.column === 'O' && ytd.leader === 'small'),
    },
  };
}
