/**
 * Reading sixty-one (left then, fixed now): the ABCB snapshot of 2023-03-17 fell 15.7% in the week and its column of Os
 * grew six boxes, from the 41 box to the 35 box, while What changed said only "no new signal, column reversal, trend
 * flip or relative-strength reversal …": true, but read as a quiet week. A column that grows by a reversal's worth of
 * boxes or more (its end passes the level at which it would now reverse) is now listed, kind `column-extended`, and the
 * empty list names the kind among what did not happen.
 * Reading sixty-four: AEO's boxes below 10 (0.5 apart on the traditional scale) were printed rounded to whole numbers,
 * "from the 11 box to the 9 box" beside a body's "down to 8.5"; they print as the body prints them now.
 * Hand-made inputs always run; the case on the date it was read is skipped without the real data.
 */
import { describe, expect, it } from 'vitest';
import { columnExtension, whatChanged } from '../../src/facts/what-changed.js';
import type { Facts } from '../../src/facts/types.js';
import { loadMarket } from '../../src/data/load-market.js';
import { HAS_REAL, writeRealMarketYaml } from '../helpers/real-market.js';
import { readNote } from '../helpers/read-note.js';
import { loadNote } from '../../src/note/load-note.js';
import { symbolMarket } from '../../src/pipeline/symbol-market.js';

describe('columnExtension', () => {
  it('is the column end last week and now when the same column grew by the reversal count of boxes or more', () => {
    // X column, 4-point boxes, 3-box reversal: the top 252 reverses at 240; last week's top 236 is below it (4 boxes)
    expect(columnExtension(236, 220, 252, 220, 'X', { reversal: 240, reversalInto: 'O' })).toEqual([236, 252]);
    // exactly three boxes: 240 → 252 reverses at 240
    expect(columnExtension(240, 220, 252, 220, 'X', { reversal: 240, reversalInto: 'O' })).toEqual([240, 252]);
    // two boxes only
    expect(columnExtension(244, 220, 252, 220, 'X', { reversal: 240, reversalInto: 'O' })).toBeNull();
    // O column: 41 → 35 on 1-point boxes reverses at 38
    expect(columnExtension(47, 41, 47, 35, 'O', { reversal: 38, reversalInto: 'X' })).toEqual([41, 35]);
    expect(columnExtension(47, 37, 47, 35, 'O', { reversal: 38, reversalInto: 'X' })).toBeNull();
  });
  it('is null without levels, for a column that did not grow, or when the levels belong to the other side', () => {
    expect(columnExtension(236, 220, 252, 220, 'X', undefined)).toBeNull();
    expect(columnExtension(252, 220, 252, 220, 'X', { reversal: 240, reversalInto: 'O' })).toBeNull();
    expect(columnExtension(236, 220, 252, 220, 'X', { reversal: 264, reversalInto: 'X' })).toBeNull();
    expect(columnExtension(null, 220, 252, 220, 'X', { reversal: 240, reversalInto: 'O' })).toBeNull();
  });
});

describe('What changed: a column grown by a reversal’s worth of boxes', () => {
  const pnf = (asOf: string, p: Record<string, unknown>) =>
    ({ asOf, pnf: { ABCB: { name: 'ABCB', column: 'O', columnSince: '2023-03-02', highestBox: 60, ...p } } }) as unknown as Facts;
  const levels = { reversal: 38, reversalInto: 'X' };
  it('lists the column, with its end last week and now', () => {
    const items = whatChanged(pnf('2023-03-10', { columnTop: 47, columnBottom: 41 }), pnf('2023-03-17', { columnTop: 47, columnBottom: 35, levels }));
    expect(items).toEqual([
      { kind: 'column-extended', path: 'pnf.ABCB.columnBottom', from: 41, to: 35, text: "ABCB: P&F column of Os fell from the 41 box to the 35 box, a reversal's worth of boxes or more" },
    ]);
  });
  it('prints the boxes as the body prints its levels (levelDecimals)', () => {
    const tnx = (asOf: string, p: Record<string, unknown>) =>
      ({ asOf, pnf: { TNX: { name: 'TNX', column: 'X', columnSince: '2025-11-03', highestBox: 50, levelDecimals: 1, ...p } } }) as unknown as Facts;
    const items = whatChanged(tnx('2025-12-05', { columnTop: 40.5, columnBottom: 38 }), tnx('2025-12-12', { columnTop: 42, columnBottom: 38, levels: { reversal: 40.5, reversalInto: 'O' } }));
    expect(items.map((c) => c.text)).toEqual(["TNX: P&F column of Xs rose from the 40.5 box to the 42.0 box, a reversal's worth of boxes or more"]);
  });
  it('prints a box below 10 on a traditional scale with its decimals (levelDecimals 0 is the larger boxes\' need: reading sixty-four)', () => {
    const aeo = (asOf: string, p: Record<string, unknown>) =>
      ({ asOf, pnf: { AEO: { name: 'AEO', column: 'O', columnSince: '2017-04-20', highestBox: 17, levelDecimals: 0, ...p } } }) as unknown as Facts;
    const items = whatChanged(aeo('2017-05-12', { columnTop: 14, columnBottom: 10.5 }), aeo('2017-05-19', { columnTop: 14, columnBottom: 8.5, levels: { reversal: 10, reversalInto: 'X' } }));
    // was "from the 11 box to the 9 box": levels rounded to whole numbers, boxes the chart never printed
    expect(items.map((c) => c.text)).toEqual(["AEO: P&F column of Os fell from the 10.5 box to the 8.5 box, a reversal's worth of boxes or more"]);
    const high = (asOf: string, h: number) => aeo(asOf, { column: 'X', columnTop: h, columnBottom: 8, highestBox: h });
    expect(whatChanged(high('2017-05-12', 9.5), high('2017-05-19', 9.75)).map((c) => c.text)).toEqual(['AEO: a new highest box on its P&F chart, 9.75']);
  });
  it('lists nothing for a smaller move, a new column (the reversal says it) or a new highest box (it says the rise)', () => {
    expect(whatChanged(pnf('2023-03-10', { columnTop: 47, columnBottom: 37 }), pnf('2023-03-17', { columnTop: 47, columnBottom: 35, levels }))).toEqual([]);
    const reversed = whatChanged(pnf('2023-03-10', { column: 'X', columnTop: 47, columnBottom: 41 }), pnf('2023-03-17', { columnSince: '2023-03-14', columnTop: 47, columnBottom: 35, levels }));
    expect(reversed.map((c) => c.kind)).toEqual(['column-flip']);
    const high = whatChanged(
      pnf('2023-03-10', { column: 'X', columnTop: 56, columnBottom: 50, highestBox: 56 }),
      pnf('2023-03-17', { column: 'X', columnTop: 62, columnBottom: 50, highestBox: 62, levels: { reversal: 59, reversalInto: 'O' } }),
    );
    expect(high.map((c) => c.kind)).toEqual(['new-high']);
  });
});

describe('What changed: the bullish percent chart’s column grown by a reversal’s worth of boxes (2-point boxes, 3-box reversal)', () => {
  const bp = (asOf: string, b: Record<string, unknown>) =>
    ({ asOf, breadth: { SP600: { name: 'S&P 600', column: 'O', reversedFrom: { level: 74, date: '2020-08-14', on: '2020-09-08' }, ...b } } }) as unknown as Facts;
  it('lists a fall of four boxes in the same column, with the boxes as the body prints them', () => {
    const items = whatChanged(bp('2020-09-18', { columnTop: 74, columnBottom: 64 }), bp('2020-09-25', { columnTop: 74, columnBottom: 56 }));
    expect(items).toEqual([
      { kind: 'column-extended', path: 'breadth.SP600.columnBottom', from: 64, to: 56, text: "S&P 600 (SP600): bullish percent column of Os fell from the 64% box to the 56% box, a reversal's worth of boxes or more" },
    ]);
  });
  it('lists nothing for two boxes, or for a column begun this week', () => {
    expect(whatChanged(bp('2020-09-18', { columnTop: 74, columnBottom: 64 }), bp('2020-09-25', { columnTop: 74, columnBottom: 60 }))).toEqual([]);
    const fresh = bp('2020-09-25', { columnTop: 74, columnBottom: 56, reversedFrom: { level: 74, date: '2020-09-21', on: '2020-09-23' } });
    expect(whatChanged(bp('2020-09-18', { columnTop: 74, columnBottom: 64 }), fresh)).toEqual([]);
  });
});

describe.skipIf(!HAS_REAL)('on the dates they were read (real data)', () => {
  const market = HAS_REAL ? loadMarket(writeRealMarketYaml()) : undefined;
  /** The What changed item expected on a date: the only one listed, printed as it is, beside the body's `column` sentence. */
  const listsOnly = (note: { facts: Facts; text: string }, item: string, column: string, none: string) => {
    expect(note.facts.changes?.items.map((c) => c.text)).toEqual([item]);
    expect(note.text).toContain(item);
    expect(note.text).toContain(column);
    expect(note.text).not.toContain(none);
  };
  it("2020-09-25 weekly (reading sixty-two): the bullish percent's four-box fall, where the list said nothing changed on the charts the note reads", () => {
    listsOnly(
      readNote(market!, 'weekly-outlook', '2020-09-25'),
      "S&P 600: bullish percent column of Os fell from the 64% box to the 56% box, a reversal's worth of boxes or more",
      'It is in a column of Os down to the 56% box',
      'No new Point & Figure signal',
    );
  }, 60_000);
  it.each([
    // reading sixty-one: the six-box fall of ABCB's column of Os, beside the body's column
    ['ABCB', '2023-03-17', "ABCB: P&F column of Os fell from the 41 box to the 35 box, a reversal's worth of boxes or more", 'The current column of Os (since 2 March) fills the boxes from 47 down to 35.', 'no new signal, column reversal'],
    // reading sixty-four: the boxes of a stock under $20 as the body prints them
    ['AEO', '2017-05-19', "AEO: P&F column of Os fell from the 10.5 box to the 8.5 box, a reversal's worth of boxes or more", 'fills the boxes from 14 down to 8.5', 'from the 11 box to the 9 box'],
  ])('%s snapshot on %s: the column grown by a reversal\'s worth of boxes', (symbol, asOf, item, column, none) => {
    const { market: withSymbol } = symbolMarket(loadNote('fund-snapshot'), market!, symbol);
    listsOnly(readNote(withSymbol, 'fund-snapshot', asOf, symbol), item, column, none);
  }, 60_000);
});
