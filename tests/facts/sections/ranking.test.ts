import { describe, expect, it } from 'vitest';
import { loadMarket } from '../../../src/data/load-market.js';
import { rankingSection } from '../../../src/facts/sections/ranking.js';
import { groupRanking, rsMatrix } from '../../../src/metrics/ranking.js';
import { loadNote } from '../../../src/note/load-note.js';

const market = loadMarket();
const config = loadNote('weekly-outlook').config;

describe('rankingSection on the demo market', () => {
  it.each(['2016-03-31', '2025-12-12'])('ranks the three size groups by tally, then X rank, on %s, one proxy of each index and as many in every group', (asOf) => {
    const { ranking } = rankingSection(market, config, asOf);
    expect(ranking.sizeGroups.map((g) => g.group).sort()).toEqual(['Large caps', 'Mid caps', 'Small caps']);
    for (let i = 1; i < ranking.sizeGroups.length; i++) {
      const [a, b] = [ranking.sizeGroups[i - 1], ranking.sizeGroups[i]];
      expect(a.tally > b.tally || (a.tally === b.tally && a.xrank >= b.xrank)).toBe(true);
    }
    expect(ranking.warnings).toEqual([]);
    // the demo's MDY and IJR move with IJH and IWM (daily returns correlated ≥ 0.985): left out, then RSP so that
    // every group ranks on one proxy
    expect(ranking.excluded.map((e) => [e.group, e.key])).toEqual([['Mid caps', 'MDY'], ['Small caps', 'IJR'], ['Large caps', 'RSP']]);
    expect(ranking.excluded[0].reason).toMatch(/^a clone of IJH: their daily returns correlate at 0\.99\d/);
    expect(ranking.method).toMatch(/^RS matrix over 3 proxies \(IVV, IJH, IWM\)/);
    // the same as the metric on the matrix of the three proxies' closes up to the as-of date
    const keys = ['IVV', 'IJH', 'IWM'];
    const m = rsMatrix(keys.map((k) => ({ key: k, ...market.series[k] })), { percent: 6.5, asOf });
    const r = groupRanking({ 'Large caps': ['IVV'], 'Mid caps': ['IJH'], 'Small caps': ['IWM'] }, m);
    expect(ranking.sizeGroups).toEqual(r.rows);
    expect(ranking.leader).toBe(r.leader);
    expect(ranking.ties).toEqual(r.ties);
    // 3 unordered pairs: at most 3 buys in all, one per pair with a signal
    expect(ranking.sizeGroups.reduce((s, g) => s + g.tally, 0)).toBeLessThanOrEqual(3);
  });

  it('leaves out a group whose symbols are missing, with a warning (the real data has no mid caps)', () => {
    const { IJH: _a, MDY: _b, ...series } = market.series;
    const { ranking } = rankingSection({ ...market, series }, config, '2025-12-12');
    expect(ranking.sizeGroups.map((g) => g.group).sort()).toEqual(['Large caps', 'Small caps']);
    expect(ranking.warnings).toEqual(['size group "Mid caps" is left out: IJH, MDY not in the market data']);
  });

  it('warns when a proxy has no close within 7 days of the as-of date', () => {
    const { ranking } = rankingSection(market, config, '2026-01-02');
    expect(ranking.warnings).toHaveLength(3);
    expect(ranking.warnings[0]).toBe('IVV: last close on or before 2026-01-02 is 2025-12-12, 21 days earlier (limit 7); its RS charts stop at its last close');
  });

  it('leaves out a clone of a proxy listed before it in its group (SPY beside IVV), ranks every group on as many proxies, and flags a ranking with fewer than two groups', () => {
    const sizeGroups = { 'Large caps': ['IVV', 'SPY', 'RSP'], 'Small caps': ['IWM'], Micro: ['IWC'] };
    const { ranking } = rankingSection(market, { ...config, sizeGroups }, '2025-12-12');
    expect(ranking.warnings).toEqual(['size group "Micro" is left out: IWC not in the market data']);
    expect(ranking.excluded.map((e) => [e.key, e.reason.replace(/:.*/, '')])).toEqual([['SPY', 'a clone of IVV'], ['RSP', 'left out so that every group ranks on 1 proxy']]);
    expect(ranking.sizeGroups.map((g) => g.members.length)).toEqual([1, 1]);
    const alone = rankingSection(market, { ...config, sizeGroups: { 'Large caps': ['IVV', 'SPY'] } }, '2025-12-12').ranking;
    expect(alone.warnings).toEqual(['fewer than two size groups with data: nothing to rank against']);
    expect(alone.leader).toBe('Large caps');
  });
});
