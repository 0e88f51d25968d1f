/**
 * Reading sixty-two: the weekly of 2016-11-11 said "Lately small caps have had the upper hand: the near-term
 * relative-strength chart of IWM against IVV has been in Xs since 11 November", the note's own date: a column one day
 * old read as a trend. A column begun this week now reads "This week small caps gained the upper hand: … reversed up
 * into Xs on 11 November" (the demo golden of 2025-12-12 says the same of 10 December); "Lately" stays for a column of
 * recent weeks (issue-13-truth.test.ts). The bullish percent's column move of 2020-09-25, the same reading's first
 * finding, is in column-extended.test.ts.
 * And 2025-04-11: the heading "Three second halves in a row for small caps" stood over a sentence saying one of them,
 * 2023, was won by 0.1 points, less than a lead: the heading now adds "not all by a clear margin".
 */
import { describe, expect, it } from 'vitest';
import { loadMarket } from '../../src/data/load-market.js';
import { HAS_REAL, writeRealMarketYaml } from '../helpers/real-market.js';
import { readNote } from '../helpers/read-note.js';

describe.skipIf(!HAS_REAL)('reading sixty-two (real data)', () => {
  const market = HAS_REAL ? loadMarket(writeRealMarketYaml()) : undefined;
  it('2016-11-11: a near-term RS column begun this week is news of the week, not "lately"', () => {
    const { facts, text } = readNote(market!, 'weekly-outlook', '2016-11-11');
    expect(facts.rs[facts.keys.rsSmallVsLarge].nearTerm.lastColumnChange).toBe('2016-11-11');
    expect(text).toContain('This week the near-term relative-strength chart of IWM against IVV turned to small caps, reversing up into Xs on 11 November');
    expect(text).not.toContain('Lately small caps have had the upper hand');
  }, 60_000);

  it('2025-04-11: a streak with a narrow win says so in its heading too', () => {
    const { text } = readNote(market!, 'weekly-outlook', '2025-04-11');
    expect(text).toContain('Three second halves in a row for small caps, not all by a clear margin');
    expect(text).toContain('though the margin was only 0.1 points in 2023');
    expect(readNote(market!, 'weekly-outlook', '2022-11-18').text).not.toContain('not all by a clear margin');
  }, 60_000);
});
