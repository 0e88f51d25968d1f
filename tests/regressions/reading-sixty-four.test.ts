/**
 * Reading sixty-four (a sceptical client, 22 notes on dates not read before; no figure changed with the faster engine):
 * - AEO snapshot, 2017-05-19: What changed said "from the 11 box to the 9 box" for boxes the body prints as 10.5 and
 *   8.5 (column-extended.test.ts has that case);
 * - AEO and BOOT snapshots: the score's peer leg was explained as "the data has no peer fund" in a market holding
 *   IJR: the note names no peer for a stock (`peerGroup.empty`);
 * - weekly, 2016-09-16: "not been lower than 37.5%, where it stood on 16 March" read as a support level, when 16 March
 *   is the six-month window's first day: the sentence says so;
 * - weekly, 2020-06-12: the score figure's title "Large caps' score lead is wider than six months ago" beside a body
 *   that declines to call 1.2 → 1.4 a widening (under the 0.5-point bar): the title says "slightly wider".
 * Skipped without the real data.
 */
import { describe, expect, it } from 'vitest';
import { loadMarket } from '../../src/data/load-market.js';
import { loadNote } from '../../src/note/load-note.js';
import { symbolMarket } from '../../src/pipeline/symbol-market.js';
import { HAS_REAL, writeRealMarketYaml } from '../helpers/real-market.js';
import { readNote } from '../helpers/read-note.js';

describe.skipIf(!HAS_REAL)('reading sixty-four (real data)', () => {
  const market = HAS_REAL ? loadMarket(writeRealMarketYaml()) : undefined;

  it('a stock snapshot says the note names no peer fund for it, not that the data has none', () => {
    for (const [symbol, asOf] of [['AEO', '2017-05-19'], ['BOOT', '2024-07-12']]) {
      const { market: m } = symbolMarket(loadNote('fund-snapshot'), market!, symbol);
      const { facts, text } = readNote(m, 'fund-snapshot', asOf, symbol);
      expect(facts.score![symbol].peerGroup).toMatchObject({ source: 'none', empty: 'notNamed' });
      expect(Object.keys(m.series)).toContain('IJR'); // the data has peer funds
      expect(text).toContain(`relative strength against RSP, which also stands in for the peer group (the note names no peer fund for it), so that comparison counts twice`);
      expect(text).not.toContain('the data has no peer fund');
    }
  }, 60_000);

  it("2016-09-16 weekly: a six-month low on the window's first day is said to be that", () => {
    const { facts, text } = readNote(market!, 'weekly-outlook', '2016-09-16');
    expect(facts.breadth!.SP600.recentLow).toMatchObject({ date: '2016-03-16', windowFrom: '2016-03-16' });
    expect(text).toContain('over the last six months it has not been lower than 37.5%, where it stood on 16 March, in the first week of that window');
  }, 60_000);

  it("2020-06-12 weekly: the score figure's title does not call a gap under the widening bar wider, plainly", () => {
    const { facts, text } = readNote(market!, 'weekly-outlook', '2020-06-12');
    expect(facts.judgements!.score).toMatchObject({ littleChanged: true, littleWay: 'wider', widened: false });
    expect(text).toContain("Large caps' score lead is slightly wider than six months ago");
    expect(text).toContain('by less than the 0.5 points that count as widening');
  }, 60_000);
});
