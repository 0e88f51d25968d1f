import { describe, expect, it } from 'vitest';
import { loadMarket } from '../../../src/data/load-market.js';
import { rankingSection } from '../../../src/facts/sections/ranking.js';
import { groupRanking, rsMatrix } from '../../../src/metrics/ranking.js';
import { loadNote } from '../../../src/note/load-note.js';

const market = loadMarket();
const config = loadNote('weekly-outlook').config;

describe('rankingSection on the demo market', () => {
  it.each(['2016-03-31', '2025-12-12'])('ranks the three size groups by tally, then X rank, on %s', (asOf) => {
    const { ranking } = rankingSection(market, config, asOf);
    expect(ranking.sizeGroups.map((g) => g.group).sort()).toEqual(['Large caps', 'Mid caps', 'Small caps']);
    for (let i = 1; i < ranking.sizeGroups.length; i++) {
      const [a, b] = [ranking.sizeGroups[i - 1], ranking.sizeGroups[i]];
      expect(a.tally > b.tally || (a.tally === b.tally && a.xrank >= b.xrank)).toBe(true);
    }
    expect(ranking.warnings).toEqual([]);
    expect(ranking.method).toMatch(/^RS matrix over 6 proxies \(IVV, SPY, IJH, MDY, IWM, IJR\)/);
    // the same as the metric on the matrix of the six proxies' closes up to the as-of date
    const keys = ['IVV', 'SPY', 'IJH', 'MDY', 'IWM', 'IJR'];
    const m = rsMatrix(keys.map((k) => ({ key: k, ...market.series[k] })), { percent: 6.5, asOf });
    const r = groupRanking(config.sizeGroups, m);
    expect(ranking.sizeGroups).toEqual(r.rows);
    expect(ranking.leader).toBe(r.leader);
    expect(ranking.ties).toEqual(r.ties);
    // 15 unordered pairs: at most 15 buys in all, one per pair with a signal
    expect(ranking.sizeGroups.reduce((s, g) => s + g.tally, 0)).toBeLessThanOrEqual(15);
  });

  it('leaves out a group whose symbols are missing, with a warning (the real data has no mid caps)', () => {
    const { IJH: _a, MDY: _b, ...series } = market.series;
    const { ranking } = rankingSection({ ...market, series }, config, '2025-12-12');
    expect(ranking.sizeGroups.map((g) => g.group).sort()).toEqual(['Large caps', 'Small caps']);
    expect(ranking.warnings).toEqual(['size group "Mid caps" is left out: IJH, MDY not in the market data']);
  });

  it('warns when a proxy has no close within 7 days of the as-of date', () => {
    const { ranking } = rankingSection(market, config, '2026-01-02');
    expect(ranking.warnings).toHaveLength(6);
    expect(ranking.warnings[0]).toBe('IVV: last close on or before 2026-01-02 is 2025-12-12, 21 days earlier (limit 7); its RS charts stop at its last close');
  });

  it('flags groups of different sizes and a ranking with fewer than two groups', () => {
    const sizeGroups = { 'Large caps': ['IVV', 'SPY'], 'Small caps': ['IWM'], Micro: ['IWC'] };
    const { ranking } = rankingSection(market, { ...config, sizeGroups }, '2025-12-12');
    expect(ranking.warnings).toEqual([
      'size group "Micro" is left out: IWC not in the market data',
      'size groups have different numbers of proxies, so their tallies are not directly comparable',
    ]);
    const alone = rankingSection(market, { ...config, sizeGroups: { 'Large caps': ['IVV', 'SPY'] } }, '2025-12-12').ranking;
    expect(alone.warnings).toEqual(['fewer than two size groups with data: nothing to rank against']);
    expect(alone.leader).toBe('Large caps');
  });
});
