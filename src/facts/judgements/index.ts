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
  judgeBreadth, judgeRanking, judgeRates, judgeScore, judgeSeasonal,
  type BreadthJudgements, type H2Record, type RankingJudgement, type RatesJudgements, type ScoreJudgements, type SeasonalLean,
} from './sections.js';
import type { Thresholds } from './thresholds.js';

export { DEFAULT_THRESHOLDS, thresholdsWith, type Thresholds } from './thresholds.js';
export { printed, printedGap } from './round.js';
export type { Recency } from './recency.js';

export interface Judgements {
  /** The previous note's as-of date: events after it are `new`. */
  previousNote: string;
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
  const j: Judgements = { previousNote: previousNoteDate(asOf, t), lead };
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
      ...judgeRates(f.rates, f.correlation, { small: roles.smallCap, large: roles.largeCap }, asOf, t),
      ...(yieldPnf ? { chart: judgeChart(yieldPnf, asOf, t) } : {}),
    };
  }
  if (f.seasonal) j.seasonal = judgeSeasonal(f.seasonal, lead.h2, lead.inH2, asOf, f.charts.seasonal?.rows ?? [], t);
  if (f.ranking) j.ranking = judgeRanking(f.ranking);
  return j;
}
