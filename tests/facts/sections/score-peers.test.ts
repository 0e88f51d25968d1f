import { describe, expect, it } from 'vitest';
import { loadMarket } from '../../../src/data/load-market.js';
import type { Series } from '../../../src/data/types.js';
import { MarketNoteError } from '../../../src/errors/market-note-error.js';
import { cloneReason, peerGroupOf, scoreSection } from '../../../src/facts/sections/score.js';
import { CLONE_CORRELATION, dailyReturnCorrelation, equalWeightIndex } from '../../../src/metrics/score.js';
import { loadNote } from '../../../src/note/load-note.js';

const market = loadMarket();
const config = loadNote('weekly-outlook').config;
const asOf = '2025-12-12';

const errorOf = (f: () => unknown): MarketNoteError => {
  try {
    f();
  } catch (e) {
    if (e instanceof MarketNoteError) return e;
    throw e;
  }
  throw new Error('no error thrown');
};

describe('score peers: a group of distinct funds, never a clone', () => {
  it('uses the funds of the other size groups, one per index, equal-weighted', () => {
    const w: string[] = [];
    const g = peerGroupOf(market, config, 'IVV', asOf, w);
    expect(g).toMatchObject({ keys: ['IJH', 'IWM'], names: [market.series.IJH.name, market.series.IWM.name], average: true, source: 'sizeGroups' });
    expect(g.method).toMatch(/equal-weighted average of IJH, IWM/);
    expect(w).toEqual([]);
  });

  it('refuses a clone named in note.yaml peers, naming both funds and what to do', () => {
    const e = errorOf(() => scoreSection(market, { ...config, peers: { IVV: 'SPY' } }, asOf));
    expect(e.code).toBe('CONFIG');
    expect(e.message).toMatch(/^SPY cannot be a peer of IVV: it is a clone of IVV \(their daily returns correlate at 1\.000/);
    expect(e.hint).toMatch(/Remove SPY from note\.yaml peers\.IVV/);
  });

  it('refuses a clone found in another size group', () => {
    const e = errorOf(() => peerGroupOf(market, { ...config, sizeGroups: { Large: ['IVV'], Small: ['IWM', 'SPY'] } }, 'IVV', asOf, []));
    expect(e.message).toMatch(/^SPY cannot be a peer of IVV/);
    expect(e.hint).toMatch(/sizeGroups/);
  });

  it('tells clones by a declared index even when returns differ', () => {
    const a = { ...market.series.IWM, index: 'Russell 2000' } as Series;
    const b = { ...market.series.RSP, index: ' russell 2000 ' } as Series;
    expect(cloneReason(a, b, asOf)).toBe('both track Russell 2000 (market.yaml index)');
    expect(cloneReason(market.series.IWM, market.series.RSP, asOf)).toBeNull();
  });

  it('takes an explicit list of peers in order, leaving out a clone of an earlier member', () => {
    const w: string[] = [];
    const g = peerGroupOf(market, { ...config, peers: { IVV: ['IWM', 'IJR', 'XYZ'] } }, 'IVV', asOf, w);
    expect(g).toMatchObject({ keys: ['IWM'], source: 'peers', average: false });
    expect(g.excluded).toEqual([{ key: 'IJR', cloneOf: 'IWM', reason: expect.stringMatching(/^IJR is a clone of IWM: their daily returns correlate at 0\.99\d over/) }]);
    expect(w).toEqual(['IVV: peer XYZ is not in the market data; it is left out of the peer group']);
  });

  it('a single peer is used as itself, not as an average', () => {
    const one = scoreSection(market, { ...config, peers: { IWM: ['IJH'] } }, asOf).score.IWM;
    expect(one.benchmarks.peer).toBe('IJH');
    expect(one.peerGroup.average).toBe(false);
  });

  it('the clone threshold separates IVV/SPY-like pairs from distinct indexes on the demo market', () => {
    expect(CLONE_CORRELATION).toBe(0.985);
    expect(cloneReason(market.series.IVV, market.series.SPY, asOf)).toMatch(/correlate at/);
    expect(cloneReason(market.series.IVV, market.series.IWM, asOf)).toBeNull();
  });
});

describe('equalWeightIndex', () => {
  it('moves by the mean daily return on the dates every member has, from the mean of the first closes', () => {
    const a = { dates: ['d1', 'd2', 'd3', 'd4'], close: [10, 11, NaN, 12.1] };
    const b = { dates: ['d1', 'd2', 'd4'], close: [20, 20, 22] };
    const x = equalWeightIndex([a, b], 'd4');
    expect(x.dates).toEqual(['d1', 'd2', 'd4']);
    // 15, then 15 × (1 + (0.1 + 0)/2) = 15.75, then 15.75 × (1 + (0.1 + 0.1)/2) = 17.325
    expect(Array.from(x.close).map((v) => +v.toFixed(10))).toEqual([15, 15.75, 17.325]);
    expect(equalWeightIndex([a, b], 'd2').dates).toEqual(['d1', 'd2']);
  });
  it('returns a single member\'s valid closes unchanged', () => {
    const a = { dates: ['d1', 'd2', 'd3'], close: [10, NaN, 12] };
    expect(equalWeightIndex([a], 'd3')).toEqual({ dates: ['d1', 'd3'], close: Float64Array.from([10, 12]) });
  });
});


describe('dailyReturnCorrelation', () => {
  it('correlates returns over the common valid dates up to the as-of date', () => {
    const a = { dates: ['d1', 'd2', 'd3', 'd4', 'd5'], close: [100, 110, 99, 108.9, 50] };
    const b = { dates: ['d1', 'd2', 'd3', 'd4'], close: [10, 12, 9, 10.8] };
    // returns a: +10%, −10%, +10%; b: +20%, −25%, +20% → perfectly correlated (same sign pattern, affine)
    const c = dailyReturnCorrelation(a, b, 'd5');
    expect(c.n).toBe(3);
    expect(c.value).toBeCloseTo(1, 12);
    const flipped = { dates: b.dates, close: [10, 8, 10, 8] }; // −20%, +25%, −20%
    expect(dailyReturnCorrelation(a, flipped, 'd4').value).toBeCloseTo(-1, 12);
    expect(dailyReturnCorrelation(a, b, 'd2')).toEqual({ value: null, n: 1 });
  });

  it('gives, on every as-of date and either way round, exactly what one pass stopping at that date gives', () => {
    // two calendars with holes, gaps and missing closes; the memo sums all dates once per pair and reads them at asOf
    const rand = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const walk = (seed: number, skip: number) => {
      const r = rand(seed);
      const dates: string[] = [];
      const close: number[] = [];
      let v = 100;
      for (let d = 0; d < 400; d++) {
        if (r() < skip) continue;
        v *= 1 + (r() - 0.5) * 0.04;
        dates.push(`d${String(d).padStart(4, '0')}`);
        close.push(r() < 0.03 ? NaN : v);
      }
      return { dates, close };
    };
    const a = walk(7, 0.05);
    const b = walk(11, 0.1);
    // one pass, written out: returns on common dates ≤ asOf with a valid close on both, to the previous such date
    const direct = (x: typeof a, y: typeof a, asOf: string) => {
      const at = new Map(y.dates.map((d, k) => [d, y.close[k]]));
      let [px, py, n, sx, sy, sxx, syy, sxy] = [NaN, NaN, 0, 0, 0, 0, 0, 0];
      x.dates.forEach((d, k) => {
        const cx = x.close[k];
        const cy = at.get(d);
        if (d > asOf || cy === undefined || !(cx > 0) || !(cy > 0)) return;
        if (!Number.isNaN(px)) {
          const [u, w] = [cx / px - 1, cy / py - 1];
          n++; sx += u; sy += w; sxx += u * u; syy += w * w; sxy += u * w;
        }
        [px, py] = [cx, cy];
      });
      const [vx, vy] = [sxx - (sx * sx) / n, syy - (sy * sy) / n];
      return { value: n < 2 || vx <= 0 || vy <= 0 ? null : (sxy - (sx * sy) / n) / Math.sqrt(vx * vy), n };
    };
    for (const asOf of ['d0000', 'd0002', 'd0057', 'd0200', 'd0333', 'd0398', 'd0399', 'd9999']) {
      expect(dailyReturnCorrelation(a, b, asOf), asOf).toEqual(direct(a, b, asOf));
      expect(dailyReturnCorrelation(b, a, asOf), asOf).toEqual(direct(a, b, asOf)); // the pair the other way round
    }
    // dates out of order: no shared sums, the one pass as before
    const shuffled = { dates: [...a.dates.slice(1, 3).reverse(), ...a.dates.slice(3)], close: [...a.close.slice(1, 3).reverse(), ...a.close.slice(3)] };
    expect(dailyReturnCorrelation(shuffled, b, 'd0300').n).toBeGreaterThan(200);
  });
});
