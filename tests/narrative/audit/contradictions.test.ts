import { describe, expect, it } from 'vitest';
import { contradictionsRule, type ContradictionPair } from '../../../src/narrative/audit/contradictions.js';
import { fakeFacts } from './fake-facts.js';

describe('audit rule: contradictions', () => {
  it('"Large caps won the second half" (streak 0) above "the second half has so far been a draw"', () => {
    const v = contradictionsRule('', fakeFacts({ seasonal: { h2Streak: { value: 0 }, h2StreakToDate: true } }));
    expect(v.map((x) => x.detail)).toEqual(['seasonal.h2Streak = 0 (seasonality) against lead.h2Leader = "tie" (lead)']);
  });

  it('a streak that counts this year\'s second half needs small caps to lead it', () => {
    const facts = (h2Leader: string) => fakeFacts({ lead: { inH2: true, h2Leader }, seasonal: { h2Streak: { value: 2 }, h2StreakToDate: true } });
    expect(contradictionsRule('', facts('small'))).toEqual([]);
    expect(contradictionsRule('', facts('tie')).map((x) => x.section)).toEqual(['seasonality']);
  });

  it('before July the second-half pairs do not apply', () => {
    expect(contradictionsRule('', fakeFacts({ asOf: '2025-05-02', seasonal: { h2Streak: { value: 0 }, h2StreakToDate: false } }))).toEqual([]);
  });

  it('the correlation chart title and the rate-sensitivity text name the same series', () => {
    const facts = (moreNegative: string) => fakeFacts({ judgements: { rates: { sensitivity: { kind: 'sensitivity', moreNegative } } } });
    expect(contradictionsRule('', facts('small'))).toEqual([]);
    const v = contradictionsRule('', facts('large'));
    expect(v.map((x) => [x.section, x.detail])).toEqual([
      ['fig-correlation', 'correlation.moreNegative = "RUT" (fig-correlation) against judgements.rates.sensitivity.moreNegative = "large" (rates)'],
    ]);
  });

  it('"a rebound in yields would hurt" only when yields fell, small caps rose, they move against yields more than large caps and large caps do not already lead', () => {
    const facts = (reading: string, view = 'contender', said = true, moreNegative = 'small') => fakeFacts({
      judgements: {
        levels: { reboundRisk: said },
        verdict: { kind: 'verdict', state: view },
        rates: { reboundRisk: true, peak: { kind: 'ratePeak', state: 'falling', small: 'up' }, sensitivity: { kind: 'sensitivity', small: { reading }, moreNegative } },
      },
    });
    expect(contradictionsRule('', facts('fallingHelps'))).toEqual([]);
    // a rebound that weighs on both alike changes no small-against-large view (reading 73)
    expect(contradictionsRule('', facts('fallingHelps', 'contender', true, 'similar')).map((x) => x.section)).toEqual(['conclusion']);
    expect(contradictionsRule('', facts('fallingHelps', 'contender', false, 'similar'))).toEqual([]);
    expect(contradictionsRule('', facts('risingHelps')).map((x) => x.section)).toEqual(['conclusion']);
    // under a large-cap lead the headwind would confirm the view: it is not a change of view
    expect(contradictionsRule('', facts('fallingHelps', 'largeLead')).map((x) => x.section)).toEqual(['conclusion']);
    expect(contradictionsRule('', facts('fallingHelps', 'largeLead', false))).toEqual([]);
  });

  it('the table is data: a new pair needs no code', () => {
    const pair: ContradictionPair = {
      name: 'score headline against score text',
      a: { label: 'a', section: 'score', read: () => 'small' },
      b: { label: 'b', section: 'score', read: () => 'large' },
      agree: (a, b) => a === b,
    };
    expect(contradictionsRule('', fakeFacts(), [pair])).toEqual([
      { date: '2025-12-12', section: 'score', sentence: 'score headline against score text', rule: 'contradictions', detail: 'a = "small" (score) against b = "large" (score)' },
    ]);
  });
});

describe('audit rule: contradictions, with the claims of the render', () => {
  const facts = (claims: Record<string, Record<string, unknown>>) => fakeFacts({ lead: { ytdLeader: 'large' }, judgements: { lead: { ytd: { kind: 'comparison', leader: 'tie' } } }, claims });

  it('a pair counts only when the note read both sides', () => {
    expect(contradictionsRule('', facts({ lead: { 'judgements.lead.ytd.leader': 'tie' } }))).toEqual([]);
    const both = facts({ lead: { 'judgements.lead.ytd.leader': 'tie' }, 'key-figures': { 'lead.ytdLeader': 'large' } });
    expect(contradictionsRule('', both).map((v) => v.detail)).toEqual(['lead.ytdLeader = "large" (lead) against judgements.lead.ytd.leader = "tie" (lead)']);
  });

  it('reading a parent object (a #with) is not reading every field of it', () => {
    expect(contradictionsRule('', facts({ lead: { 'judgements.lead.ytd.leader': 'tie', lead: '[object]' } }))).toEqual([]);
  });
});
