/**
 * Reading seventy-four (a sceptical client, 28 notes on new dates and the Friday before each; no wrong figure found):
 * - fund snapshot of ABCB, 2019-07-12: "ABCB: closing prices, not adjusted for dividends" of a member of the S&P 600
 *   file, which holds Yahoo's adjusted closes: a universe now takes market.yaml's `adjusted: true`, and its members'
 *   notes say so;
 * - weekly, 2024-05-24: "yields have begun to rebound (the yield's chart is on a buy signal, …)" of a buy signal given on
 *   2 April: the note now says since when the chart has been on its buy signal;
 * - weekly, 2017-03-24 and 2021-01-15: rates counted for small caps (near the high, small caps the more tied to rising
 *   yields) and "What would change the view" never said a fall in yields would go against them (in 2017 the yield's
 *   chart had reversed into Os that week): `levels.fallRisk`;
 * - weekly, 2025-11-14: "the score counts against small caps" beside "narrower than six months ago", no reason given (the
 *   lead had widened again from a recent low), and 2025-11-07's What changed gave only the reason of the week before;
 * - weekly, 2019-02-08: "Large caps have edged ahead on the score" of a lead seven weeks old: `score.leaderSince`;
 * - rates wrap, 2020-05-29: "this week it went the other way" of a yield that edged 0.9 bp lower;
 * - weekly, 2020-07-10: the yield's 4 bp fall left out (under the 5 bp that other sentences use): the week's move is now
 *   said every week.
 */
import { describe, expect, it } from 'vitest';
import { loadMarket } from '../../src/data/load-market.js';
import { parseMarketYaml } from '../../src/data/market-yaml.js';
import { withMemberSeries } from '../../src/data/member-series.js';
import { HAS_REAL, writeRealMarketYaml } from '../helpers/real-market.js';
import { readNote } from '../helpers/read-note.js';

describe('a universe marked adjusted in market.yaml', () => {
  it('is read with the flag, and its members as series carry it', () => {
    const { config } = parseMarketYaml('universes:\n  SP600: { file: sp600.csv, layout: wide, name: "S&P 600", adjusted: true }\n', 'market.yaml');
    expect(config.universes.SP600.adjusted).toBe(true);
    expect(() => parseMarketYaml('universes:\n  SP600: { file: sp600.csv, adjusted: yes please }\n', 'market.yaml')).toThrow();
    const universe = { key: 'U', name: 'U', file: 'u.csv', dates: ['2025-12-11', '2025-12-12'], members: ['AAA'], closes: [Float64Array.of(10, 11)] };
    const market = { source: 'x', series: {}, universes: { U: { ...universe, adjusted: true } } };
    expect(withMemberSeries(market, 'U').market.series.AAA.adjusted).toBe(true);
    expect(withMemberSeries({ ...market, universes: { U: universe } }, 'U').market.series.AAA.adjusted).toBeUndefined();
  });
});

describe.skipIf(!HAS_REAL)('reading seventy-four (real data)', () => {
  const market = HAS_REAL ? loadMarket(writeRealMarketYaml()) : undefined;

  it('2019-07-12 snapshot of ABCB: its closes are said to be dividend-adjusted, as the file holds them', () => {
    const { facts } = readNote(withMemberSeries(market!, 'SP600').market, 'fund-snapshot', '2019-07-12', 'ABCB');
    expect(facts.data.series.ABCB.adjusted).toBe(true);
    expect(facts.data.caveats.join(' ')).not.toContain('not adjusted for dividends');
    expect(facts.data.caveats).toContainEqual(expect.stringMatching(/^Dividend-adjusted closes: ABCB, .*levels and highs sit below the prices they traded at\.$/));
    // a universe not marked adjusted: its member's plain closes are said to leave out dividends, beside the funds'
    const { adjusted: _, ...plain } = market!.universes.SP600;
    const unmarked = withMemberSeries({ ...market!, universes: { ...market!.universes, SP600: plain } }, 'SP600').market;
    expect(readNote(unmarked, 'fund-snapshot', '2019-07-12', 'ABCB').facts.data.caveats).toContain(
      'ABCB: closing prices, not adjusted for dividends; its returns, and its relative strength against the dividend-adjusted fund above, leave out its dividends.',
    );
  }, 60_000);

  it('2024-05-24 weekly: not "begun to rebound" of a buy signal given on 2 April', () => {
    const { text } = readNote(market!, 'weekly-outlook', '2024-05-24');
    expect(text).not.toContain('begun to rebound');
    expect(text).toContain("And the yield's chart has been on a buy signal since 2 April and is in a column of Xs: a further rise would be a headwind, since small caps have tended to rise when yields fall, more than large caps.");
  }, 60_000);

  it('2017-03-24 and 2021-01-15 weekly: rates counting for small caps near the high name a fall in yields as a risk', () => {
    const a = readNote(market!, 'weekly-outlook', '2017-03-24');
    expect(a.facts.judgements!.rates!.weighing).toMatchObject({ lean: 'for', why: 'risingHigh' });
    expect(a.facts.judgements!.levels.fallRisk).toBe(true);
    expect(a.text).toContain("And the yield's chart has been in a column of Os since 21 March: a further fall would be a headwind, since small caps have tended to rise with yields, more than large caps.");
    const b = readNote(market!, 'weekly-outlook', '2021-01-15');
    expect(b.text).toContain('And a fall in yields would be a headwind, since small caps have tended to rise with yields, more than large caps.');
    // where rates do not count that way, no such sentence
    const c = readNote(market!, 'weekly-outlook', '2024-05-24');
    expect(c.facts.judgements!.levels.fallRisk).toBe(false);
    expect(c.text).not.toContain('a fall in yields would be a headwind');
  }, 120_000);

  it('2025-11-14 weekly: the score counting against small caps gives its reason; 2025-11-07 What changed says what moved it', () => {
    const { facts, text } = readNote(market!, 'weekly-outlook', '2025-11-14');
    expect(facts.judgements!.score.reopened).toMatchObject({ low: 2.6, date: { date: '2025-10-23' } });
    expect(text).toContain("In the weighing of the evidence the score counts against small caps: large caps' lead on it has widened again since 23 October, so it does not count as narrowing.");
    expect(readNote(market!, 'weekly-outlook', '2025-11-07').facts.changes!.items.map((c) => c.text)).toContainEqual(
      "The weighing: the score now counts against small caps (for neither side a week earlier, when large caps' lead on it was narrower than six months before by at least the 0.5 points that count as narrowing; it has widened again since 23 October)",
    );
  }, 120_000);

  it('2019-02-08 weekly: a score lead weeks old is dated, not "edged ahead"', () => {
    const { facts, text } = readNote(market!, 'weekly-outlook', '2019-02-08');
    expect(facts.judgements!.score).toMatchObject({ leaderChanged: true, leaderSince: { date: '2018-12-21' } });
    expect(text).not.toContain('edged ahead');
    expect(text).toContain('Large caps have been slightly ahead on the score since 21 December 2018');
  }, 60_000);

  it('2020-05-29 rates wrap: a yield that edged 0.9 bp lower is no week that "went the other way"', () => {
    const { facts, text } = readNote(market!, 'rates-wrap', '2020-05-29');
    expect(facts.yieldWatch!.equity.weekAgainst).toBe(false);
    expect(text).not.toContain('went the other way');
  }, 60_000);

  it("2020-07-10 weekly: the yield's 4 bp fall is said", () => {
    const { facts, text } = readNote(market!, 'weekly-outlook', '2020-07-10');
    expect(facts.judgements!.rates!.peak.weekMove).toBe('down');
    expect(text).toContain('The yield fell 4 bp this week.');
  }, 60_000);
});
