/**
 * Rule `contradictions`: no note uses two contradictory values of one decision. Each row of CONTRADICTIONS names
 * two readings of the facts that the note prints in different places (headline and body, chart title and text,
 * body and conclusion) and says when they agree. A row whose readings are absent from the facts is skipped, so
 * the table can hold rows for facts that only some notes or versions carry. When the facts carry the claims of
 * the render (which facts each template read), a row counts only if the note read both sides (`uses`): two
 * values the note never prints cannot contradict each other in it. Extend the table, not the code.
 */
import type { Facts } from '../../facts/types.js';
import { at } from './facts-index.js';
import type { Violation } from './types.js';

/** One side of a pair: where the note uses it, and how to read it from the facts (undefined: not there). */
export interface Reading {
  label: string;
  section: string;
  read(facts: Facts): unknown;
  /** Facts paths (prefixes) whose use in the note shows this reading is printed; default: the label. */
  uses?: string[] | ((facts: Facts) => string[]);
}

export interface ContradictionPair {
  name: string;
  a: Reading;
  b: Reading;
  /** Do the two readings agree? */
  agree(a: unknown, b: unknown, facts: Facts): boolean;
}

const path = (p: string) => (f: Facts) => at(f, p);
/** A field of a judgement object at `p`. */
const field = (p: string, k: string) => (f: Facts) => {
  const j = at(f, p) as Record<string, unknown> | undefined;
  return j && typeof j === 'object' ? j[k] : undefined;
};
const inH2 = (f: Facts) => f.asOf.slice(5) > '06-30';

export const CONTRADICTIONS: ContradictionPair[] = [
  {
    name: 'this year\'s second half: seasonality streak (counting this year to date) against the lead',
    a: {
      label: 'seasonal.h2Streak (this year counted)', section: 'seasonality', uses: ['seasonal.h2Streak'],
      read: (f) => (inH2(f) && at(f, 'seasonal.h2StreakToDate') === true ? at(f, 'seasonal.h2Streak') : undefined),
    },
    b: { label: 'lead.h2Leader', section: 'lead', read: path('lead.h2Leader') },
    agree: (streak, leader) => (typeof streak === 'number' && streak >= 1) === (leader === 'small'),
  },
  {
    name: 'second-half winner: seasonality headline ("Large caps won the second half") against the lead',
    a: { label: 'seasonal.h2Streak', section: 'seasonality', read: (f) => (inH2(f) ? at(f, 'seasonal.h2Streak') : undefined) },
    b: { label: 'lead.h2Leader', section: 'lead', read: path('lead.h2Leader') },
    agree: (streak, leader) => streak !== 0 || leader === 'large',
  },
  {
    name: 'H2 record against the H2 comparison',
    a: { label: 'judgements.seasonal.h2.current', section: 'seasonality', read: field('judgements.seasonal.h2', 'current') },
    // a second half too young to count (the record's `early`) is left out of the record on purpose
    b: { label: 'judgements.lead.h2.leader', section: 'lead', read: (f) => (inH2(f) && field('judgements.seasonal.h2', 'early')(f) !== true ? field('judgements.lead.h2', 'leader')(f) : null) },
    agree: (a, b) => a === b,
  },
  {
    name: 'YTD leader: plain field against the judgement',
    a: { label: 'lead.ytdLeader', section: 'lead', read: path('lead.ytdLeader') },
    b: { label: 'judgements.lead.ytd.leader', section: 'lead', read: field('judgements.lead.ytd', 'leader') },
    agree: (a, b) => a === b,
  },
  {
    name: 'rate sensitivity: correlation chart title against the text',
    a: { label: 'correlation.moreNegative', section: 'fig-correlation', read: path('correlation.moreNegative') },
    b: { label: 'judgements.rates.sensitivity.moreNegative', section: 'rates', read: field('judgements.rates.sensitivity', 'moreNegative') },
    agree: (key, side, f) => side === 'similar' || key === (side === 'small' ? f.roles.smallCap : f.roles.largeCap),
  },
  {
    // a rebound in yields would hurt small caps more than large: a change of view unless large caps already lead
    name: 'rebound risk: conclusion against the rates section and the verdict',
    a: { label: 'judgements.levels.reboundRisk', section: 'conclusion', read: path('judgements.levels.reboundRisk') },
    b: {
      label: 'judgements.rates.{peak.state, peak.small, sensitivity.small.reading, sensitivity.moreNegative}, judgements.verdict.state', section: 'rates', uses: ['judgements.rates.peak', 'judgements.rates.sensitivity', 'judgements.verdict'],
      read: (f) => {
        const peak = at(f, 'judgements.rates.peak') as Record<string, unknown> | undefined;
        const sens = at(f, 'judgements.rates.sensitivity') as { small?: { reading?: unknown }; moreNegative?: unknown } | undefined;
        const view = (at(f, 'judgements.verdict') as { state?: unknown } | undefined)?.state;
        return peak && sens
          ? peak.state === 'falling' && peak.small === 'up' && sens.small?.reading === 'fallingHelps' && sens.moreNegative === 'small' && view !== 'largeLead'
          : undefined;
      },
    },
    agree: (a, b) => a === b,
  },
  {
    // rates count for small caps near the yield's high, small caps the more tied to rising yields: a fall would hurt
    name: 'fall risk: conclusion against the rates weighing and the verdict',
    a: { label: 'judgements.levels.fallRisk', section: 'conclusion', read: path('judgements.levels.fallRisk') },
    b: {
      label: 'judgements.rates.{peak.state, sensitivity.moreNegative, weighing.lean}, judgements.verdict.state', section: 'rates', uses: ['judgements.rates.peak', 'judgements.rates.sensitivity', 'judgements.rates.weighing', 'judgements.verdict'],
      read: (f) => {
        const peak = at(f, 'judgements.rates.peak') as { state?: unknown } | undefined;
        const sens = at(f, 'judgements.rates.sensitivity') as { moreNegative?: unknown } | undefined;
        const lean = (at(f, 'judgements.rates.weighing') as { lean?: unknown } | undefined)?.lean;
        const view = (at(f, 'judgements.verdict') as { state?: unknown } | undefined)?.state;
        return peak && sens ? (peak.state === 'nearPeak' || peak.state === 'atPeak') && sens.moreNegative === 'large' && lean === 'for' && view !== 'largeLead' : undefined;
      },
    },
    agree: (a, b) => a === b,
  },
  {
    name: 'size ranking: plain leader against the ranking judgement',
    a: { label: 'ranking.leader', section: 'conclusion', read: path('ranking.leader') },
    b: { label: 'judgements.ranking', section: 'conclusion', read: (f) => at(f, 'judgements.ranking') },
    agree: (leader, j) => {
      const r = j as { state?: unknown; leader?: unknown };
      return r.state === 'leader' ? leader === r.leader : leader === null || leader === undefined;
    },
  },
  {
    name: 'breadth zone: plain field against the level judgement',
    a: { label: 'breadth zone', section: 'breadth', uses: (f) => [`breadth.${f.roles.universe}.zone`], read: (f) => (f.roles.universe ? at(f, `breadth.${f.roles.universe}.zone`) : undefined) },
    b: { label: 'judgements.breadth.level.zone', section: 'breadth', read: field('judgements.breadth.level', 'zone') },
    agree: (a, b) => (a === 'neutral' ? 'middle' : a) === b,
  },
  {
    name: 'score and chart: agreement against the fund\'s signal',
    a: { label: 'judgements.score.agreement', section: 'score', read: field('judgements.score', 'agreement') },
    b: { label: 'judgements.fund.signal.state', section: 'fund', read: field('judgements.fund.signal', 'state') },
    agree: (agreement, state) =>
      state === 'none' ? agreement === 'noSignal' : state === 'buy' ? agreement === 'bothPositive' || agreement === 'chartOnly' : agreement === 'scoreOnly' || agreement === 'bothCautious',
  },
];

const show = (v: unknown) => JSON.stringify(v) ?? 'undefined';

/** Every facts path the note's templates read, when the facts carry the claims. */
function claimedPaths(facts: Facts): string[] | undefined {
  const claims = (facts as unknown as { claims?: Record<string, unknown> }).claims;
  if (!claims || typeof claims !== 'object') return undefined;
  return Object.values(claims).flatMap((c) => (Array.isArray(c) ? c.map(String) : c && typeof c === 'object' ? Object.keys(c) : []));
}

/** The note read the reading: a claimed path is one of its paths or lies under one (reading a parent object
 * through `#with` does not count: that is how a template reaches every field, used or not). */
function used(r: Reading, facts: Facts, paths: string[] | undefined): boolean {
  if (!paths) return true;
  const uses = typeof r.uses === 'function' ? r.uses(facts) : r.uses ?? [r.label];
  return uses.some((u) => paths.some((p) => p === u || p.startsWith(`${u}.`)));
}

export function contradictionsRule(_html: string, facts: Facts, pairs: ContradictionPair[] = CONTRADICTIONS): Violation[] {
  const out: Violation[] = [];
  const paths = claimedPaths(facts);
  for (const p of pairs) {
    if (!used(p.a, facts, paths) || !used(p.b, facts, paths)) continue;
    const a = p.a.read(facts);
    const b = p.b.read(facts);
    if (a === undefined || b === undefined) continue;
    if (!p.agree(a, b, facts)) {
      out.push({
        date: facts.asOf, section: p.a.section, sentence: p.name, rule: 'contradictions',
        detail: `${p.a.label} = ${show(a)} (${p.a.section}) against ${p.b.label} = ${show(b)} (${p.b.section})`,
      });
    }
  }
  return out;
}
