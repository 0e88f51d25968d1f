import { describe, expect, it } from 'vitest';
import { loadMarket } from '../../src/data/load-market.js';
import { buildFacts } from '../../src/facts/build-facts.js';
import { clearMemos } from '../../src/metrics/memo.js';
import { loadNote } from '../../src/note/load-note.js';
import { HAS_REAL, writeRealMarketYaml } from '../helpers/real-market.js';

const DATES = ['2025-12-12', '2020-03-20', '2018-01-05'];

/** Facts JSON of every date on one market (memos shared across dates and notes), and each date on a fresh market with empty memos. */
function sharedAndFresh(data: string | undefined, noteName: string) {
  const note = loadNote(noteName);
  const market = loadMarket(data);
  const shared = DATES.map((asOf) => JSON.stringify(buildFacts(market, note.config, { asOf, noteName: note.name })));
  const fresh = DATES.map((asOf) => {
    clearMemos();
    return JSON.stringify(buildFacts(loadMarket(data), note.config, { asOf, noteName: note.name }));
  });
  return { shared, fresh };
}

describe('facts do not depend on what the memos already hold', () => {
  it('weekly outlook, demo market: facts of several dates are byte-identical computed together or each from scratch', () => {
    const { shared, fresh } = sharedAndFresh(undefined, 'weekly-outlook');
    expect(shared).toEqual(fresh);
  }, 120_000);

  it('fund snapshot, demo market: same', () => {
    const { shared, fresh } = sharedAndFresh(undefined, 'fund-snapshot');
    expect(shared).toEqual(fresh);
  }, 120_000);

  it.skipIf(!HAS_REAL)('weekly outlook, real data (skipped when ../shared/data/real is absent): same', () => {
    const { shared, fresh } = sharedAndFresh(writeRealMarketYaml(), 'weekly-outlook');
    expect(shared).toEqual(fresh);
  }, 180_000);
});
