/**
 * The argument of the note: each piece of evidence read for or against small caps, with its weight, and the
 * verdict they add up to. The lead asks the question, the conclusion answers it from this table, so the two agree
 * on every date. Weights and the verdict threshold are documented in docs/metrics.md ("Evidence and verdict").
 */
import type { IsoDate } from '../../data/types.js';
import type { ChartJudgements, RsPairJudgements } from './chart.js';
import type { Comparison, LeadJudgements } from './lead.js';
import type { BreadthJudgements, H2Record, RankingJudgement, RatesJudgements, ScoreJudgements, SeasonalLean } from './sections.js';
import { comparison } from './lead.js';
import { scoreWeighing } from './sections.js';
import type { Thresholds } from './thresholds.js';
import type { Figure } from '../provenance.js';

export type Lean = 'for' | 'against' | 'neutral';

/** One piece of evidence: what it is (`id`), which way it points for small caps, and how much it weighs. */
export interface Evidence {
  kind: 'evidence';
  id: 'year' | 'lastYear' | 'h2' | 'lastH2' | 'signal' | 'trend' | 'rsNear' | 'rsLong' | 'score' | 'breadth' | 'ranking' | 'rates' | 'seasonal';
  lean: Lean;
  weight: number;
  /** `${id}_${lean}`: the key a template picks its phrase with. */
  key: string;
}

/** Weights: a signal or a long-term reading weighs 2, a near-term or backdrop reading 1. */
export const EVIDENCE_WEIGHTS: Record<Evidence['id'], number> = {
  year: 1, lastYear: 1, h2: 1, lastH2: 1, signal: 2, trend: 1, rsNear: 1, rsLong: 2, score: 2, breadth: 1, ranking: 2, rates: 1, seasonal: 1,
};

export interface Verdict {
  kind: 'verdict';
  /** smallLead: small caps lead (a standing, not a movement: "taking the lead" read as momentum in a week that moved the other way, 2019-03-15); contender: a contender, not yet the leader; largeLead: large caps lead. */
  state: 'smallLead' | 'contender' | 'largeLead';
  /**
   * The state with a contender's side of the count: `smallEdge` (net above 0), `level` (net 0) or `largeEdge` (net
   * below 0: large caps ahead on the count, short of a lead, so small caps are not called a contender there).
   */
  standing: 'smallLead' | 'smallEdge' | 'level' | 'largeEdge' | 'largeLead';
  /** Sum of the weights for minus the weights against. */
  net: number;
  /** The weights for and against small caps, summed. */
  forWeight: number;
  againstWeight: number;
  /** The net reaches `verdictLeadFrom` but the year's own returns point the other way, so no side leads. */
  yearVeto: boolean;
  forCount: number;
  againstCount: number;
  neutralCount: number;
  /** The two heaviest pieces on each side (heaviest first, table order on equal weight). */
  strongestFor: Evidence[];
  strongestAgainst: Evidence[];
  /** The two lists hold every reading of their side (else the answer says it names the chief ones). */
  allForListed: boolean;
  allAgainstListed: boolean;
}

/** The calendar of the note: which year it asks about, and whether the YTD is long enough to lead with. */
export interface Calendar {
  kind: 'calendar';
  /** The question is about next year from `nextYearFromMonth` on, about this year before. */
  season: 'thisYear' | 'nextYear';
  /** The year so far spans fewer than `minYtdDays` trading days: the lead reads the year just completed. */
  earlyYear: boolean;
  ytdDays: number;
  /** The year just completed (full year and second half), small vs large, on the printed returns. */
  lastYear: { year: number; full: Comparison; h2: Comparison };
}

export function judgeCalendar(asOf: IsoDate, ytdDays: number, last: { year: number; small: { year: Figure; h2: Figure }; large: { year: Figure; h2: Figure } }, t: Thresholds): Calendar {
  return {
    kind: 'calendar',
    season: Number(asOf.slice(5, 7)) >= t.nextYearFromMonth ? 'nextYear' : 'thisYear',
    earlyYear: ytdDays < t.minYtdDays,
    ytdDays,
    lastYear: {
      year: last.year,
      full: comparison('lastYear', last.small.year, last.large.year, false, t),
      h2: comparison('lastH2', last.small.h2, last.large.h2, false, t),
    },
  };
}

interface Inputs {
  calendar: Calendar;
  lead: LeadJudgements;
  fund?: ChartJudgements & { rsMarket?: RsPairJudgements };
  breadth?: BreadthJudgements & { column: 'X' | 'O' | null };
  score?: ScoreJudgements;
  rates?: RatesJudgements;
  seasonal?: { h2: H2Record; lean: SeasonalLean };
  ranking?: RankingJudgement;
  /** Name of the size group that holds the small-cap fund (for the ranking), if any. */
  smallGroup: string | null;
  /** Trading days of the second half so far. */
  h2Days: number;
}

const side = (leader: 'small' | 'large' | 'tie'): Lean => (leader === 'small' ? 'for' : leader === 'large' ? 'against' : 'neutral');

export function judgeEvidence(x: Inputs, t: Thresholds): { evidence: Evidence[]; verdict: Verdict } {
  const items: [Evidence['id'], Lean][] = [];
  // A lead narrower than `evidenceMinGap` points, or over a period shorter than `minYtdDays`, is no evidence.
  const lead = (c: Comparison, days: number): Lean => (days < t.minYtdDays || (c.gapSize ?? 0) < t.evidenceMinGap ? 'neutral' : side(c.leader));
  // The year: this year's YTD, or the year just completed while the YTD is too short to mean anything.
  if (x.calendar.earlyYear) items.push(['lastYear', lead(x.calendar.lastYear.full, Infinity)]);
  else items.push(['year', lead(x.lead.ytd, x.calendar.ytdDays)]);
  // The second half, once it has run long enough to read (a past second half is seasonality's, not evidence).
  if (x.lead.inH2) items.push(['h2', lead(x.lead.h2, x.h2Days)]);
  if (x.fund) {
    items.push(['signal', x.fund.signal.state === 'buy' ? 'for' : x.fund.signal.state === 'sell' ? 'against' : 'neutral']);
    items.push(['trend', x.fund.trend.state === 'positive' ? 'for' : x.fund.trend.state === 'negative' ? 'against' : 'neutral']);
    const rs = x.fund.rsMarket;
    if (rs) {
      items.push(['rsNear', rs.near.column === 'X' ? 'for' : rs.near.column === 'O' ? 'against' : 'neutral']);
      items.push(['rsLong', rs.long.signal === 'buy' ? 'for' : rs.long.signal === 'sell' ? 'against' : 'neutral']);
    }
  }
  if (x.score) items.push(['score', scoreWeighing(x.score, t).lean]);
  // Breadth: a rising column (Xs) is participation building, a falling one (Os) participation fading.
  if (x.breadth) items.push(['breadth', x.breadth.column === 'X' ? 'for' : x.breadth.column === 'O' ? 'against' : 'neutral']);
  if (x.ranking) {
    const k = x.ranking;
    const lean: Lean =
      k.state === 'leader' ? (k.leader === x.smallGroup ? 'for' : 'against') : k.state === 'tie' && x.smallGroup !== null && !k.tied.includes(x.smallGroup) ? 'against' : 'neutral';
    items.push(['ranking', lean]);
  }
  // Rates: falling yields favour small caps only where they move against yields more than large caps do, and no
  // longer once the yield's own chart is rising again (judgements.rates.weighing).
  if (x.rates) items.push(['rates', x.rates.weighing.lean]);
  if (x.seasonal) {
    const { lean } = x.seasonal;
    const won = x.seasonal.h2.state === 'streak' || x.seasonal.h2.state === 'won';
    const lost = x.seasonal.h2.state === 'lost';
    items.push(['seasonal', lean.state === 'beat' ? (won ? 'for' : lost ? 'against' : 'neutral') : lean.state === 'lag' ? (won ? 'against' : lost ? 'for' : 'neutral') : 'neutral']);
  }
  const evidence: Evidence[] = items.map(([id, lean]) => ({ kind: 'evidence', id, lean, weight: EVIDENCE_WEIGHTS[id], key: `${id}_${lean}` }));
  const sum = (l: Lean) => evidence.filter((e) => e.lean === l).reduce((a, e) => a + e.weight, 0);
  const net = sum('for') - sum('against');
  const yearLean = evidence.find((e) => e.id === 'year' || e.id === 'lastYear')?.lean ?? 'neutral';
  const count = (l: Lean) => evidence.filter((e) => e.lean === l).length;
  const strongest = (l: Lean) => evidence.filter((e) => e.lean === l).sort((a, b) => b.weight - a.weight).slice(0, 2);
  const [forCount, againstCount] = [count('for'), count('against')];
  const [strongestFor, strongestAgainst] = [strongest('for'), strongest('against')];
  // A side "leads" only if the year's own returns do not point the other way.
  const state = net >= t.verdictLeadFrom && yearLean !== 'against' ? 'smallLead' : net <= -t.verdictLeadFrom && yearLean !== 'for' ? 'largeLead' : 'contender';
  return {
    evidence,
    verdict: {
      kind: 'verdict',
      state,
      standing: state !== 'contender' ? state : net > 0 ? 'smallEdge' : net < 0 ? 'largeEdge' : 'level',
      net,
      forWeight: sum('for'),
      againstWeight: sum('against'),
      yearVeto: (net >= t.verdictLeadFrom && yearLean === 'against') || (net <= -t.verdictLeadFrom && yearLean === 'for'),
      forCount,
      againstCount,
      neutralCount: count('neutral'),
      strongestFor,
      strongestAgainst,
      allForListed: strongestFor.length === forCount,
      allAgainstListed: strongestAgainst.length === againstCount,
    },
  };
}
