/**
 * Reading sixty-one: What changed said the yield "matched its 200-day high of 2.60% (set on 16 December 2016) on
 * 9 March" (2017-03-10) while the body said it "peaked at 2.60% … on 9 March" and Figure 5 marked the peak on 9 March:
 * 2.598 against 2.597, a new high by less than the printed precision, given two dates. The same of the low on
 * 2025-10-17 (3.976 against 3.985). "Matched" is now said only of equal closes; a close beyond the earlier one by less
 * than a basis point is a new high or low, said with the one it passed.
 * And 2024-08-02: the verdict rose to "level" on the second half's reading alone, in a week small caps fell 6.7%
 * against 2.1%, and What changed said only "(for neither side a week earlier)": the half had run 19 trading days a
 * week earlier, too few to count, and 24 now. What changed now says so.
 * And the fund's chart "in a column of Xs at 216" (2024-08-02, a close of 204.43) and "stands at its Point & Figure
 * chart's highest box, 124" (2017-03-10, a close of 120.78) read as prices: the box is now named as a box of the chart.
 * And "Three second halves in a row for small caps … (2022, 2023 and 2024)" with 2023's won 7.3% to 7.2%, a margin
 * the note calls too small to count in this year's half: the streak now says so.
 * And the IWM snapshot of 2021-07-16: its score fell from 3.2 to 2.8, below the 3 the weekly calls the usual bar for an
 * investable trend, and What changed listed only the chart's reversal (a move under half a point): a move across the
 * bar is now listed, and a larger one says it crossed.
 * Hand-made inputs always run; the cases on the dates they were read are skipped without the real data.
 */
import { describe, expect, it } from 'vitest';
import { whatChanged } from '../../src/facts/what-changed.js';
import type { Facts } from '../../src/facts/types.js';
import { HAS_REAL, writeRealMarketYaml } from '../helpers/real-market.js';
import { readNote } from '../helpers/read-note.js';
import { loadMarket } from '../../src/data/load-market.js';

const highFacts = (asOf: string, level: number, date: string) =>
  ({ asOf, rates: { yieldName: '10-year Treasury yield', peak: { windowDays: 200, level: { value: level }, date: { value: date, from: '2016-05-20' } } } }) as unknown as Facts;

describe('What changed: a new high beside an earlier one at the same printed level', () => {
  const prev = highFacts('2017-03-03', 2.597, '2016-12-16');
  it('is "matched" only when the two closes are equal', () => {
    expect(whatChanged(prev, highFacts('2017-03-10', 2.597, '2017-03-09'))[0].text).toBe(
      '10-year Treasury yield: matched its 200-day high of 2.60% (set on 16 December 2016) on 9 March',
    );
  });
  it('is new, by less than a basis point, when the close is above the earlier one', () => {
    expect(whatChanged(prev, highFacts('2017-03-10', 2.598, '2017-03-09'))[0].text).toBe(
      '10-year Treasury yield: a new 200-day high on 9 March, above the 2.60% of 16 December 2016 by less than a basis point',
    );
  });
  it('is new, with its level, when it prints above the earlier one', () => {
    expect(whatChanged(prev, highFacts('2017-03-10', 2.62, '2017-03-09'))[0].text).toBe('10-year Treasury yield: a new 200-day high of 2.62% on 9 March');
  });
});

describe('What changed: the second half counted once it has run enough trading days', () => {
  const weekly = (asOf: string, lean: string, early: boolean, days: number) =>
    ({
      asOf,
      lead: { h2Days: days },
      thresholds: { minYtdDays: 20 },
      judgements: { verdict: { standing: 'level' }, evidence: [{ id: 'h2', lean }], seasonal: { h2: { early } } },
    }) as unknown as Facts;
  const weighing = (prev: Facts, cur: Facts) => whatChanged(prev, cur).find((c) => c.kind === 'weighing')?.text;
  it('says why the reading moved when the half was too young a week earlier', () => {
    expect(weighing(weekly('2024-07-26', 'neutral', true, 19), weekly('2024-08-02', 'for', false, 24))).toBe(
      'The weighing: the second half so far now counts for small caps (for neither side a week earlier, when the half had run too few trading days to count; 24 now, at least 20 needed)',
    );
  });
  it('gives no such reason when the half was already counted', () => {
    expect(weighing(weekly('2024-08-23', 'neutral', false, 39), weekly('2024-08-30', 'for', false, 44))).toBe(
      'The weighing: the second half so far now counts for small caps (for neither side a week earlier)',
    );
  });
});

describe('What changed: a score move across the bar for an investable trend', () => {
  const scored = (asOf: string, value: number) => ({ asOf, thresholds: { investableScore: 3 }, score: { IWM: { name: 'IWM', value: { value, unit: 'points' } } } }) as unknown as Facts;
  it('lists a move under half a point that crosses the bar, and says the crossing of a larger one', () => {
    expect(whatChanged(scored('2021-07-09', 3.2), scored('2021-07-16', 2.8))).toEqual([
      { kind: 'score-bar', path: 'score.IWM.value', from: 3.2, to: 2.8, text: 'IWM: score down from 3.2 to 2.8, below the 3.0 that marks an investable trend' },
    ]);
    expect(whatChanged(scored('2021-07-09', 2.8), scored('2021-07-16', 3.0))[0].text).toBe('IWM: score up from 2.8 to 3.0, back at or above the 3.0 that marks an investable trend');
    expect(whatChanged(scored('2021-07-09', 3.4), scored('2021-07-16', 2.6))[0]).toMatchObject({ kind: 'score-change', text: 'IWM: score down from 3.4 to 2.6, below the 3.0 that marks an investable trend' });
  });
  it('lists nothing for a small move on one side of the bar, and no bar clause for a large one', () => {
    expect(whatChanged(scored('2021-07-09', 3.6), scored('2021-07-16', 3.2))).toEqual([]);
    expect(whatChanged(scored('2021-07-09', 4.6), scored('2021-07-16', 3.8))[0].text).toBe('IWM: score down from 4.6 to 3.8');
  });
});

describe.skipIf(!HAS_REAL)('reading sixty-one (real data)', () => {
  const market = HAS_REAL ? loadMarket(writeRealMarketYaml()) : undefined;
  it('2017-03-10 and 2025-10-17: the high and the low passed by less than a basis point are new, on the day the body gives', () => {
    const march = readNote(market!, 'weekly-outlook', '2017-03-10');
    expect(march.facts.rates?.peak.date.value).toBe('2017-03-09');
    expect(march.facts.changes?.items.map((c) => c.text)).toContain(
      '10-year Treasury yield: a new 200-day high on 9 March, above the 2.60% of 16 December 2016 by less than a basis point',
    );
    expect(march.text).not.toContain('matched its 200-day high');
    const october = readNote(market!, 'weekly-outlook', '2025-10-17');
    expect(october.facts.changes?.items.map((c) => c.text)).toContain(
      '10-year Treasury yield: a new 200-day low on 16 October, below the 3.98% of 4 April by less than a basis point',
    );
  }, 60_000);

  it('2024-08-02: the second half counts once it has run 20 trading days, and What changed says so', () => {
    const { facts, text } = readNote(market!, 'weekly-outlook', '2024-08-02');
    // (rates no longer count for small caps that week either since reading sixty-seven: the same line says so)
    expect(facts.changes?.items.map((c) => c.text)).toContainEqual(
      expect.stringMatching(/^The weighing: the second half so far now counts for small caps \(for neither side a week earlier, when the half had run too few trading days to count; 24 now, at least 20 needed\)(; rates now count for neither side \(for small caps a week earlier; the returns since the yield's high now go against the tie to yields by 0.5 points or more\))?$/),
    );
    expect(text).toContain('when the half had run too few trading days to count; 24 now, at least 20 needed');
    expect(text).toContain('The iShares Russell 2000 ETF (IWM) is in a column of Xs up to the 216 box, below the chart\'s highest box of 228');
    expect(text).not.toMatch(/in a column of [XO]s at \d/);
    expect(readNote(market!, 'weekly-outlook', '2017-03-10').text).toContain('The Point & Figure chart of the iShares Russell 2000 ETF (IWM) stands at its highest box, 124, first reached on 15 February');
  }, 60_000);

  it('2024-08-02 and 2025-10-17: the streak says which of its second halves were won by less than a lead', () => {
    const tail = ', counting this year\'s second half to date, though the margin was only 0.1 points in 2023, less than the 0.5 that count as a lead.';
    expect(readNote(market!, 'weekly-outlook', '2024-08-02').text).toContain(`for three consecutive years (2022, 2023 and 2024)${tail}`);
    expect(readNote(market!, 'weekly-outlook', '2025-10-17').text).toContain(`for four consecutive years (2022, 2023, 2024 and 2025)${tail}`);
    // a streak of wide margins says nothing of it
    expect(readNote(market!, 'weekly-outlook', '2022-11-18').text).not.toContain('less than the 0.5 that count as a lead');
  }, 60_000);

  it("2021-07-16 IWM snapshot: the score's fall below the bar for an investable trend is in What changed", () => {
    const { facts, text } = readNote(market!, 'fund-snapshot', '2021-07-16', 'IWM');
    expect(facts.changes?.items.map((c) => c.text)).toContain('IWM: score down from 3.2 to 2.8, below the 3.0 that marks an investable trend');
    expect(text).toContain('IWM: score down from 3.2 to 2.8, below the 3.0 that marks an investable trend');
  }, 60_000);
});
