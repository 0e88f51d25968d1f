/**
 * Reading seventy-three's leftovers (a sceptical client, 13 notes on new dates and the Friday before each):
 * - weekly, 2025-02-14: What changed said "the year's returns now count against small caps (for neither side a week
 *   earlier)" and nothing of why: the year's gap went from 0.3 points, under the 0.5 that count, to 1.8. What changed
 *   now gives both weeks' gaps whenever the year's or the second half's gap crosses that bar or changes hands;
 * - weekly, 2020-01-24: What changed listed "iShares Core S&P 500 ETF vs Invesco S&P 500 Equal Weight ETF: near-term RS
 *   reversed into Xs" and the body says nothing of that chart: the item now says it is an input of IVV's score;
 * - weekly, 2023-09-15: Figure 4's "The score gap between large and small caps has widened again" in a week the gap did
 *   not move (it widened the week before, from its low of 1 September): the title now dates the low it widened from.
 */
import { describe, expect, it } from 'vitest';
import { loadMarket } from '../../src/data/load-market.js';
import type { Facts } from '../../src/facts/types.js';
import { whatChanged } from '../../src/facts/what-changed.js';
import { HAS_REAL, writeRealMarketYaml } from '../helpers/real-market.js';
import { readNote } from '../helpers/read-note.js';

/** A weekly's facts with the year's gap (judgements.lead.ytd) and its reading in the weighing. */
const week = (gap: number, leader: 'small' | 'large' | 'tie', lean: string) =>
  ({
    asOf: '2025-02-14',
    thresholds: { evidenceMinGap: 0.5, returnDecimals: 1 },
    judgements: { verdict: { standing: 'largeEdge' }, lead: { ytd: { gapSize: gap, leader } }, evidence: [{ id: 'year', lean }] },
  }) as unknown as Facts;

describe("What changed gives the year's gaps when the year's reading moves", () => {
  it('across the bar, either way, and when the lead changes hands', () => {
    expect(whatChanged(week(0.3, 'large', 'neutral'), week(1.8, 'large', 'against'))[0]).toMatchObject({
      text: "The weighing: the year's returns now count against small caps (for neither side a week earlier, when small caps trailed by 0.3 points, under the 0.5 points that count; they trail by 1.8 now)",
      from: { yearGap: 0.3 },
    });
    expect(whatChanged(week(0.8, 'small', 'for'), week(0.2, 'small', 'neutral'))[0].text).toBe(
      "The weighing: the year's returns now count for neither side (for small caps a week earlier, when small caps led by 0.8 points; they lead by 0.2 now, under the 0.5 points that count)",
    );
    expect(whatChanged(week(0.7, 'small', 'for'), week(1.0, 'large', 'against'))[0].text).toBe(
      "The weighing: the year's returns now count against small caps (for small caps a week earlier, when small caps led by 0.7 points; they trail by 1.0 now)",
    );
    expect(whatChanged(week(0, 'tie', 'neutral'), week(1.0, 'small', 'for'))[0].text).toBe(
      "The weighing: the year's returns now count for small caps (for neither side a week earlier, when the two were level; they lead by 1.0 now)",
    );
  });
});

describe.skipIf(!HAS_REAL)('reading seventy-three (real data)', () => {
  const market = HAS_REAL ? loadMarket(writeRealMarketYaml()) : undefined;

  it("2025-02-14 weekly: the year's returns start counting, and What changed says the gap crossed the bar", () => {
    const { facts, text } = readNote(market!, 'weekly-outlook', '2025-02-14');
    expect(text).toContain('Small caps trail by 1.8 percentage points');
    expect(facts.changes!.items.map((c) => c.text)).toContainEqual(
      "The weighing: the year's returns now count against small caps (for neither side a week earlier, when small caps trailed by 0.3 points, under the 0.5 points that count; they trail by 1.8 now)",
    );
  }, 60_000);

  it("2020-01-24 weekly: IVV's RS reversal against RSP is said to be an input of its score", () => {
    const { facts, text } = readNote(market!, 'weekly-outlook', '2020-01-24');
    expect(facts.changes!.items.map((c) => c.text)).toContainEqual(
      "iShares Core S&P 500 ETF vs Invesco S&P 500 Equal Weight ETF: near-term RS reversed into Xs on 22 January (an input of IVV's trend-and-RS score)",
    );
    expect(facts.score!.IVV.benchmarks.market).toBe('RSP');
    expect(text).not.toMatch(/IVV[^.]*against RSP/);
  }, 60_000);

  it('2023-09-15 weekly: the score gap "has widened again" since the low it widened from, dated', () => {
    const { facts, text } = readNote(market!, 'weekly-outlook', '2023-09-15');
    expect(facts.judgements!.score.reopened).toMatchObject({ low: 1.4, date: { date: '2023-09-01' } });
    expect(facts.judgements!.score.gapWeek).toBeNull();
    expect(text).toContain('The score gap between large and small caps has widened again since 1 September');
  }, 60_000);
});
