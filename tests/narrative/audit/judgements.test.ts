import { describe, expect, it } from 'vitest';
import { judgementsRule } from '../../../src/narrative/audit/judgements.js';
import { fakeFacts } from './fake-facts.js';

const details = (facts: ReturnType<typeof fakeFacts>) => judgementsRule('', facts).map((v) => `${v.section} ${v.detail}`);

describe('audit rule: judgements agree with their figures (independent recomputation)', () => {
  it('a comparison is decided on the printed returns: −25.1% against −24.8% is a slight lead for large caps by 0.3', () => {
    const good = { kind: 'comparison', period: 'ytd', available: true, leader: 'large', strength: 'slight', gap: -0.3 };
    expect(details(fakeFacts({ judgements: { lead: { ytd: good } } }))).toEqual([]);
    const bad = { ...good, leader: 'small', gap: -0.2 };
    expect(details(fakeFacts({ judgements: { lead: { ytd: bad } } }))).toEqual([
      'lead leader is "small", the figures say "large"',
      'lead gap is -0.2, the figures say -0.3',
    ]);
  });

  it('breadth: 68.9% is above the 50% midline, in the middle zone', () => {
    const facts = (side: string) => fakeFacts({
      breadth: { SP600: { bullishPercent: { value: 68.9 }, status: 'Bull Confirmed' } },
      judgements: { breadth: { level: { kind: 'breadthLevel', value: 68.9, side, zone: 'middle' } } },
    });
    expect(details(facts('above'))).toEqual([]);
    expect(details(facts('below'))).toEqual(['breadth side is "below", the figures say "above"']);
  });

  it('rate sensitivity: RUT at −0.28 and SPX at −0.03 make small caps the more negative', () => {
    const j = (moreNegative: string) => fakeFacts({
      judgements: { rates: { sensitivity: { kind: 'sensitivity', small: { reading: 'fallingHelps' }, large: { reading: 'weak' }, moreNegative } } },
    });
    expect(details(j('small'))).toEqual([]);
    expect(details(j('large'))).toEqual(['rates moreNegative is "large", the figures say "small"']);
  });

  it('rates weighing: small caps the more tied to rising yields count the fall from the peak against them', () => {
    const j = (weighing: object) => fakeFacts({
      pnf: { TNX: { signal: 'sell', column: 'O' } },
      roles: { yield: 'TNX' },
      judgements: { rates: {
        peak: { state: 'falling' },
        sensitivity: { small: { reading: 'risingHelps' }, large: { reading: 'risingHelps' }, moreNegative: 'large' },
        weighing: { kind: 'ratesWeighing', sinceHighAgainst: false, narrowlyAgainst: false, ...weighing },
      } },
    });
    expect(details(j({ lean: 'against', tie: 'risingTied', how: 'moreRising', why: 'risingFalling' }))).toEqual([]);
    expect(details(j({ lean: 'neutral', tie: null, how: null, why: 'notTied' }))).toEqual([
      'rates tie is null, the figures say "risingTied"',
      'rates how is null, the figures say "moreRising"',
      'rates why is "notTied", the figures say "risingFalling"',
      'rates lean is "neutral", the figures say "against"',
    ]);
  });

  it('ranking: a 0–0 tally names no leader, in the judgement and in the plain field', () => {
    const sizeGroups = [{ group: 'Small caps', tally: 0, xrank: 3 }, { group: 'Large caps', tally: 0, xrank: 1 }];
    const v = details(fakeFacts({ ranking: { sizeGroups, leader: 'Small caps', ties: [] }, judgements: { ranking: { kind: 'ranking', state: 'leader', leader: 'Small caps' } } }));
    expect(v).toEqual([
      'conclusion state is "leader", the figures say "none"',
      'conclusion leader is "Small caps", the figures say null',
      'conclusion ranking.leader is "Small caps" with no relative-strength buy signal in any group',
    ]);
  });

  it('an RS chart with no signal yet is "none", not "sell"', () => {
    const facts = (signal: string) => fakeFacts({
      rs: { IWM_vs_RSP: { nearTerm: { column: 'X', signal: null }, longTerm: { column: 'O', signal: 'sell' } } },
      judgements: { fund: { rsMarket: { near: { kind: 'rsChart', column: 'X', signal }, long: { kind: 'rsChart', column: 'O', signal: 'sell' } } } },
    });
    expect(details(facts('none'))).toEqual([]);
    expect(details(facts('sell'))).toEqual(['fund signal is "sell", the figures say "none"']);
  });

  it('"years after a second-half win" are the win years plus one', () => {
    const facts = (yearsAfterWin: number[]) => fakeFacts({
      seasonal: { nextYear: { afterH2Beat: { years: [1991, 2023], mean: { value: 5 } }, afterH2Lag: { mean: { value: 3 } } }, betterAfter: 'beat' },
      judgements: { seasonal: { lean: { kind: 'seasonalLean', state: 'none', yearsAfterWin } } },
    });
    expect(details(facts([1992, 2024]))).toEqual([]);
    expect(details(facts([1991, 2023]))).toEqual(['seasonality yearsAfterWin is [1991,2023], the figures say [1992,2024]']);
  });

  it('recency: days and age from the as-of date and the previous note a week before', () => {
    const facts = (age: string) => fakeFacts({ judgements: { x: { kind: 'recency', date: '2025-12-05', days: 7, age, sameYear: true } } });
    expect(details(facts('recent'))).toEqual([]);
    expect(details(facts('new'))).toEqual(['x age is "new", the figures say "recent"']);
  });

  it('thresholds come from the facts when they are there', () => {
    const j = { kind: 'comparison', period: 'ytd', available: true, leader: 'large', strength: 'clear', gap: -0.3 };
    expect(details(fakeFacts({ judgements: { lead: { ytd: j } } }))).toEqual(['lead strength is "clear", the figures say "slight"']);
    expect(details(fakeFacts({ thresholds: { slightBelow: 0.2 }, judgements: { lead: { ytd: j } } }))).toEqual([]);
  });
});

describe('audit rule: judgements, decisions stored as plain fields', () => {
  const sizeGroups = [{ group: 'Small caps', tally: 4, xrank: 3 }, { group: 'Mid caps', tally: 4, xrank: 1 }];
  it('a plain field the note reads is checked; one it does not read is not the note\'s claim', () => {
    const facts = (claims?: Record<string, Record<string, unknown>>) => fakeFacts({ ranking: { sizeGroups, leader: 'Small caps' }, ...(claims ? { claims } : {}) });
    expect(details(facts())).toEqual(['conclusion ranking.leader is "Small caps" on a tie of 4 signals (Small caps, Mid caps)']);
    expect(details(facts({ conclusion: { 'ranking.leader': 'Small caps' } }))).toHaveLength(1);
    expect(details(facts({ conclusion: { 'judgements.ranking.state': 'tie' } }))).toEqual([]);
  });
});

describe('audit rule: judgements of the calendar and the verdict', () => {
  const lastYear = { year: 2024, small: { year: { value: 27.3 }, h2: { value: -5.6 } }, large: { year: { value: 36.4 }, h2: { value: 3.3 } } };
  const cmp = (gap: number, leader: string, strength: string) => ({ kind: 'comparison', period: 'ytd', available: true, gap, leader, strength });

  it('last year\'s comparison is checked against last year\'s returns, not this year\'s', () => {
    const facts = (full: object) => fakeFacts({ lead: { lastYear, ytdDays: 246 }, judgements: { calendar: { kind: 'calendar', season: 'nextYear', earlyYear: false, ytdDays: 246, lastYear: { full } } } });
    expect(details(facts(cmp(-9.1, 'large', 'wide')))).toEqual([]);
    expect(details(facts(cmp(9.1, 'small', 'wide')))).toEqual(['lead leader is "small", the figures say "large"', 'lead gap is 9.1, the figures say -9.1']);
  });

  it('the calendar: the year is early below minYtdDays trading days; the question turns to next year from nextYearFromMonth', () => {
    const facts = (earlyYear: boolean, season: string) => fakeFacts({ asOf: '2025-01-10', lead: { ytdDays: 7 }, judgements: { calendar: { kind: 'calendar', season, earlyYear, ytdDays: 7 } } });
    expect(details(facts(true, 'thisYear'))).toEqual([]);
    expect(details(facts(false, 'nextYear'))).toEqual(['lead season is "nextYear", the figures say "thisYear"', 'lead earlyYear is false, the figures say true']);
  });

  it('the verdict adds up the evidence: net weight for minus against, against the lead threshold', () => {
    const evidence = [
      { kind: 'evidence', id: 'signal', lean: 'for', weight: 2, key: 'signal_for' },
      { kind: 'evidence', id: 'rsLong', lean: 'against', weight: 2, key: 'rsLong_against' },
      { kind: 'evidence', id: 'trend', lean: 'for', weight: 1, key: 'trend_for' },
    ];
    const facts = (state: string, net: number, standing = 'smallEdge') => fakeFacts({ judgements: { evidence, verdict: { kind: 'verdict', state, standing, net, forCount: 2, againstCount: 1 } } });
    expect(details(facts('contender', 1))).toEqual([]);
    expect(details(facts('smallLead', 3))).toEqual(['conclusion net is 3, the figures say 1', 'conclusion state is "smallLead", the figures say "contender"']);
    // a contender's side of the count: large caps ahead is not "a contender, not yet the leader" for small caps
    expect(details(facts('contender', 1, 'largeEdge'))).toEqual(['conclusion standing is "largeEdge", the figures say "smallEdge"']);
  });

  it('a piece of evidence leans the way its reading points, and its key says so', () => {
    const facts = (lean: string, key: string) => fakeFacts({ judgements: { fund: { signal: { kind: 'signal', state: 'buy' } }, evidence: [{ kind: 'evidence', id: 'signal', lean, weight: 2, key }] } });
    expect(details(facts('for', 'signal_for'))).toEqual([]);
    expect(details(facts('against', 'signal_for'))).toEqual(['conclusion key is "signal_for", the figures say "signal_against"', 'conclusion lean is "against", the figures say "for"']);
  });
});
