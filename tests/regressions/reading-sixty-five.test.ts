/**
 * Reading sixty-five (a sceptical client, 22 notes on dates not read before; no figure changed with the faster engine):
 * - rates wrap, 2024-03-08: "The yield's chart is on a buy signal" over a column of Os three boxes below the breakout,
 *   and the level that would give a sell never printed: the heading says the pullback, the body the level;
 * - weekly, 2024-09-27: "Its trend turned negative on 11 July", twelve weeks on, read as the week's news: "turned"
 *   only within ten trading days of the flip, as the snapshot and the rates wrap say it;
 * - weekly, 2019-03-15: "Small caps are taking the lead" in a week when every figure moved the other way: the verdict
 *   is a standing, "Small caps lead".
 * Skipped without the real data.
 */
import { describe, expect, it } from 'vitest';
import { loadMarket } from '../../src/data/load-market.js';
import { HAS_REAL, writeRealMarketYaml } from '../helpers/real-market.js';
import { readNote } from '../helpers/read-note.js';

describe.skipIf(!HAS_REAL)('reading sixty-five (real data)', () => {
  const market = HAS_REAL ? loadMarket(writeRealMarketYaml()) : undefined;

  it('2024-03-08 rates wrap: a buy signal pulling back in Os says so, and gives the level of the sell', () => {
    const { facts, text } = readNote(market!, 'rates-wrap', '2024-03-08');
    const p = facts.pnf!.TNX;
    expect(p).toMatchObject({ signal: 'buy', column: 'O', signalNear: false, levels: { signal: 38, signalType: 'sell' } });
    expect(text).toContain("The yield's chart is on a buy signal, pulling back in Os");
    expect(text).toContain('has fallen to 40.5. A fall to 38.0 would give a sell signal.');
  }, 60_000);

  it('2024-09-27 weekly: a trend that flipped twelve weeks ago did not "turn" this week', () => {
    const { facts, text } = readNote(market!, 'weekly-outlook', '2024-09-27');
    expect(facts.pnf!.TNX).toMatchObject({ trend: 'negative', trendSince: '2024-07-11', trendFlippedRecently: false });
    expect(facts.judgements!.rates.chart.trend.turned).toBe(false);
    expect(text).toContain('Its trend is negative (since 11 July).');
    expect(text).not.toContain('Its trend turned');
  }, 60_000);

  it('2019-03-15 weekly: the verdict is a standing, not a movement', () => {
    const { facts, text } = readNote(market!, 'weekly-outlook', '2019-03-15');
    expect(facts.judgements!.verdict.standing).toBe('smallLead');
    expect(text).toContain('On the evidence below, small caps lead.');
    expect(text).not.toContain('taking the lead');
  }, 60_000);
});
