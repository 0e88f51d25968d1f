/**
 * Judgements of the breadth, score, rates, seasonality and ranking sections: each a small pure function of
 * the section's figures and the thresholds, deciding on the figures as they are printed.
 */
import type { IsoDate } from '../../data/types.js';
import { atWindowEdge, windowEdgeHigh } from '../../metrics/rates.js';
import { BP_CHART_OPTIONS } from '../../metrics/breadth.js';
import type { RankingFacts } from '../sections/ranking.js';
import type { ScoreGap, FundScore } from '../sections/score.js';
import type { UniverseBreadth } from '../sections/breadth.js';
import type { CorrelationSection, RatesFacts, SeasonalFacts } from '../sections/market-stats.js';
import type { ChartData } from '../types.js';
import type { ChartJudgements } from './chart.js';
import type { Comparison } from './lead.js';
import { previousNoteDate, recency, type Recency } from './recency.js';
import { direction, printed, printedAtLeast, printedGap, printedMoveBp, type Direction } from './round.js';
import type { Thresholds } from './thresholds.js';

// ── breadth ────────────────────────────────────────────────────────────────────────────────────────────────

/** Where a bullish percent stands on the field: which side of the midline, and which zone. */
export interface BreadthLevel {
  kind: 'breadthLevel';
  /** The reading as printed, at `decimals` ({@link readingDecimals}); `side` and `zone` are judged at `breadthDecimals`. */
  value: number | null;
  decimals: number;
  side: 'above' | 'below' | 'at';
  zone: 'oversold' | 'middle' | 'overbought';
}

export interface BreadthJudgements {
  level: BreadthLevel;
  status: { kind: 'status'; value: string | null; since: Recency | null };
  /** The box the column reversed from, the day it was reached (`date`) and the day the column reversed (`on`). */
  reversedFrom: { level: number; date: Recency; on: Recency } | null;
  /**
   * `atWindowStart`: the low is within a week of the window's first day, so the reading was rising when the window
   * opened. `shortOfBox`: a low that did not reach the next box down (a box counts only when the reading reaches it),
   * which is given here: in a column of Xs, a low after the day the column of Os before it reached its last box and
   * below that box ("reversed up from the 66% box … its low was 64.1%" reads as a contradiction without it); in a
   * column of Os, a low between its bottom box and the next (62.3% with the column at 64, so it reverses at 70, not 68).
   * `today`: the low is the as-of date's reading ("its low … was 65.7% on 18 August" was printed of the note's own
   * day). `aboveBy`: set when the low and today's reading print alike though the low is an earlier, lower reading
   * ("stands at 56.8% … its low … was 56.8% on 20 July": 56.81 and 56.78): both at `decimals`, the fewest that tell
   * them apart. `matchedToday`: today's reading equals an earlier low exactly (2017-05-26: 73.95 on 22 May and today,
   * "its low … was 74.0% on 22 May" beside "stands at 74.0%").
   */
  recentLow: { level: number; date: Recency; atWindowStart: boolean; shortOfBox: number | null; decimals: number; today: boolean; aboveBy: { reading: number } | null; matchedToday: boolean } | null;
  /**
   * The printed reading is less than one box (2 points) from the level that reverses the column (three boxes back
   * from its extreme, counted on the grid): `points` to go at `breadthDecimals` (`lessThan`: it prints as 0), the
   * level, and the column it would reverse into. Null otherwise. "On offense" 0.2 points from reversing into Os
   * misled without it.
   */
  closeToReversal: { points: number; lessThan: boolean; level: number; into: 'X' | 'O' } | null;
  /**
   * The printed reading moved a box of the chart (2 points) or more since the previous note's reading (printed), or
   * into or out of a zone (overbought, oversold): the direction, the printed difference, and the zone it left or
   * entered. Null otherwise.
   * 2023-02-24: 71.9% to 68.2%, out of the overbought zone, went unsaid.
   */
  weekMove: { direction: 'up' | 'down'; points: number; left: 'overbought' | 'oversold' | null; entered: 'overbought' | 'oversold' | null } | null;
  /**
   * The week went against a correction's column, which the heading says ("…in a column of Xs, but down this week"): a
   * Bear Correction (Xs) whose reading fell (`weekChange`, any size), or a Bull Correction (Os) outside the overbought
   * zone whose reading rose. Closeness to turning then joins with "and", not a second "though" (2022-04-08).
   */
  weekAgainstColumn: boolean;
  /**
   * The week's move of the printed reading, of any size (`weekMove` is a box or more, or across a zone's edge): the
   * breadth paragraph says it every week, and a move against the column heads it (2018-09-28: "Small-cap breadth is
   * bouncing" of a week the reading fell 1.4 points, unsaid under the box). Null when unchanged as printed or unknown.
   */
  weekChange: { direction: 'up' | 'down'; points: number } | null;
  /**
   * The week's move (`weekMove`) went against the column's direction: up in a column of Os, down in a column of Xs.
   * The evidence's gloss then concedes it ("Os (breadth fading, though up 6.9 points this week)": 2016-11-11 said
   * only "breadth fading" of a week the reading rose 6.9 points). Null otherwise.
   */
  weekCounter: { direction: 'up' | 'down'; points: number } | null;
}

export function judgeBreadth(b: UniverseBreadth, asOf: IsoDate, t: Thresholds): BreadthJudgements {
  const v = b.bullishPercent.value;
  const p = v === null ? null : printed(v, t.breadthDecimals);
  const decimals = v === null ? t.breadthDecimals : readingDecimals(v, b, t.breadthDecimals);
  const level: BreadthLevel = {
    kind: 'breadthLevel',
    value: v === null ? null : printed(v, decimals),
    decimals,
    side: p === null || p === t.midline ? 'at' : p > t.midline ? 'above' : 'below',
    zone: p === null ? 'middle' : zoneOf(p, t),
  };
  const r = b.reversedFrom;
  const reached = r ? recency(r.date, asOf, t) : null;
  const on = r ? recency(r.on, asOf, t) : null;
  // the reading a week earlier, as printed
  const before = p === null || !b.weekAgo ? null : printed(b.weekAgo.value, t.breadthDecimals);
  const weekMove = breadthWeek(p, before, t);
  const change = p === null || before === null ? 0 : printed(p - before, t.breadthDecimals);
  const weekChange = change === 0 ? null : { direction: change > 0 ? ('up' as const) : ('down' as const), points: Math.abs(change) };
  return {
    level,
    status: { kind: 'status', value: b.status, since: recency(b.statusSince, asOf, t) },
    reversedFrom: r && reached && on ? { level: r.level, date: reached, on } : null,
    recentLow: recentLowOf(b, asOf, t),
    closeToReversal: breadthTurn(b, p, t),
    weekMove,
    weekChange,
    weekAgainstColumn:
      (b.status === 'Bear Correction' && weekChange?.direction === 'down') || (b.status === 'Bull Correction' && level.zone !== 'overbought' && weekChange?.direction === 'up'),
    weekCounter:
      weekMove && ((b.column === 'O' && weekMove.direction === 'up') || (b.column === 'X' && weekMove.direction === 'down'))
        ? { direction: weekMove.direction, points: weekMove.points }
        : null,
  };
}

/**
 * The decimals a bullish percent prints with: `decimals`, or as many more (up to 4) as keep it from printing as the
 * box its column has not reached, the box below a column of Os or above a column of Xs (2016-11-04: "stands at
 * 62.0%" beside "in a column of Os down to the 64% box", a reading of 62.03 short of the 62% box).
 * @example readingDecimals(62.028, { column: 'O', columnTop: null, columnBottom: 64 }, 1) //=> 2
 */
export function readingDecimals(v: number, b: Pick<UniverseBreadth, 'column' | 'columnTop' | 'columnBottom'>, decimals: number): number {
  const box = BP_CHART_OPTIONS.scale.fixed;
  const unreached = b.column === 'O' && b.columnBottom !== null ? b.columnBottom - box : b.column === 'X' && b.columnTop !== null ? b.columnTop + box : null;
  // a reading at or beyond that box would have reached it: only one short of it can print as it
  if (unreached === null || (b.column === 'O' ? v <= unreached : v >= unreached)) return decimals;
  let d = decimals;
  while (d < 4 && printed(v, d) === unreached) d++;
  return d;
}

/** The zone a printed bullish percent sits in (`breadthLevel.zone`; What changed reads it too). */
export function zoneOf(p: number, t: Pick<Thresholds, 'oversold' | 'overbought'>): 'oversold' | 'overbought' | 'middle' {
  return p < t.oversold ? 'oversold' : p > t.overbought ? 'overbought' : 'middle';
}

function breadthWeek(p: number | null, before: number | null, t: Thresholds): BreadthJudgements['weekMove'] {
  if (p === null || before === null) return null;
  const points = printed(Math.abs(p - before), t.breadthDecimals);
  const [was, now] = [zoneOf(before, t), zoneOf(p, t)];
  // a box or more, or any move into or out of a zone (2023-12-29: 69.1% to 70.1%, into overbought, unsaid)
  if (points < BP_CHART_OPTIONS.scale.fixed && was === now) return null;
  const zone = (z: typeof was) => (was !== now && z !== 'middle' ? z : null);
  return { direction: p > before ? 'up' : 'down', points, left: zone(was), entered: zone(now) };
}

/**
 * The bullish percent that reverses the chart's column (three 2-point boxes back from its extreme, counted on the
 * grid) and the column it would reverse into; null without a column.
 * @example bpReversal({ column: 'X', columnTop: 80, columnBottom: 66 }) //=> { level: 74, into: 'O' }
 */
export function bpReversal(b: Pick<UniverseBreadth, 'column' | 'columnTop' | 'columnBottom'>): { level: number; into: 'X' | 'O' } | null {
  const span = BP_CHART_OPTIONS.scale.fixed * BP_CHART_OPTIONS.reversal;
  return b.column === 'X' && b.columnTop !== null ? { level: b.columnTop - span, into: 'O' }
    : b.column === 'O' && b.columnBottom !== null ? { level: b.columnBottom + span, into: 'X' }
    : null;
}

function breadthTurn(b: UniverseBreadth, p: number | null, t: Thresholds): BreadthJudgements['closeToReversal'] {
  const turn = bpReversal(b);
  if (!turn || p === null) return null;
  const points = printed(turn.into === 'O' ? p - turn.level : turn.level - p, t.breadthDecimals);
  if (points < 0 || points >= BP_CHART_OPTIONS.scale.fixed) return null;
  const toGo = printedAtLeast(points, t.breadthDecimals);
  return { points: toGo.size, lessThan: toGo.lessThan, level: turn.level, into: turn.into };
}

/** The six-month low, dated, and whether it sits on the window's first days (the reading was rising as it opened). */
function recentLowOf(b: UniverseBreadth, asOf: IsoDate, t: Thresholds): BreadthJudgements['recentLow'] {
  const low = b.recentLow;
  const date = low ? recency(low.date, asOf, t) : null;
  if (!low || !date) return null;
  const box = BP_CHART_OPTIONS.scale.fixed;
  const from = b.column === 'X' ? b.reversedFrom : null;
  const bottom = b.column === 'O' ? b.columnBottom : null;
  const short =
    from !== null && low.date >= from.date && low.level < from.level ? from.level - box
    // in a column of Os, a low between its bottom box and the next: the column (and its reversal level) stops at the bottom box
    : bottom !== null && low.level < bottom && low.level > bottom - box ? bottom - box
    : null;
  // printed with one more decimal when one would show the box itself ("62.0%, short of the 62% box": 62.028), and with
  // as many as tell it from today's reading when the two would print alike
  const reading = b.bullishPercent.value;
  const today = low.date === asOf;
  let decimals = short !== null && printed(low.level, t.breadthDecimals) === short ? t.breadthDecimals + 1 : t.breadthDecimals;
  let aboveBy: { reading: number } | null = null;
  if (!today && reading !== null && reading > low.level && printed(reading, decimals) === printed(low.level, decimals)) {
    while (decimals < 4 && printed(reading, decimals) === printed(low.level, decimals)) decimals++;
    aboveBy = { reading };
  }
  return { level: low.level, date, atWindowStart: atWindowEdge(low.date, low.windowFrom), shortOfBox: short, decimals, today, aboveBy, matchedToday: !today && reading === low.level };
}

// ── score ──────────────────────────────────────────────────────────────────────────────────────────────────

export interface ScoreJudgements {
  kind: 'scoreCompare';
  small: { value: number | null; change: number | null; changeSize: number | null; direction: Direction; investable: boolean };
  large: { value: number | null; investable: boolean };
  /** Printed large − printed small. */
  gap: number | null;
  gapSize: number | null;
  /** Which fund scores higher on the printed scores. */
  higher: 'small' | 'large' | 'level' | 'unknown';
  /**
   * The gap (large − small) is at least `scoreNarrowPoints` smaller than six months ago (printed), and has not
   * widened again lately (`reopened`).
   */
  narrowing: boolean;
  /**
   * Large caps lead now and six months ago, on gaps that differ by less than `scoreNarrowPoints` (printed): "little
   * changed", neither narrowing nor widened (2022-11-18: "it has widened over the last six months (from 1.4)" of a
   * 1.6 gap, a chief reason against small caps).
   */
  littleChanged: boolean;
  /** Large caps lead by the same printed gap as six months ago: "the same as six months ago", not "has not narrowed". */
  sameAsBefore: boolean;
  /**
   * Small caps lead now and six months ago: how the printed lead moved. `same`; `little`: by less than
   * `scoreNarrowPoints` and on the same side of `evidenceMinScoreGap`; else `narrower` or `wider`, with `acrossBar` when
   * it crossed that bar (the lead counts for small caps now, or no longer does). 2018-08-24: "by 0.4 points; six months
   * ago the lead was 0.4" left a client to compare; 2017-10-06's 0.6 to 0.4 went unsaid. Null otherwise.
   */
  smallLead: { change: 'same' | 'little' | 'narrower' | 'wider'; acrossBar: boolean } | null;
  /**
   * When the gap is `littleChanged` or a small-cap lead moved `little`: which way, on the printed gaps. The text says
   * "narrower than the 0.8 of six months ago (by less than the 0.5 points that count as narrowing)", never "little
   * changed" (2016-06-24: "little changed from the 0.8 of six months ago" of a gap that had halved to 0.4). Null otherwise.
   */
  littleWay: 'narrower' | 'wider' | null;
  /**
   * Large caps lead now and six months ago, and the printed gap crossed `evidenceMinScoreGap` (the bar under which it
   * counts for neither side) by less than `scoreNarrowPoints`: `up` from under the bar to it or over, `down` the other
   * way. Not then "little changed" (2019-11-15: "little changed from the 0.8 of six months ago" of a 1.2 gap that now
   * counted against small caps). Null otherwise.
   */
  acrossBar: 'up' | 'down' | null;
  /**
   * Large caps lead now and at the previous note's date, and the printed gap moved by `scoreNarrowPoints` or more in
   * the week, or across `evidenceMinScoreGap` (`acrossBar`: it now counts, or no longer does) (`score.gap.*.weekMove`):
   * narrower or wider, by how much, from what. Null otherwise.
   */
  gapWeek: { direction: 'narrower' | 'wider'; size: number; from: number; acrossBar: boolean } | null;
  /**
   * Large caps lead on a gap smaller than six months ago, but it has widened by `scoreReopenPoints` or more from its
   * low of the last two months (printed): `low`, with the latest day it stood there. Not then called narrowing
   * (2024-09-27: "the gap is narrowing" at 2.4 points, up from 2.0 in August). Null otherwise.
   */
  reopened: { low: number; lowSize: number; lowHigher: 'large' | 'level' | 'small'; date: Recency } | null;
  /** Six months (scoreDirectionWindow) earlier, on the printed gap: which fund scored higher and by how much. */
  before: { higher: 'small' | 'large' | 'level' | 'unknown'; gapSize: number | null };
  /** The higher-scoring fund changed sides since then (small ↔ large). */
  leaderChanged: boolean;
  /**
   * With `leaderChanged`, the first day of the run in which the fund now ahead has scored higher, when that run began
   * before the previous note's date: the lead is not this week's news (2019-02-08: "Large caps have edged ahead on the
   * score" of a lead seven weeks old, the change measured against six months before). Null otherwise.
   */
  leaderSince: Recency | null;
  /** Large caps lead by at least `scoreNarrowPoints` more than six months ago on the printed gaps (from level, or from a smaller large-cap lead). */
  widened: boolean;
  /** The gap is the smallest since this date (null: in the available history); worth saying only when `notable`. */
  smallestSince: Recency | null;
  notable: boolean;
  /** Chart signal and score read together. */
  agreement: 'bothPositive' | 'bothCautious' | 'chartOnly' | 'scoreOnly' | 'noSignal';
  /**
   * Why the score counts for neither side in the verdict, when it does (`scoreWeighing`): the printed scores are
   * equal (`level`), the printed gap is under `evidenceMinScoreGap` (`smallGap`), or large caps lead on a narrowing
   * gap (`narrowing`). Null when it counts for one side or a score is missing.
   */
  neutralWhy: 'level' | 'smallGap' | 'narrowing' | null;
}

/**
 * How the score weighs in the verdict (evidence.ts): for small caps when they score higher, against them when
 * large caps do on a gap that is not narrowing, else neither, with the reason the score section gives.
 * @example scoreWeighing({ higher: 'large', gapSize: 2.4, narrowing: true }, DEFAULT_THRESHOLDS) //=> { lean: 'neutral', neutralWhy: 'narrowing' }
 */
export function scoreWeighing(
  s: Pick<ScoreJudgements, 'higher' | 'gapSize' | 'narrowing'>,
  t: Pick<Thresholds, 'evidenceMinScoreGap'>,
): { lean: 'for' | 'against' | 'neutral'; neutralWhy: ScoreJudgements['neutralWhy'] } {
  if (s.higher === 'unknown') return { lean: 'neutral', neutralWhy: null };
  // no gap, or a gap under the bar, is level
  if (s.higher === 'level') return { lean: 'neutral', neutralWhy: 'level' };
  if ((s.gapSize ?? 0) < t.evidenceMinScoreGap) return { lean: 'neutral', neutralWhy: 'smallGap' };
  if (s.higher === 'small') return { lean: 'for', neutralWhy: null };
  // large caps ahead on a narrowing gap: the score is closing, neither for nor against
  return s.narrowing ? { lean: 'neutral', neutralWhy: 'narrowing' } : { lean: 'against', neutralWhy: null };
}

export function judgeScore(small: FundScore, large: FundScore, gap: ScoreGap, chart: ChartJudgements | undefined, asOf: IsoDate, t: Thresholds): ScoreJudgements {
  const d = t.scoreDecimals;
  const s = small.value.value === null ? null : printed(small.value.value, d);
  const l = large.value.value === null ? null : printed(large.value.value, d);
  const ch = small.direction.value === null ? null : printed(small.direction.value, d);
  const g = s === null || l === null ? null : printed(l - s, d);
  const b = gap.before?.value === null || gap.before?.value === undefined ? null : printed(gap.before.value, d);
  const sinceDate = gap.smallestSince.value;
  const since = recency(sinceDate, asOf, t);
  const investable = s !== null && s >= t.investableScore;
  const signal = chart?.signal.state ?? 'none';
  const higher = g === null ? 'unknown' : g > 0 ? 'large' : g < 0 ? 'small' : 'level';
  const low = gap.lowLately?.value ?? null;
  const lowDate = recency(gap.lowLatelyDate?.value ?? null, asOf, t);
  const lowPrinted = low === null ? null : printed(low, d);
  // narrower than six months ago by half a point or more; less is "little changed" (2025-01-10: "narrower than six
  // months ago (3.2) but wider again than the 2.4" of 0.4-point moves both ways)
  const narrowerEnough = gap.narrowing && higher === 'large' && b !== null && g !== null && printed(b - g, d) >= t.scoreNarrowPoints;
  const reopened =
    narrowerEnough && g !== null && lowPrinted !== null && lowDate !== null && printed(g - lowPrinted, d) >= t.scoreReopenPoints
      ? { low: lowPrinted, lowSize: Math.abs(lowPrinted), lowHigher: lowPrinted > 0 ? ('large' as const) : lowPrinted < 0 ? ('small' as const) : ('level' as const), date: lowDate }
      : null;
  const narrower = gap.narrowing && reopened === null && higher === 'large' && b !== null && g !== null;
  const narrowing = narrowerEnough && reopened === null;
  const bar = t.evidenceMinScoreGap;
  const acrossBar =
    b === null || g === null || b <= 0 || g <= 0 || printed(Math.abs(g - b), d) >= t.scoreNarrowPoints ? null : b < bar && g >= bar ? 'up' : g < bar && b >= bar ? 'down' : null;
  const weekFrom = gap.weekMove ? printed(gap.weekMove.from, d) : null;
  const weekSize = weekFrom === null || g === null ? 0 : printed(Math.abs(g - weekFrom), d);
  const weekAcross = weekFrom !== null && g !== null && weekFrom < bar !== g < bar;
  const gapWeek =
    weekFrom !== null && g !== null && weekFrom > 0 && g > 0 && weekSize > 0 && (weekSize >= t.scoreNarrowPoints || weekAcross)
      ? { direction: g < weekFrom ? ('narrower' as const) : ('wider' as const), size: weekSize, from: weekFrom, acrossBar: weekAcross }
      : null;
  const smallLead = smallLeadMove(g, b, t);
  const leaderChanged = b !== null && g !== null && ((b > 0 && g < 0) || (b < 0 && g > 0));
  const runFrom = gap.leaderSince?.value ?? null;
  // narrower by less than the bar, or wider by less than it, and not across the bar of evidenceMinScoreGap
  const littleChanged = acrossBar === null && (narrower ? !narrowing : b !== null && g !== null && g > 0 && b > 0 && g > b && printed(g - b, d) < t.scoreNarrowPoints);
  return {
    kind: 'scoreCompare',
    small: { value: s, change: ch, changeSize: ch === null ? null : Math.abs(ch), direction: ch === null ? 'flat' : direction(ch, d), investable },
    large: { value: l, investable: l !== null && l >= t.investableScore },
    gap: g,
    gapSize: g === null ? null : Math.abs(g),
    higher,
    narrowing,
    sameAsBefore: b !== null && g !== null && g > 0 && b === g,
    smallLead,
    littleChanged,
    littleWay: (littleChanged || smallLead?.change === 'little') && g !== null && b !== null ? (Math.abs(g) < Math.abs(b) ? 'narrower' : 'wider') : null,
    acrossBar,
    gapWeek,
    reopened,
    before: { higher: b === null ? 'unknown' : b > 0 ? 'large' : b < 0 ? 'small' : 'level', gapSize: b === null ? null : Math.abs(b) },
    leaderChanged,
    leaderSince: leaderChanged && runFrom !== null && runFrom <= previousNoteDate(asOf, t) ? recency(runFrom, asOf, t) : null,
    widened: b !== null && g !== null && g > 0 && b >= 0 && printed(g - b, d) >= t.scoreNarrowPoints,
    smallestSince: since,
    notable: g !== null && (since === null || since.days >= t.notableSinceDays),
    agreement: signal === 'none' ? 'noSignal' : signal === 'buy' ? (investable ? 'bothPositive' : 'chartOnly') : investable ? 'scoreOnly' : 'bothCautious',
    neutralWhy: scoreWeighing({ higher, gapSize: g === null ? null : Math.abs(g), narrowing }, t).neutralWhy,
  };
}

/** How a small-cap score lead moved over six months ({@link ScoreJudgements.smallLead}); gaps are large minus small, printed. */
export function smallLeadMove(g: number | null, b: number | null, t: Pick<Thresholds, 'scoreDecimals' | 'scoreNarrowPoints' | 'evidenceMinScoreGap'>): ScoreJudgements['smallLead'] {
  if (g === null || b === null || g >= 0 || b >= 0) return null;
  const [now, then] = [-g, -b];
  const acrossBar = now >= t.evidenceMinScoreGap !== then >= t.evidenceMinScoreGap;
  const size = printed(Math.abs(now - then), t.scoreDecimals);
  const change = size === 0 ? 'same' : size < t.scoreNarrowPoints && !acrossBar ? 'little' : now < then ? 'narrower' : 'wider';
  return { change, acrossBar };
}

// ── rates ──────────────────────────────────────────────────────────────────────────────────────────────────

export interface RatePeakJudgement {
  kind: 'ratePeak';
  /** falling: at least `fallingBp` below the peak as printed; atPeak: 0 bp from it; nearPeak: in between. */
  state: 'falling' | 'nearPeak' | 'atPeak' | 'none';
  changeBp: number | null;
  changeSize: number | null;
  date: Recency | null;
  /** The high sits in the trailing window's first month and the yield closed as high or higher in the month before
   * the window opened (`rates.peak.priorHigh`): a bounce in a fall that began before the window, so the "peak" is
   * the window's edge, not a turning point (`windowEdgeHigh`). */
  atWindowStart: boolean;
  /** Up at least `weekRiseBp` this week (as printed, whole bp), wherever the yield stands against its peak: the text
   * says so (off the peak it qualifies "fallen from its peak"; at or near it, it is the move that carried it there). */
  weekRise: boolean;
  /** Down at least `weekRiseBp` this week (as printed): said as a rise is (2023-07-14: 23 bp of a 41 bp fall unsaid). */
  weekFall: boolean;
  /**
   * The week's move as printed in whole bp, whatever its size (the rates paragraph says it every week; 2020-07-10: a
   * 4 bp fall on a yield of 0.63% went unsaid under `weekRiseBp`, which other weeks' notes print); null when unknown.
   */
  weekMove: 'up' | 'down' | 'flat' | null;
  /**
   * At the high as printed (`atPeak`), but the close is below a high set on an earlier day, by less than a basis point:
   * said, so "stands at its high … set on 22 January" does not read as a new high (2018-01-26: 2.662% against 2.665%).
   */
  closeBelow: boolean;
  small: Direction;
  large: Direction;
  /**
   * The trading days since a peak set on or after the previous note's date, below which the yield now stands: the
   * returns "since the peak" span only those days, and the text says so ("In the 3 trading days since the peak …");
   * null for an older peak, or at it.
   */
  shortSince: number | null;
}

export interface SensitivityJudgement {
  kind: 'sensitivity';
  small: { value: number | null; reading: Reading };
  large: { value: number | null; reading: Reading };
  /** Which correlation is more negative (moves more against yields), or similar within `correlationDifference`. */
  moreNegative: 'small' | 'large' | 'similar';
  /** How the more negative of the two reads: only `fallingHelps` makes it "the more tied to falling yields";
   * otherwise it is merely "the less tied to rising yields". Null when the two are similar. */
  moreNegativeReading: Reading | null;
  /**
   * Similar correlations that read differently only because one of them just clears `weakCorrelation`: the side
   * that clears it and its reading, when the other lies on the same side of zero (so both lean the same way, one a
   * little less). Null otherwise. Keeps a note from contrasting two correlations its figure calls similar.
   */
  closeLean: { side: 'small' | 'large'; reading: Reading } | null;
  /**
   * Which one-year average is more negative, by the same rule at the printed decimals, when that differs from
   * `moreNegative`: the window's difference is not the year's (2023-06-23: 0.18 and 0.28, "small caps are the more
   * tied to rising yields", beside one-year averages of −0.15 and −0.15). Null when they agree or one is missing.
   */
  yearDiffers: 'small' | 'large' | 'similar' | null;
}

/** fallingHelps: r ≤ −weak (the index tends to rise when yields fall); risingHelps: r ≥ weak; weak: in between. */
type Reading = 'fallingHelps' | 'risingHelps' | 'weak';

export interface RatesJudgements {
  peak: RatePeakJudgement;
  sensitivity: SensitivityJudgement;
  /**
   * The day of the yield's last close when it is before the note's date, else null: the yield's market was shut on the
   * note's day while stocks traded (2022-11-11, Veterans Day: the yield's figures are Thursday's), or its file ends
   * earlier. The rates paragraph dates the yield's figures then.
   */
  lastClose: IsoDate | null;
  /** Yields are off their peak, small caps rose since, and they move against yields: a rebound in yields would hurt. */
  reboundRisk: boolean;
  /**
   * The yield's own P&F chart says it is rising: a buy signal, in a column of Xs. Off the peak, the fall is then
   * behind it: the reading no longer counts for small caps, and a rebound is one under way, not one to come.
   */
  rising: boolean;
  /**
   * How rates weigh in the evidence, and why (the rate sensitivity paragraph says it; 2024-02-16's verdict hardened on
   * rates turning neutral with no sentence in the body saying so). The reading is relative, as the question is: where
   * the two correlations differ (`moreNegative`, by `correlationDifference` or more as printed) and at least one is a
   * tie to yields (not `weak`), the index with the more negative correlation gains on the other when yields fall.
   * Small caps the more negative (`fallingTied`: "the more tied to falling yields", or "less tied to rising yields"
   * than large caps, `how`): a yield falling from its peak counts for them (`falling`), one near or at its high
   * against (`nearHigh`). Small caps the more positive (`risingTied`): the other way round (`risingHigh` for,
   * `risingFalling` against; 2020-03-06: 0.53 against 0.39 with the yield 168 bp below its high had counted for neither
   * side; 2020-04-03: 0.31 against 0.42, large caps the more tied to rising yields as the yield fell 153 bp).
   * Neutral while the yield is falling but its own chart is rising (`risingChart`: the fall is behind it), when the
   * correlations are similar or both weak (`notTied`), without a peak (`noPeak`), or when the two indexes' returns since
   * the yield's high went against the lean (`notBorneOut`: the fall said to favour small caps while they did worse than
   * large caps since the high by `evidenceMinGap` points or more as printed, or to favour large caps while small caps did
   * better by as much; 2020-05-15: 0.33 against 0.44, counted for small caps as the Russell 2000 fell 20.7% against the
   * S&P 500's 5.0% since the high). Only off the high: near it, the weeks since the high are weeks of yields easing, not
   * the reading's test (`sinceHighAgainst` says so when they went against its side; `narrowlyAgainst`, off the high, when
   * they went against it by less than the bar).
   */
  weighing: {
    kind: 'ratesWeighing';
    lean: 'for' | 'against' | 'neutral';
    tie: 'fallingTied' | 'risingTied' | null;
    how: 'moreFalling' | 'lessRising' | 'moreRising' | 'lessFalling' | null;
    why: 'falling' | 'nearHigh' | 'risingHigh' | 'risingFalling' | 'risingChart' | 'notTied' | 'noPeak' | 'notBorneOut';
    /**
     * The yield is near its high (below it) and the two indexes' returns since the high went against the side the reading
     * counts for, by any printed margin (2017-01-13: 0.6% against 0.7%, between weeks that said it): the note says the reading weighs where the yield stands, not the
     * weeks since its high (2017-11-10: "rates count for small caps", the yield 21 bp below its high, beside the Russell
     * 2000 up 7.7% against the S&P 500's 8.8% since the high). Near the high those weeks are not the reading's test:
     * counting them for neither side (reading 69) turned weeks of easing yields, in which the tie has small caps trail,
     * into a contradiction (reading 70).
     */
    sinceHighAgainst: boolean;
    /**
     * Off the high, the reading counts for a side the returns since the high went against by less than `evidenceMinGap`
     * as printed (not zero): the note says so, as the bar lets the reading stand (2024-07-19: rates counted for small caps
     * beside the Russell 2000's 28.3% against the S&P 500's 28.7% since the high, and nothing said they still trailed).
     */
    narrowlyAgainst: boolean;
  };
}

/**
 * Which of two returns since the yield's high is ahead by at least `minGap` points on the printed figures (`decimals`):
 * 'level' within it (the bar below which a return lead is no evidence, `evidenceMinGap`: a tenth of a point is noise,
 * reading 68), null when one is missing.
 */
export function betterSinceHigh(small: number | null, large: number | null, decimals: number, minGap: number): 'small' | 'large' | 'level' | null {
  if (small === null || large === null) return null;
  const gap = printedGap(small, large, decimals);
  return Math.abs(gap) < minGap ? 'level' : gap > 0 ? 'small' : 'large';
}

/** How rates weigh in the evidence ({@link RatesJudgements.weighing}). */
export function ratesWeighing(
  peak: Pick<RatePeakJudgement, 'state'>,
  sensitivity: Pick<SensitivityJudgement, 'small' | 'large' | 'moreNegative'>,
  rising: boolean,
  /** Which index did better since the yield's high ({@link betterSinceHigh}: 'level' within `evidenceMinGap`; null: unknown). */
  sinceHigh: 'small' | 'large' | 'level' | null = null,
  /** Small caps' return since the high less large caps', as printed (null: unknown): the sign of a 'level' gap. */
  sinceGap: number | null = null,
): RatesJudgements['weighing'] {
  const { small, large, moreNegative } = sensitivity;
  const tied = small.reading !== 'weak' || large.reading !== 'weak';
  const tie = !tied ? null : moreNegative === 'small' ? 'fallingTied' : moreNegative === 'large' ? 'risingTied' : null;
  const how =
    tie === 'fallingTied' ? (small.reading === 'fallingHelps' ? 'moreFalling' : 'lessRising')
      : tie === 'risingTied' ? (small.reading === 'risingHelps' ? 'moreRising' : 'lessFalling')
      : null;
  const off = peak.state === 'falling';
  const reading: RatesJudgements['weighing']['why'] =
    tie === null ? 'notTied'
      : peak.state === 'none' ? 'noPeak'
      : off && rising ? 'risingChart'
      : tie === 'fallingTied' ? (off ? 'falling' : 'nearHigh')
      : off ? 'risingFalling' : 'risingHigh';
  const leanOf = (w: RatesJudgements['weighing']['why']) =>
    w === 'falling' || w === 'risingHigh' ? ('for' as const) : w === 'nearHigh' || w === 'risingFalling' ? ('against' as const) : ('neutral' as const);
  // off the high, the weeks since it are the fall the reading speaks of: a side the record since then went against (small
  // caps behind while the fall is said to favour them, ahead while it is said to favour large caps) is not borne out
  const notBorneOut = off && ((leanOf(reading) === 'for' && sinceHigh === 'large') || (leanOf(reading) === 'against' && sinceHigh === 'small'));
  const why = notBorneOut ? 'notBorneOut' : reading;
  const lean = leanOf(why);
  // near the high (below it) the weeks since it are not the reading's test: a record against its side is said, not weighed
  const againstLean = sinceGap !== null && ((lean === 'for' && sinceGap < 0) || (lean === 'against' && sinceGap > 0));
  const sinceHighAgainst = peak.state === 'nearPeak' && againstLean;
  const narrowlyAgainst = off && sinceHigh === 'level' && againstLean;
  return { kind: 'ratesWeighing', lean, tie, how, why, sinceHighAgainst, narrowlyAgainst };
}

export function judgeRates(
  rates: RatesFacts,
  corr: CorrelationSection,
  keys: { small: string; large: string },
  asOf: IsoDate,
  t: Thresholds,
  yieldChart?: { signal: 'buy' | 'sell' | null; column: 'X' | 'O' | null },
): RatesJudgements {
  const p = rates.peak;
  // the move the note prints beside the two yields it prints: their difference as printed ("1.75% … 1.65%": 10 bp)
  const bp =
    p.changeBp.value === null ? null : p.current.value !== null && p.level.value !== null ? printedMoveBp(p.current.value, p.level.value, t.yieldDecimals) : printed(p.changeBp.value, 0);
  const rs = (k: string) => {
    const f = p.returnSince?.[k];
    return f && f.value !== null ? direction(f.value, t.returnDecimals) : 'flat';
  };
  const state: RatePeakJudgement['state'] = bp === null || p.level.value === null ? 'none' : bp <= -t.fallingBp ? 'falling' : bp === 0 ? 'atPeak' : 'nearPeak';
  const week = rates.weekChangeBp?.value ?? null;
  const peak: RatePeakJudgement = {
    kind: 'ratePeak',
    state,
    changeBp: bp,
    changeSize: bp === null ? null : Math.abs(bp),
    date: recency(p.date.value, asOf, t),
    atWindowStart:
      p.date.value !== null && p.date.from !== null && p.level.value !== null &&
      windowEdgeHigh({ date: p.date.value, from: p.date.from, level: p.level.value, priorHigh: p.priorHigh?.value ?? null }),
    weekRise: state !== 'none' && week !== null && printed(week, 0) >= t.weekRiseBp,
    weekFall: state !== 'none' && week !== null && printed(week, 0) <= -t.weekRiseBp,
    weekMove: week === null ? null : printed(week, 0) > 0 ? 'up' : printed(week, 0) < 0 ? 'down' : 'flat',
    closeBelow: state === 'atPeak' && p.current.value !== null && p.level.value !== null && p.current.value < p.level.value && p.date.value !== null && p.date.value !== p.current.to,
    small: rs(keys.small),
    large: rs(keys.large),
    shortSince:
      state !== 'none' && state !== 'atPeak' && p.date.value !== null && p.date.value >= previousNoteDate(asOf, t) && p.tradingDays?.value != null ? p.tradingDays.value : null,
  };
  const read = (k: string) => {
    const c = corr[k] as { latest?: { value: number | null } } | undefined;
    const v = c?.latest?.value ?? null;
    const pv = v === null ? null : printed(v, t.correlationDecimals);
    const reading: Reading = pv === null ? 'weak' : pv <= -t.weakCorrelation ? 'fallingHelps' : pv >= t.weakCorrelation ? 'risingHelps' : 'weak';
    return { value: pv, reading };
  };
  const small = read(keys.small);
  const large = read(keys.large);
  const moreNegativeOf = (a: number, b: number) => {
    const diff = printed(a - b, t.correlationDecimals);
    return Math.abs(diff) < t.correlationDifference ? ('similar' as const) : diff < 0 ? ('small' as const) : ('large' as const);
  };
  const yearAverage = (k: string) => {
    const v = (corr[k] as { mean252?: { value: number | null } } | undefined)?.mean252?.value ?? null;
    return v === null ? null : printed(v, t.correlationDecimals);
  };
  const [ys, yl] = [yearAverage(keys.small), yearAverage(keys.large)];
  const moreNegative = small.value === null || large.value === null ? 'similar' : moreNegativeOf(small.value, large.value);
  const yearMore = ys === null || yl === null || small.value === null || large.value === null ? null : moreNegativeOf(ys, yl);
  const sensitivity: SensitivityJudgement = {
    kind: 'sensitivity',
    small,
    large,
    moreNegative,
    moreNegativeReading: null,
    closeLean: null,
    yearDiffers: yearMore !== null && yearMore !== moreNegative ? yearMore : null,
  };
  const [sinceSmall, sinceLarge] = [p.returnSince?.[keys.small]?.value ?? null, p.returnSince?.[keys.large]?.value ?? null];
  if (sensitivity.moreNegative !== 'similar') sensitivity.moreNegativeReading = sensitivity[sensitivity.moreNegative].reading;
  else if ((small.reading === 'weak') !== (large.reading === 'weak')) {
    // one clears the bar, the other does not: the same lean when the weaker one sits on the same side of zero
    const side = small.reading === 'weak' ? 'large' : 'small';
    const [strong, weak] = side === 'small' ? [small, large] : [large, small];
    if (strong.value !== null && weak.value !== null && weak.value !== 0 && Math.sign(weak.value) === Math.sign(strong.value)) sensitivity.closeLean = { side, reading: strong.reading };
  }
  const rising = yieldChart?.signal === 'buy' && yieldChart.column === 'X';
  return {
    peak,
    sensitivity,
    lastClose: p.current.value !== null && p.current.to !== null && p.current.to < asOf ? p.current.to : null,
    reboundRisk: peak.state === 'falling' && peak.small === 'up' && small.reading === 'fallingHelps',
    rising,
    weighing: ratesWeighing(peak, sensitivity, rising, betterSinceHigh(sinceSmall, sinceLarge, t.returnDecimals, t.evidenceMinGap), sinceSmall === null || sinceLarge === null ? null : printedGap(sinceSmall, sinceLarge, t.returnDecimals)),
  };
}

// ── seasonality ────────────────────────────────────────────────────────────────────────────────────────────

export interface H2Record {
  kind: 'h2Record';
  /** streak: two or more wins in a row; won: small caps won the latest (this year's to date, or last year's);
   * lost: large caps lead this year's or won last year's; level: this year's is level as printed, or led by less than
   * `evidenceMinGap` (`negligible`, as the lead says: "too little to count either way"); unknown: no data. */
  state: 'streak' | 'won' | 'lost' | 'level' | 'unknown';
  /** This year's second half to date (null before July): who leads on the printed H2 returns. */
  current: 'small' | 'large' | 'tie' | null;
  /**
   * This year's second half so far is led by less than `evidenceMinGap` (2017-11-24: the lead's "by only 0.1
   * percentage points, too little to count either way" beside "Large caps lead this year's second half"): level, and
   * not counted in the streak.
   */
  negligible: boolean;
  /** Consecutive second halves won by small caps, counting this year's only when small caps lead it as printed, by enough to count. */
  streak: number;
  streakYears: number[];
  includesCurrent: boolean;
  /** This year's second half has run fewer than `minYtdDays` trading days: too short to read, so it is not counted
   * (`current` is null) and the record reads the second halves already completed. */
  early: boolean;
  /**
   * Completed second halves of the streak that small caps won by less than `evidenceMinGap` (percentage points, as
   * printed), oldest first: won, so counted, but by a margin the note calls too small to count in this year's half,
   * and said with the streak (2024-08-02: "three consecutive years (2022, 2023 and 2024)" with 2023's won 7.3% to 7.2%).
   */
  narrowWins: { year: number; gap: number }[];
}

export interface SeasonalLean {
  kind: 'seasonalLean';
  /** beat: next years did better after an H2 win; lag: after an H2 loss; none: the difference is within the noise. */
  state: 'beat' | 'lag' | 'none';
  /** Mean after a win − mean after a loss, and its standard error (percentage points). */
  meanDiff: number | null;
  noise: number | null;
  /** The medians point the same way as the means. */
  mediansAgree: boolean;
  /** The years that followed a second-half win (Y + 1 for each win year Y). */
  yearsAfterWin: number[];
}

export function judgeSeasonal(s: SeasonalFacts, h2: Comparison, lastH2: Comparison, inH2: boolean, h2Days: number, asOf: IsoDate, rows: NonNullable<ChartData['seasonal']>['rows'], t: Thresholds): { h2: H2Record; lean: SeasonalLean } {
  const year = Number(asOf.slice(0, 4));
  const years = s.h2StreakYears;
  const counted = years.includes(year);
  const early = inH2 && h2Days < t.minYtdDays;
  const current = inH2 && !early ? (h2.available ? h2.leader : null) : null;
  const negligible = (current === 'small' || current === 'large') && h2.negligible;
  // a second half too young to count: the record of the completed ones (the streak through last year)
  const keep = early ? s.h2StreakCompletedYears : (current === 'small' && !negligible) || !counted ? years : years.filter((y) => y !== year);
  const h2State: H2Record['state'] =
    inH2 && !early && current === null ? 'unknown' : current === 'tie' || negligible ? 'level' : keep.length >= 2 ? 'streak' : keep.length === 1 ? 'won' : 'lost';
  // last year's margin as the calendar prints it; older years' from the sample's rows (every one has a complete year after it)
  const marginOf = (y: number): number | null => {
    if (y === year - 1) return lastH2.gapSize;
    const row = rows.find((r) => r.year === y);
    return row ? Math.abs(printed(row.h2Diff, t.returnDecimals)) : null;
  };
  const narrowWins = keep.flatMap((y) => {
    const gap = y === year ? null : marginOf(y);
    return gap !== null && gap < t.evidenceMinGap ? [{ year: y, gap }] : [];
  });
  const h2Record: H2Record = { kind: 'h2Record', state: h2State, current, negligible, streak: keep.length, streakYears: keep, includesCurrent: keep.includes(year), early, narrowWins };

  const beat = rows.filter((r) => r.beat).map((r) => r.nextYear);
  const lag = rows.filter((r) => !r.beat).map((r) => r.nextYear);
  const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
  const variance = (a: number[]) => { const m = mean(a); return a.reduce((x, y) => x + (y - m) ** 2, 0) / (a.length - 1); };
  let state: SeasonalLean['state'] = 'none';
  let meanDiff: number | null = null;
  let noise: number | null = null;
  let mediansAgree = false;
  if (beat.length >= 2 && lag.length >= 2) {
    // Decided and printed on the class means as the note prints them (one decimal).
    meanDiff = printedGap(mean(beat), mean(lag), t.returnDecimals);
    noise = printed(Math.sqrt(variance(beat) / beat.length + variance(lag) / lag.length), t.returnDecimals);
    if (Math.abs(meanDiff) > t.seasonalNoiseMultiple * noise) state = meanDiff > 0 ? 'beat' : 'lag';
    const mb = s.nextYear.afterH2Beat.median.value;
    const ml = s.nextYear.afterH2Lag.median.value;
    mediansAgree = mb !== null && ml !== null && Math.sign(mb - ml) === Math.sign(meanDiff);
  }
  return {
    h2: h2Record,
    lean: { kind: 'seasonalLean', state, meanDiff, noise, mediansAgree, yearsAfterWin: s.nextYear.afterH2Beat.years.map((y) => y + 1) },
  };
}

// ── ranking ────────────────────────────────────────────────────────────────────────────────────────────────

export interface RankingJudgement {
  kind: 'ranking';
  /** leader: one group holds strictly the most RS buy signals; tie: two or more share the most; none: no group holds any. */
  state: 'leader' | 'tie' | 'none';
  leader: string | null;
  tied: string[];
  topTally: number;
  /** Among tied groups, the one with strictly the most charts in Xs (a secondary reading), else null. */
  mostInXs: string | null;
  /** Proxies per size group, when every group has the same number. */
  proxiesPerGroup: number | null;
}

export function judgeRanking(r: RankingFacts): RankingJudgement {
  const g = r.sizeGroups;
  const top = g.length ? Math.max(...g.map((x) => x.tally)) : 0;
  const first = g.filter((x) => x.tally === top);
  const sizes = new Set(g.map((x) => x.members.length));
  const state = g.length === 0 || top === 0 ? 'none' : first.length === 1 ? 'leader' : 'tie';
  let mostInXs: string | null = null;
  if (state === 'tie') {
    const bestX = Math.max(...first.map((x) => x.xrank));
    const withBest = first.filter((x) => x.xrank === bestX);
    mostInXs = withBest.length === 1 ? withBest[0].group : null;
  }
  return {
    kind: 'ranking',
    state,
    leader: state === 'leader' ? first[0].group : null,
    tied: state === 'tie' ? first.map((x) => x.group) : [],
    topTally: top,
    mostInXs,
    proxiesPerGroup: sizes.size === 1 && g.length ? g[0].members.length : null,
  };
}
