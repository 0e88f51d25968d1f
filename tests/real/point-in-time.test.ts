import { describe, expect, it } from 'vitest';
import { loadMarket } from '../../src/data/load-market.js';
import type { Market } from '../../src/data/types.js';
import { buildFacts } from '../../src/facts/build-facts.js';
import { loadNote } from '../../src/note/load-note.js';
import { REAL } from '../helpers/cli.js';
import { HAS_REAL, writeRealMarketYaml } from '../helpers/real-market.js';

if (!HAS_REAL) console.warn(`real data folder ${REAL} is absent: skipping the point-in-time test on real data`);

/** The same market with every row after T removed. */
function truncate(m: Market, t: string): Market {
  const cut = <T extends { dates: string[] }>(x: T): number => {
    let n = 0;
    while (n < x.dates.length && x.dates[n] <= t) n++;
    return n;
  };
  const series = Object.fromEntries(
    Object.entries(m.series).map(([k, s]) => {
      const n = cut(s);
      return [k, { ...s, dates: s.dates.slice(0, n), close: s.close.slice(0, n), open: s.open?.slice(0, n), high: s.high?.slice(0, n), low: s.low?.slice(0, n), volume: s.volume?.slice(0, n) }];
    }),
  );
  const universes = Object.fromEntries(
    Object.entries(m.universes).map(([k, u]) => {
      const n = cut(u);
      return [k, { ...u, dates: u.dates.slice(0, n), closes: u.closes.map((c) => c.slice(0, n)) }];
    }),
  );
  return { ...m, series, universes };
}

describe.skipIf(!HAS_REAL)('point-in-time facts on real data', () => {
  it('facts for T are identical with or without the rows after T', () => {
    const market = loadMarket(writeRealMarketYaml());
    const note = loadNote('weekly-outlook');
    // Fridays spread over the data, with the last dates the note can be built for.
    const dates = ['2016-11-04', '2018-06-29', '2019-12-31', '2020-03-20', '2021-07-02', '2022-10-14', '2023-06-30', '2024-08-09', '2025-04-11', '2025-12-12', '2026-02-13'];
    for (const t of dates) {
      const full = buildFacts(market, note.config, { asOf: t });
      const cut = buildFacts(truncate(market, t), note.config, { asOf: t });
      expect(JSON.stringify(cut), t).toBe(JSON.stringify(full));
    }
  }, 300_000);
});
