/**
 * Judgements: every choice of wording the note makes, decided here from the figures (on their printed
 * rounding) with the documented thresholds of ./thresholds.ts. Templates branch on these and on booleans only.
 *
 *   lead      YTD / H1 / H2 comparisons (leader, strength, printed gap), the small-vs-large RS chart
 *   fund      the small-cap fund's P&F signal, trend and high; its RS charts against the market benchmark
 *   breadth   side of the midline, zone, status and how old each reading is
 *   score     who scores higher, the printed gap, the investable bar, score and chart together
 *   rates     the yield's distance from its peak, its own chart, rate sensitivity, rebound risk
 *   seasonal  this year's second half and the streak, the lean of the following years against the noise
 *   ranking   a size-group leader, a tie, or none
 *
 * A group is computed when the facts hold its inputs, so a note without breadth simply has no `breadth` here.
 * Every event carries a recency (new since the previous note / recent / older) and says whether its year may
 * be left out.
 */
import type { WeeklyFacts } from '../types.js';
import { judgeChart, judgeRsPair, type ChartJudgements, type RsPairJudgements } from './chart.js';
import { judgeLead, type LeadJudgements } from './lead.js';
import { previousNoteDate } from './recency.js';
import {
  bpReversal, judgeBreadth, judgeRanking, judgeRates, judgeScore, judgeSeasonal,
  type BreadthJudgements, type H2Record, type RankingJudgement, type RatesJudgements, type ScoreJudgements, type SeasonalLean,
} from './sections.js';
import type { Thresholds } from './thresholds.js';
import { judgeCalendar, judgeEvidence, type Calendar, type Evidence, type Verdict } from './evidence.js';
import { printed } from './round.js';
import type { PnfFacts, RsFacts } from '../sections/pnf.js';
import type { UniverseBreadth } from '../sections/breadth.js';

export { DEFAULT_THRESHOLDS, thresholdsWith, type Thresholds } from './thresholds.js';
export { printedGap } from './round.js';
export { printed };
export type { Recency } from './recency.js';

export interface Judgements {
  /** The previous note's as-of date: events after it are `new`. */
  previousNote: string;
  /** Which year the note asks about; whether the YTD is long enough to lead with. */
  calendar: Calendar;
  /** Each piece of evidence for or against small caps, and the verdict it adds up to. */
  evidence: Evidence[];
  verdict: Verdict;
  /** Levels that would change the view: the small-cap fund's opposite signal and reversal, the RS chart's
   * reversal (as the move of the ratio from here, percent), the bullish percent's reversal. */
  levels: ChangeViewLevels;
  lead: LeadJudgements;
  fund?: ChartJudgements & { rsMarket?: RsPairJudgements };
  breadth?: BreadthJudgements;
  score?: ScoreJudgements;
  rates?: RatesJudgements & { chart?: ChartJudgements };
  seasonal?: { h2: H2Record; lean: SeasonalLean };
  ranking?: RankingJudgement;
}

type FactsWithoutJudgements = Omit<WeeklyFacts, 'judgements' | 'thresholds'>;

export function judgeFacts(f: FactsWithoutJudgements, t: Thresholds): Judgements {
  const { asOf, roles, keys } = f;
  const lead = judgeLead(f.lead, f.rs[keys.rsSmallVsLarge], asOf, t);
  const calendar = judgeCalendar(asOf, f.lead.ytdDays, f.lead.lastYear, t);
  const j: Judgements = { previousNote: previousNoteDate(asOf, t), calendar, lead, evidence: [], verdict: undefined as never, levels: { fund: null, rsNear: null, breadth: null, allConfirm: false, reboundRisk: false, fallRisk: false } };
  const fundPnf = f.pnf[roles.smallFund];
  if (fundPnf) {
    const rsM = f.rs[keys.rsSmallVsMarket];
    j.fund = { ...judgeChart(fundPnf, asOf, t), ...(rsM ? { rsMarket: judgeRsPair(rsM, asOf, t) } : {}) };
  }
  const b = roles.universe ? f.breadth[roles.universe] : undefined;
  if (b) j.breadth = judgeBreadth(b, asOf, t);
  const small = f.score[roles.smallFund];
  const large = f.score[roles.largeFund];
  const gap = f.score.gap?.[keys.scoreGap];
  if (small && large && gap) j.score = judgeScore(small, large, gap, j.fund, asOf, t);
  if (f.rates?.peak) {
    const yieldPnf = f.pnf[roles.yield];
    j.rates = {
      ...judgeRates(f.rates, f.correlation, { small: roles.smallCap, large: roles.largeCap }, asOf, t, yieldPnf),
      ...(yieldPnf ? { chart: judgeChart(yieldPnf, asOf, t) } : {}),
    };
  }
  if (f.seasonal) j.seasonal = judgeSeasonal(f.seasonal, lead.h2, calendar.lastYear.h2, lead.inH2, f.lead.h2Days, asOf, f.charts.seasonal?.rows ?? [], t);
  if (f.ranking) j.ranking = judgeRanking(f.ranking);
  const smallGroup = f.ranking?.sizeGroups.find((g) => g.members.includes(roles.smallFund))?.group ?? null;
  const { evidence, verdict } = judgeEvidence(
    { calendar, lead, fund: j.fund, breadth: j.breadth && b ? { ...j.breadth, column: b.column } : undefined, score: j.score, rates: j.rates, seasonal: j.seasonal, ranking: j.ranking, smallGroup, h2Days: f.lead.h2Days },
    t,
  );
  j.evidence = evidence;
  j.verdict = verdict;
  // a rebound in yields changes a small-against-large view only when small caps are the more tied to falling yields
  // (2022-11-25: "…though large caps have too, about as closely, so it would weigh on both" as a thing that would change the view)
  const reboundRisk = Boolean(j.rates?.reboundRisk) && j.rates?.sensitivity.moreNegative === 'small' && verdict.state !== 'largeLead';
  // and the mirror: rates count for small caps as the yield stands near its high and small caps are the more tied to
  // rising yields, so a fall would go against them (2017-03-24: the yield's chart reversed into Os that week, unsaid)
  const fallRisk = j.rates?.weighing.why === 'risingHigh' && verdict.state !== 'largeLead';
  j.levels = { ...changeViewLevels(fundPnf, f.rs[keys.rsSmallVsMarket], b, verdict.state, t), reboundRisk, fallRisk };
  return j;
}

/**
 * The chart levels that would go against the verdict: only turns toward small caps (a buy signal, a reversal into
 * Xs) against a large-cap lead, only turns away from them against a small-cap lead, either way for a contender
 * (up to a lead, or down). A level that would confirm the view is left out (null). The fund is listed for its
 * signal only (its column is no reading of the evidence): `fund` is null without a signal that goes against the
 * view, and then carries its reversal (`reversalInto`, null when that would confirm the view) for other readers.
 */
export interface ChangeViewLevels {
  fund: { signal: number | null; signalType: 'buy' | 'sell' | null; reversal: number | null; reversalInto: 'X' | 'O' | null } | null;
  /** Percent move of the RS ratio (numerator against benchmark) from here that reverses the near-term RS chart. */
  rsNear: { move: number; moveSize: number; into: 'X' | 'O' } | null;
  /** The bullish percent that reverses its chart (three 2-point boxes back from the column's extreme). */
  breadth: { level: number; into: 'X' | 'O' } | null;
  /** None of the charts' next turns would go against the view (they would all confirm it), though some were found. */
  allConfirm: boolean;
  /**
   * `rates.reboundRisk` where small caps are the more tied to falling yields (a rebound that weighs on both alike, or on
   * large caps more, changes no small-against-large view), unless large caps lead: a headwind for small caps would then
   * confirm the view.
   */
  reboundRisk: boolean;
  /**
   * Rates count for small caps because the yield is near its high and small caps are the more tied to rising yields
   * (`rates.weighing.why` risingHigh): a fall in yields would go against them; unless large caps lead, as above.
   */
  fallRisk: boolean;
}

function changeViewLevels(p: PnfFacts | undefined, rs: RsFacts | undefined, b: UniverseBreadth | undefined, view: Verdict['state'], t: Thresholds): Omit<ChangeViewLevels, 'reboundRisk' | 'fallRisk'> {
  // a turn toward small caps (buy, Xs) changes a large-cap view; a turn away (sell, Os) a small-cap view
  const against = (towardSmall: boolean) => (view === 'contender' ? true : view === 'largeLead' ? towardSmall : !towardSmall);
  const all = p?.levels ?? null;
  const signalType = all?.signalType && against(all.signalType === 'buy') ? all.signalType : null;
  const reversalInto = all?.reversalInto && against(all.reversalInto === 'X') ? all.reversalInto : null;
  // the fund's column is no reading of the evidence (its signal and trend are): a reversal alone changes nothing, so it
  // is given only beside the signal it leads to (2024-01-05: "IWM's chart would reverse into Xs at 196", already on
  // a buy signal with a positive trend, was the only item)
  const fund = all && signalType ? { ...all, signalType, reversalInto } : null;
  const near = rs?.nearTerm;
  const move = near?.reversalDistance ?? null;
  const nearInto = near?.column ? ((near.column === 'X' ? 'O' : 'X') as 'X' | 'O') : null;
  const rsNear = near && move !== null && nearInto && against(nearInto === 'X') ? { move: printed(move, t.returnDecimals), moveSize: Math.abs(printed(move, t.returnDecimals)), into: nearInto } : null;
  const turn = b ? bpReversal(b) : null;
  const breadth = turn && against(turn.into === 'X') ? turn : null;
  const found = Boolean(all?.signalType || (near && move !== null && nearInto) || turn);
  return { fund, rsNear, breadth, allConfirm: found && !fund && !rsNear && !breadth };
}
