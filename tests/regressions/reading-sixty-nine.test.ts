/**
 * Reading sixty-nine (a sceptical client, 28 notes on new dates and the Friday before each):
 * - weekly, 2017-11-10: rates counted for small caps ("the yield is near its high, and small caps are the more tied to
 *   rising yields") beside "Since the peak the Russell 2000 has gained 7.7%, against a gain of 8.8% for the S&P 500".
 *   Near the high the weeks since it are weeks of easing yields, in which that tie has small caps trail (reading 70
 *   showed that counting them for neither side there turned the tie at work into a contradiction): the note now says
 *   so (`easedAsTied`);
 * - weekly, 2017-11-17: "rates now count for neither side (for small caps a week earlier)" with no word of what moved
 *   (the yield went from 21 to 26 bp below its high, past the 25 bp that count as a fall), and the body's "so the fall
 *   no longer counts" of a fall that had never counted;
 * - reading 70: the breadth low "on 13 November 2023, the first day of that window" a few days after the window's
 *   first day; breadth and the score moving in the weighing with no sentence saying how they weigh or why they moved;
 * - weekly, 2024-09-13: "On 10 September it closed at its lowest of the last 200 trading days, 3.65%" beside "At 3.65%
 *   it is now 106 bp lower": the close (3.650) prints as the low (3.646), and the note now says it is above it;
 * - Figure 5's "too few to draw" over a week and a half since the yield's peak read as a broken chart
 *   (tests/charts/rates-chart.test.ts).
 * Skipped without the real data, but for the rule itself.
 */
import { describe, expect, it } from 'vitest';
import { loadMarket } from '../../src/data/load-market.js';
import { ratesWeighing } from '../../src/facts/judgements/sections.js';
import { HAS_REAL, writeRealMarketYaml } from '../helpers/real-market.js';
import { readNote } from '../helpers/read-note.js';
import { ratesSensitivity } from '../helpers/rates-sensitivity.js';

describe('rates near the yield\'s high: the weeks since it are yields easing, which test the tie, not the reading', () => {
  const sens = ratesSensitivity;
  it('small caps the more tied to rising yields, near the high: counts for them, and says when they trailed since it', () => {
    expect(ratesWeighing({ state: 'nearPeak' }, sens(0.43, 0.32), false, 'level')).toMatchObject({ lean: 'for', why: 'risingHigh', easedAsTied: false });
    expect(ratesWeighing({ state: 'nearPeak' }, sens(0.43, 0.32), false, 'small')).toMatchObject({ lean: 'for', why: 'risingHigh', easedAsTied: false });
    expect(ratesWeighing({ state: 'nearPeak' }, sens(0.43, 0.32), false, 'large')).toMatchObject({ lean: 'for', why: 'risingHigh', easedAsTied: true });
    // at the high there has been no easing to speak of
    expect(ratesWeighing({ state: 'atPeak' }, sens(0.43, 0.32), false, 'large')).toMatchObject({ lean: 'for', easedAsTied: false });
  });
  it('small caps the more tied to falling yields, near the high: counts against them, and says when they led since it', () => {
    expect(ratesWeighing({ state: 'nearPeak' }, sens(-0.43, -0.2), false, 'small')).toMatchObject({ lean: 'against', why: 'nearHigh', easedAsTied: true });
    expect(ratesWeighing({ state: 'nearPeak' }, sens(-0.43, -0.2), false, 'large')).toMatchObject({ lean: 'against', why: 'nearHigh', easedAsTied: false });
    // off the high the record since it is the fall the reading speaks of: against it, neither side
    expect(ratesWeighing({ state: 'falling' }, sens(-0.43, -0.2), false, 'small')).toMatchObject({ lean: 'for', why: 'falling', easedAsTied: false });
    expect(ratesWeighing({ state: 'falling' }, sens(-0.43, -0.2), false, 'large')).toMatchObject({ lean: 'neutral', why: 'notBorneOut' });
  });
});

describe.skipIf(!HAS_REAL)('reading sixty-nine (real data)', () => {
  const market = HAS_REAL ? loadMarket(writeRealMarketYaml()) : undefined;

  it('2017-11-10 weekly: near its high, the Russell 2000 trailing since the high is said as the tie at work', () => {
    const { facts, text } = readNote(market!, 'weekly-outlook', '2017-11-10');
    expect(facts.judgements!.rates.peak.state).toBe('nearPeak');
    expect(facts.judgements!.rates.weighing).toMatchObject({ lean: 'for', tie: 'risingTied', why: 'risingHigh', easedAsTied: true });
    expect(text).toContain('Since the peak the Russell 2000 has gained 7.7%, against a gain of 8.8% for the S&P 500.');
    expect(text).toContain(
      'In the weighing of the evidence rates count for small caps: the yield is near its high, and small caps are the more tied to rising yields; since that high, as the yield eased, the Russell 2000 has done worse than the S&P 500, as that tie would have it.',
    );
  }, 60_000);

  it('2017-11-17 weekly: the body does not say the fall "no longer" counts', () => {
    const { facts, text } = readNote(market!, 'weekly-outlook', '2017-11-17');
    expect(facts.judgements!.rates.weighing).toMatchObject({ lean: 'neutral', why: 'risingChart' });
    expect(text).toContain('its own chart is on a buy signal in a column of Xs, so the fall does not count.');
    expect(text).not.toContain('no longer counts.');
  }, 60_000);

  it('What changed says why the rates reading moved: the yield crossing the line of a fall, or back (2021-11-26, 2017-03-03, 2021-01-08)', () => {
    const lines = (d: string) => readNote(market!, 'weekly-outlook', d).facts.changes!.items.map((c) => c.text);
    expect(lines('2021-11-26')).toContainEqual(
      expect.stringContaining('rates now count against small caps (for small caps a week earlier, when the yield was 21 bp below its high; 27 bp now, 25 bp or more counting as a fall)'),
    );
    expect(lines('2017-03-03')).toContainEqual(
      expect.stringContaining('rates now count for small caps (against small caps a week earlier, when the yield was 28 bp below its high; 11 bp below its high now, less than the 25 bp that count as a fall)'),
    );
    expect(lines('2021-01-08')).toContainEqual(
      expect.stringContaining('rates now count for small caps (for neither side a week earlier, when the yield was 35 bp below its high; at its high now)'),
    );
  }, 120_000);

  it('2024-09-13 weekly: a close that prints as the 200-day low of an earlier day is said to be above it', () => {
    const { facts, text } = readNote(market!, 'weekly-outlook', '2024-09-13');
    expect(facts.rates!.low).toMatchObject({ atLow: false, setThisWeek: true, closeAlike: true });
    expect(text).toContain(
      "On 10 September it closed at its lowest of the last 200 trading days, 3.65%; this week's close is above that low by less than a basis point.",
    );
    // a week whose close is the low says so, without the clause
    const low = readNote(market!, 'weekly-outlook', '2024-09-06');
    expect(low.text).not.toContain('above that low by less than a basis point');
  }, 60_000);
});
