import { describe, expect, it } from 'vitest';
import { recencyRule } from '../../../src/narrative/audit/recency.js';
import { fakeFacts, note } from './fake-facts.js';

const recency = (date: string, days: number, age: string) => ({ kind: 'recency', date, days, age, sameYear: true });

describe('audit rule: recency', () => {
  it('"lately" for an event from 2014 is a violation, whatever else is recent', () => {
    const facts = fakeFacts({ judgements: { lead: { rsVsLarge: { kind: 'rsChart', columnSince: recency('2025-12-10', 2, 'new') } } } });
    const html = note({ lead: '<p>Lately small caps have had the upper hand: the chart has been in Xs since March 2014.</p>' });
    expect(recencyRule(html, facts)).toEqual([{
      date: '2025-12-12', section: 'lead', rule: 'recency',
      sentence: 'Lately small caps have had the upper hand: the chart has been in Xs since March 2014.',
      detail: '"Lately" for an event dated March 2014',
    }]);
  });

  it('"new" needs a recency judgement dated after the previous note (or within 7 days)', () => {
    const html = note({ fund: '<p>The chart made a new all-time high at 256.</p>' });
    expect(recencyRule(html, fakeFacts()).map((v) => v.detail)).toEqual(['"new" with no event since 2025-12-05 behind it']);
    const old = fakeFacts({ judgements: { fund: { high: { kind: 'high', date: recency('2025-10-24', 49, 'recent') } } } });
    expect(recencyRule(html, old)).toHaveLength(1);
    const fresh = fakeFacts({ judgements: { fund: { high: { kind: 'high', date: recency('2025-12-11', 1, 'new') } } } });
    expect(recencyRule(html, fresh)).toEqual([]);
  });

  it('"recently" and "lately" accept an event of the last 92 days; "just" wants the week', () => {
    const facts = fakeFacts({ judgements: { x: recency('2025-10-24', 49, 'recent') } });
    expect(recencyRule(note({ rates: '<p>Yields have recently turned.</p>' }), facts)).toEqual([]);
    expect(recencyRule(note({ rates: '<p>Yields have just turned.</p>' }), facts)).toHaveLength(1);
  });

  it('with claims, the section\'s own claimed judgement must have the right age', () => {
    const facts = fakeFacts({
      judgements: { a: recency('2025-12-11', 1, 'new'), b: recency('2025-01-02', 344, 'older') },
      claims: { fund: ['judgements.b'] },
    });
    const v = recencyRule(note({ fund: '<p>It is newly on a buy signal.</p>' }), facts);
    expect(v.map((x) => x.detail)).toEqual(['"newly" with no event since 2025-12-05 behind it']);
  });

  it('a prospective "new" is no claim ("needs a new buy signal"); the what-changed list backs its own "new"', () => {
    expect(recencyRule(note({ conclusion: '<p>IWM needs a new buy signal before the chart can support the case.</p>' }), fakeFacts())).toEqual([]);
    const html = '<aside class="changes"><ul><li>IWM: new P&amp;F buy signal</li></ul></aside>';
    expect(recencyRule(html, fakeFacts({ changes: { since: '2025-12-05', items: [{ kind: 'new-signal', text: 'IWM: new P&F buy signal' }] } }))).toEqual([]);
    expect(recencyRule(html, fakeFacts({ changes: { since: null, items: [] } }))).toHaveLength(1);
  });
});
