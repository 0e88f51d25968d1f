/**
 * A weekly note's "this week" runs from the previous note's date: the last trading day of the week before. A note
 * on Thursday 9 April 2020 (Good Friday closed the market) said "What changed since Thursday, 2 April 2020" and
 * "The yield rose 10 bp this week", counting Thursday to Friday 3 April, which the previous note (Friday 3 April)
 * had already counted; from Friday's close the yield rose 14 bp and the S&P 500 12.1%, not 10.4%.
 */
import { describe, expect, it } from 'vitest';
import { weekBefore } from '../../src/data/calendar.js';
import { loadMarket } from '../../src/data/load-market.js';
import { buildFacts } from '../../src/facts/build-facts.js';
import { previousNoteDate } from '../../src/facts/judgements/recency.js';
import { comparisonDate } from '../../src/facts/what-changed.js';
import { loadNote } from '../../src/note/load-note.js';
import { HAS_REAL, writeRealMarketYaml } from '../helpers/real-market.js';

describe('the previous note’s date', () => {
  it('is the Friday of the week before, whatever day the note is built on', () => {
    expect(weekBefore('2025-12-12', 7)).toBe('2025-12-05'); // Friday → Friday
    expect(weekBefore('2020-04-09', 7)).toBe('2020-04-03'); // Thursday before Good Friday → the Friday before
    expect(weekBefore('2025-12-08', 7)).toBe('2025-12-05'); // Monday → last Friday
    expect(weekBefore('2025-12-14', 7)).toBe('2025-12-05'); // Sunday ends the week of Friday 12 December: the Friday before
    expect(weekBefore('2021-01-01', 7)).toBe('2020-12-25'); // across a year
    expect(weekBefore('2025-12-12', 14)).toBe('2025-11-28'); // a fortnightly note
    expect(previousNoteDate('2020-04-09', { noteIntervalDays: 7 })).toBe('2020-04-03');
    expect(comparisonDate('2020-04-09')).toBe('2020-04-03');
    expect(comparisonDate('2020-04-09', '2020-03-27')).toBe('2020-03-27');
  });
});

describe.skipIf(!HAS_REAL)('a holiday week on real data', () => {
  it('measures What changed, the yield’s week and the S&P 500’s week from the previous Friday (2020-04-09)', () => {
    const market = loadMarket(writeRealMarketYaml());
    const weekly = buildFacts(market, loadNote('weekly-outlook').config, { asOf: '2020-04-09' });
    expect(weekly.asOf).toBe('2020-04-09');
    expect(weekly.changes.since).toBe('2020-04-03');
    expect(weekly.rates!.weekChangeBp.from).toBe('2020-04-03');
    expect(weekly.judgements.previousNote).toBe('2020-04-03');
    const wrap = buildFacts(market, loadNote('rates-wrap').config, { asOf: '2020-04-09' });
    expect(wrap.yieldWatch!.weekChangeBp.from).toBe('2020-04-03');
    // the move between the two yields as printed (2 decimals)
    const at2 = (d: string) => Number(market.series.TNX.close[market.series.TNX.dates.indexOf(d)].toFixed(2));
    expect(wrap.yieldWatch!.weekChangeBp.value).toBe(Math.round((at2('2020-04-09') - at2('2020-04-03')) * 100));
    const spx = market.series.SPX;
    const ret = (spx.close[spx.dates.indexOf('2020-04-09')] / spx.close[spx.dates.indexOf('2020-04-03')] - 1) * 100;
    expect(wrap.yieldWatch!.equity.weekReturn.value).toBeCloseTo(ret, 6);
    // a Friday note is unchanged: it compares with the Friday before
    expect(buildFacts(market, loadNote('weekly-outlook').config, { asOf: '2020-04-17' }).changes.since).toBe('2020-04-09');
  }, 60_000);
});
