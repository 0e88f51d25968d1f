import { describe, expect, it } from 'vitest';
import { groupRanking, rsMatrix, type RsCell, type RsMatrix } from '../../src/metrics/ranking.js';
import { relativeStrength } from '../../src/metrics/pnf/index.js';
import { randomWalk } from './pnf/helpers.js';
import { loadMarket } from '../../src/data/load-market.js';
import { HAS_REAL, writeRealMarketYaml } from '../helpers/real-market.js';

/** Six seeded proxies in three groups of two, with different drifts so the RS charts move. */
function proxies() {
  const keys = ['L1', 'L2', 'M1', 'M2', 'S1', 'S2'];
  return keys.map((key, i) => {
    const w = randomWalk(100 + i, 1500, 50, 0.02);
    const drift = [1.0004, 1.0003, 1.0001, 1.0, 0.9998, 0.9997][i];
    const close = w.close.map((c, d) => c * drift ** d);
    return { key, dates: w.dates, close };
  });
}
const GROUPS = { Large: ['L1', 'L2'], Mid: ['M1', 'M2'], Small: ['S1', 'S2'] };

describe('rsMatrix', () => {
  const series = proxies();
  const m = rsMatrix(series, { asOf: series[0].dates[1400] });

  it('holds the signal and column of relativeStrength(i, j) (6.5%, 3-box) in cell [i][j], null on the diagonal', () => {
    const c = relativeStrength(series[0], series[4], { percent: 6.5, asOf: series[0].dates[1400] });
    expect(m.cells[0][4]).toEqual({ signal: c.current.signal, column: c.current.column });
    expect(m.cells.map((row, i) => row[i])).toEqual([null, null, null, null, null, null]);
  });

  it('holds in [j][i] the chart of j/i itself, which is the mirror of i/j (opposite signal and column) on every day', () => {
    const flip = { buy: 'sell', sell: 'buy', X: 'O', O: 'X' } as const;
    let pairsWithSignal = 0;
    let mirrored = 0;
    for (let day = 200; day < 1500; day += 7) {
      const asOf = series[0].dates[day];
      const at = rsMatrix(series, { asOf });
      for (let i = 0; i < 6; i++) {
        for (let j = i + 1; j < 6; j++) {
          const a = relativeStrength(series[i], series[j], { percent: 6.5, asOf }).current;
          const b = relativeStrength(series[j], series[i], { percent: 6.5, asOf }).current;
          expect(b.signal, `${i}/${j} ${asOf}`).toBe(a.signal === null ? null : flip[a.signal]);
          expect(b.column, `${i}/${j} ${asOf}`).toBe(a.column === null ? null : flip[a.column]);
          expect(at.cells[j][i], `${j}/${i} ${asOf}`).toEqual({ signal: b.signal, column: b.column });
          expect(at.cells[i][j], `${i}/${j} ${asOf}`).toEqual({ signal: a.signal, column: a.column });
          if (a.signal) pairsWithSignal++;
          mirrored++;
        }
      }
    }
    expect(mirrored).toBe(186 * 15);
    expect(pairsWithSignal).toBeGreaterThan(2000); // the check above was not vacuous
  });
});

describe('groupRanking', () => {
  const series = proxies();
  const asOf = series[0].dates[1499];
  const m = rsMatrix(series, { asOf });

  it('sums buys into the tally and Xs into the X rank, per group', () => {
    const r = groupRanking(GROUPS, m);
    for (const row of r.rows) {
      const idx = row.members.map((k) => m.keys.indexOf(k));
      const cells = idx.flatMap((i) => m.cells[i]);
      expect(row.tally).toBe(cells.filter((c) => c?.signal === 'buy').length);
      expect(row.xrank).toBe(cells.filter((c) => c?.column === 'X').length);
    }
  });

  it('gives one buy per unordered pair with a signal (mirror self-check)', () => {
    const r = groupRanking(GROUPS, m);
    const total = r.rows.reduce((s, g) => s + g.tally, 0);
    let pairs = 0;
    for (let i = 0; i < 6; i++) for (let j = i + 1; j < 6; j++) if (m.cells[i][j]?.signal) pairs++;
    expect(total).toBe(pairs);
  });

  it('ranks the same without within-group pairs: they add C(n,2) buys to every group whose pairs all have signals', () => {
    const withIn = groupRanking(GROUPS, m);
    const cross: RsMatrix = {
      keys: m.keys,
      cells: m.cells.map((row, i) => row.map((c, j) => (m.keys[i][0] === m.keys[j][0] ? null : c))),
    };
    const without = groupRanking(GROUPS, cross);
    expect(withIn.rows.map((r) => r.group)).toEqual(without.rows.map((r) => r.group));
    for (const r of withIn.rows) {
      const [a, b] = r.members.map((k) => m.keys.indexOf(k));
      const within = m.cells[a][b]?.signal ? 1 : 0; // C(2,2) = 1 when the pair has a signal
      expect(r.tally - without.rows.find((x) => x.group === r.group)!.tally).toBe(within);
    }
  });

  // hand-made matrices for the ordering rules
  const cell = (signal: 'buy' | 'sell', column: 'X' | 'O'): RsCell => ({ signal, column });
  const B = cell('buy', 'X');
  const b = cell('buy', 'O');
  const S = cell('sell', 'X');
  const s = cell('sell', 'O');
  const hand = (cells: (RsCell | null)[][]): RsMatrix => ({ keys: ['A', 'B', 'C'], cells });
  const one = { A: ['A'], B: ['B'], C: ['C'] };

  it('ranks by tally first, then X rank', () => {
    // A: 1 buy, 2 X; B: 2 buys, 0 X; C: 0 buys, 1 X
    const r = groupRanking(one, hand([[null, B, S], [b, null, b], [s, S, null]]));
    expect(r.rows.map((x) => [x.group, x.tally, x.xrank])).toEqual([['B', 2, 0], ['A', 1, 2], ['C', 0, 1]]);
    expect(r.ties).toEqual([]);
    expect(r.leader).toBe('B');
  });

  it('reports a tally tie broken by the X rank, with the leader', () => {
    // A: 1 buy, 2 X; B: 1 buy, 1 X; C: 1 buy, 0 X
    const r = groupRanking(one, hand([[null, B, S], [s, null, B], [b, s, null]]));
    expect(r.rows.map((x) => [x.group, x.tally, x.xrank])).toEqual([['A', 1, 2], ['B', 1, 1], ['C', 1, 0]]);
    expect(r.ties).toEqual([['A', 'B', 'C']]);
    expect(r.leader).toBe('A');
  });

  it('has no leader when the first two tie on tally and X rank, and keeps the given order between them', () => {
    // A: 1 buy, 1 X; B: 1 buy, 1 X; C: 1 buy, 1 X
    const r = groupRanking(one, hand([[null, b, S], [S, null, b], [b, S, null]]));
    expect(r.rows.map((x) => x.group)).toEqual(['A', 'B', 'C']);
    expect(r.ties).toEqual([['A', 'B', 'C']]);
    expect(r.leader).toBeNull();
  });

  it('throws when a group names a symbol outside the matrix', () => {
    expect(() => groupRanking({ X: ['Z'] }, hand([[null]]))).toThrow('group X: Z is not in the RS matrix');
  });
});

describe.skipIf(!HAS_REAL)('rsMatrix on the real funds (skipped when ../shared/data/real is absent)', () => {
  it('the chart of j/i is the mirror of i/j on every Friday since 2001, for every pair the ranking can use', () => {
    const market = loadMarket(writeRealMarketYaml());
    const keys = ['IVV', 'SPY', 'RSP', 'IWM', 'IJR'].filter((k) => market.series[k]);
    expect(keys.length).toBeGreaterThanOrEqual(4);
    const flip = { buy: 'sell', sell: 'buy', X: 'O', O: 'X' } as const;
    const fridays = market.series.IVV.dates.filter((d) => d >= '2001-01-01' && new Date(`${d}T00:00:00Z`).getUTCDay() === 5);
    let checked = 0;
    for (const asOf of fridays) {
      for (let i = 0; i < keys.length; i++) {
        for (let j = i + 1; j < keys.length; j++) {
          const a = relativeStrength(market.series[keys[i]], market.series[keys[j]], { percent: 6.5, asOf }).current;
          const b = relativeStrength(market.series[keys[j]], market.series[keys[i]], { percent: 6.5, asOf }).current;
          if (b.signal !== (a.signal && flip[a.signal]) || b.column !== (a.column && flip[a.column])) {
            expect.fail(`${keys[j]}/${keys[i]} on ${asOf}: ${b.signal}/${b.column} against ${a.signal}/${a.column}`);
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000 * 6);
  });
});
