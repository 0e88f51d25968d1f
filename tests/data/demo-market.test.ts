import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_END, DEMO_START, DEMO_UNIVERSE_START, demoMarket, demoMarketFiles } from '../../src/data/demo-market.js';
import { loadMarket } from '../../src/data/load-market.js';
import type { Market, Series } from '../../src/data/types.js';

let market: Market;
let files: { path: string; content: string }[];
beforeAll(() => {
  market = demoMarket();
  files = demoMarketFiles();
});

const last = <T>(xs: ArrayLike<T>): T => xs[xs.length - 1];
const max = (xs: ArrayLike<number>, from = 0): number => {
  let m = -Infinity;
  for (let i = from; i < xs.length; i++) if (xs[i] > m) m = xs[i];
  return m;
};
/** Close on the last date on or before `date`. */
function closeOn(s: Series, date: string): number {
  let i = s.dates.length - 1;
  while (s.dates[i] > date) i--;
  return s.close[i];
}
/** Differences between two markets (typed arrays compared element by element with Object.is; fast on 1.7M cells). */
function marketDiff(a: Market, b: Market): string[] {
  const diffs: string[] = [];
  const arrays = (x: object) => Object.entries(x).filter(([, v]) => ArrayBuffer.isView(v)) as [string, Float64Array][];
  const plain = (x: object) => Object.fromEntries(Object.entries(x).filter(([k, v]) => !ArrayBuffer.isView(v) && k !== 'file' && k !== 'closes'));
  const sameArray = (x: ArrayLike<number>, y: ArrayLike<number> | undefined) => {
    if (!y || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return false;
    return true;
  };
  for (const group of ['series', 'universes'] as const) {
    if (Object.keys(a[group]).join() !== Object.keys(b[group]).join()) diffs.push(`${group} keys`);
    for (const [key, x] of Object.entries(a[group])) {
      const y = (b[group] as Record<string, object>)[key];
      if (!y) continue;
      if (JSON.stringify(plain(x)) !== JSON.stringify(plain(y))) diffs.push(`${key} fields`);
      const xs = arrays(x), ys = Object.fromEntries(arrays(y));
      if (xs.length !== Object.keys(ys).length) diffs.push(`${key} columns`);
      for (const [name, col] of xs) if (!sameArray(col, ys[name])) diffs.push(`${key}.${name}`);
      if ('closes' in x) (x.closes as Float64Array[]).forEach((c, m) => sameArray(c, (y as { closes: Float64Array[] }).closes[m]) || diffs.push(`${key}.closes[${m}]`));
    }
  }
  return diffs;
}

function pearson(a: number[], b: number[]): number {
  const n = a.length;
  const ma = a.reduce((x, y) => x + y, 0) / n;
  const mb = b.reduce((x, y) => x + y, 0) / n;
  let ab = 0, aa = 0, bb = 0;
  for (let i = 0; i < n; i++) {
    ab += (a[i] - ma) * (b[i] - mb);
    aa += (a[i] - ma) ** 2;
    bb += (b[i] - mb) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

describe('demoMarket', () => {
  it('is the same market on every call', () => {
    expect(marketDiff(demoMarket(), market)).toEqual([]);
  });

  it('has the series and the universe the weekly note uses', () => {
    expect(Object.keys(market.series)).toEqual(['SPX', 'RUT', 'TNX', 'IVV', 'SPY', 'RSP', 'IJH', 'MDY', 'IWM', 'IJR']);
    expect(Object.keys(market.universes)).toEqual(['SP600']);
    expect(market.series.TNX.kind).toBe('yield');
    expect(market.series.SPX.volume).toBeDefined();
    for (const s of Object.values(market.series)) expect([s.open, s.high, s.low].every(Boolean)).toBe(true);
  });

  it('trades on weekdays only, skipping just Jan 1, Jul 4 and Dec 25', () => {
    const DAY = 86_400_000;
    for (const s of Object.values(market.series)) {
      expect(s.dates[0]).toBe(DEMO_START);
      expect(last(s.dates)).toBe(DEMO_END);
    }
    const dates = market.series.SPX.dates;
    for (let i = 1; i < dates.length; i++) {
      const a = Date.parse(`${dates[i - 1]}T00:00:00Z`);
      const b = Date.parse(`${dates[i]}T00:00:00Z`);
      expect(b).toBeGreaterThan(a);
      for (let t = a + DAY; t < b; t += DAY) {
        const d = new Date(t);
        const md = d.toISOString().slice(5, 10);
        const skippable = d.getUTCDay() === 0 || d.getUTCDay() === 6 || md === '01-01' || md === '07-04' || md === '12-25';
        if (!skippable) throw new Error(`gap at ${d.toISOString().slice(0, 10)}`);
      }
      const wd = new Date(b).getUTCDay();
      if (wd === 0 || wd === 6) throw new Error(`weekend date ${dates[i]}`);
    }
    for (const s of Object.values(market.series)) expect(s.dates).toEqual(dates);
  });

  it('has consistent bars: low ≤ open, close ≤ high, all above zero, 2 decimals (3 for the yield)', () => {
    for (const s of Object.values(market.series)) {
      const scale = s.kind === 'yield' ? 1000 : 100;
      for (let i = 0; i < s.dates.length; i++) {
        const [o, h, l, c] = [s.open![i], s.high![i], s.low![i], s.close[i]];
        if (!(l > 0 && l <= Math.min(o, c) && h >= Math.max(o, c))) throw new Error(`${s.key} ${s.dates[i]}: ${o} ${h} ${l} ${c}`);
        for (const v of [o, h, l, c]) if (Math.abs(Math.round(v * scale) - v * scale) > 1e-6) throw new Error(`${s.key} ${v}`);
      }
    }
    expect(market.series.SPX.volume!.every((v) => Number.isInteger(v) && v > 0)).toBe(true);
  });

  it('puts the indexes and the yield in their intended ranges', () => {
    const { SPX, RUT, TNX } = market.series;
    expect(SPX.close[0]).toBeGreaterThan(1100);
    expect(SPX.close[0]).toBeLessThan(1400);
    expect(last(SPX.close)).toBeGreaterThan(6300);
    expect(last(SPX.close)).toBeLessThan(7300);
    expect(RUT.close[0]).toBeGreaterThan(400);
    expect(RUT.close[0]).toBeLessThan(600);
    expect(last(RUT.close)).toBeGreaterThan(2200);
    expect(last(RUT.close)).toBeLessThan(2800);
    expect(Math.min(...TNX.close)).toBeGreaterThan(1.3);
    expect(max(TNX.close)).toBeLessThan(5.6);
  });

  it('has funds that track their index at a fixed ratio', () => {
    const { SPX, RUT, IVV, SPY, IWM } = market.series;
    for (let i = 0; i < SPX.dates.length; i += 97) {
      expect(IVV.close[i] / SPX.close[i]).toBeCloseTo(0.1, 2);
      expect(SPY.close[i] / SPX.close[i]).toBeCloseTo(0.0995, 2);
      expect(IWM.close[i] / RUT.close[i]).toBeCloseTo(0.1, 2);
    }
  });

  it('ends with small caps near their all-time high', () => {
    for (const key of ['RUT', 'IWM', 'IJR']) {
      const s = market.series[key];
      expect(last(s.close) / max(s.close)).toBeGreaterThan(0.97);
    }
  });

  it('has small caps beating large caps in some second halves and lagging in others', () => {
    const { SPX, RUT } = market.series;
    let wins = 0;
    for (let y = 2001; y <= 2024; y++) {
      const h2 = (s: Series) => closeOn(s, `${y}-12-31`) / closeOn(s, `${y}-06-30`);
      if (h2(RUT) > h2(SPX)) wins++;
    }
    expect(wins).toBeGreaterThanOrEqual(6);
    expect(wins).toBeLessThanOrEqual(18);
  });

  it('has a yield peak within the last 200 days and a fall of several tens of bp since', () => {
    const close = market.series.TNX.close;
    const n = close.length;
    let peak = n - 200;
    for (let i = n - 200; i < n; i++) if (close[i] > close[peak]) peak = i;
    expect(peak).toBeGreaterThan(n - 200);
    expect(peak).toBeLessThan(n - 20);
    expect((close[peak] - close[n - 1]) * 100).toBeGreaterThan(30);
  });

  it('correlates large and small caps differently with yield changes (last 252 days)', () => {
    const { SPX, RUT, TNX } = market.series;
    const n = SPX.close.length;
    const dy: number[] = [], rl: number[] = [], rs: number[] = [];
    for (let i = n - 252; i < n; i++) {
      dy.push(TNX.close[i] - TNX.close[i - 1]);
      rl.push(SPX.close[i] / SPX.close[i - 1] - 1);
      rs.push(RUT.close[i] / RUT.close[i - 1] - 1);
    }
    expect(pearson(rl, dy) - pearson(rs, dy)).toBeGreaterThan(0.15);
    expect(pearson(rl, rs)).toBeGreaterThan(0.6);
  });
});

describe('demoMarket universe SP600', () => {
  it('has ~600 sorted, distinct members on the demo calendar from 2015', () => {
    const u = market.universes.SP600;
    expect(u.members.length).toBe(600);
    expect([...u.members].sort()).toEqual(u.members);
    expect(new Set(u.members).size).toBe(600);
    expect(u.dates[0]).toBe(DEMO_UNIVERSE_START);
    expect(last(u.dates)).toBe(DEMO_END);
    expect(u.dates).toEqual(market.series.SPX.dates.slice(market.series.SPX.dates.indexOf(DEMO_UNIVERSE_START)));
  });

  it('lists some members later (NaN before, never after) and keeps prices between ~$5 and ~$300', () => {
    const u = market.universes.SP600;
    let late = 0;
    for (const col of u.closes) {
      const first = col.findIndex((v) => !Number.isNaN(v));
      if (first > 0) late++;
      for (let d = first; d < col.length; d++) if (!(col[d] >= 4.99 && col[d] <= 300.01)) throw new Error(`price ${col[d]}`);
    }
    expect(late).toBeGreaterThan(20);
    expect(late).toBeLessThan(150);
    const lastDay = u.closes.map((c) => last(c));
    expect(lastDay.filter((v) => v < 20).length).toBeGreaterThan(30); // 0.50 boxes
    expect(lastDay.filter((v) => v > 100).length).toBeGreaterThan(30); // 2- and 4-point boxes
  });

  it('has a bullish percent (traditional scale, 3-box, closes) that swings between ~20% and ~80%', () => {
    // Traditional scale as one ladder of levels (methodology §1.2.1, current table).
    const bands: [number, number, number][] = [[0, 0.25, 0.0625], [0.25, 1, 0.125], [1, 5, 0.25], [5, 20, 0.5], [20, 100, 1], [100, 200, 2], [200, 500, 4], [500, 1000, 5]];
    const levels: number[] = [];
    for (const [from, to, step] of bands) for (let k = 0; from + k * step < to - 1e-9; k++) levels.push(from + k * step);
    levels.push(1000);
    const below = (v: number): number => { // highest level ≤ v
      let lo = 0, hi = levels.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (levels[mid] <= v + 1e-9) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    const above = (v: number): number => (levels[below(v)] >= v - 1e-9 ? below(v) : below(v) + 1); // lowest level ≥ v

    const u = market.universes.SP600;
    const onBuy = new Int32Array(u.dates.length);
    const listed = new Int32Array(u.dates.length);
    for (const col of u.closes) {
      let column: 'X' | 'O' | undefined;
      let top = 0, bottom = 0, start = -1, lastXTop = Infinity, lastOBottom = -Infinity;
      let buy = false;
      for (let d = 0; d < col.length; d++) {
        const v = col[d];
        if (Number.isNaN(v)) continue;
        if (start < 0) start = d;
        if (column === undefined) {
          const b = below(v), a = above(v);
          if (d === start) { top = b; bottom = a; }
          else if (b > top) { column = 'X'; top = b; }
          else if (a < bottom) { column = 'O'; bottom = a; }
        } else if (column === 'X') {
          if (below(v) > top) top = below(v);
          else if (above(v) <= top - 3) { lastXTop = top; column = 'O'; bottom = above(v); }
        } else {
          if (above(v) < bottom) bottom = above(v);
          else if (below(v) >= bottom + 3) { lastOBottom = bottom; column = 'X'; top = below(v); }
        }
        if (column === 'X' && top > lastXTop) buy = true; // an X column above the previous X top: buy signal
        if (column === 'O' && bottom < lastOBottom) buy = false; // an O column below the previous O bottom: sell signal
        listed[d]++;
        if (buy) onBuy[d]++;
      }
    }
    const weekly: number[] = [];
    for (let d = 250; d < u.dates.length; d += 5) weekly.push((100 * onBuy[d]) / listed[d]);
    const sorted = [...weekly].sort((a, b) => a - b);
    expect(sorted[0]).toBeLessThan(25);
    expect(sorted[sorted.length - 1]).toBeGreaterThan(75);
    const median = sorted[Math.floor(sorted.length / 2)];
    expect(median).toBeGreaterThan(35);
    expect(median).toBeLessThan(65);
    // It is not stuck at the extremes: most weeks sit between 15% and 85%.
    expect(weekly.filter((x) => x >= 15 && x <= 85).length / weekly.length).toBeGreaterThan(0.85);
  });
});

describe('demoMarketFiles', () => {
  const temps: string[] = [];
  afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('writes the same bytes on every run', () => {
    const again = demoMarketFiles();
    expect(again.map((f) => f.path)).toEqual(files.map((f) => f.path));
    for (let i = 0; i < files.length; i++) expect(again[i].content === files[i].content).toBe(true);
  });

  it('writes market.yaml plus one CSV per series and the wide universe', () => {
    expect(files.map((f) => f.path)).toEqual([
      'market.yaml', 'SPX.csv', 'RUT.csv', 'TNX.csv', 'IVV.csv', 'SPY.csv', 'RSP.csv', 'IJH.csv', 'MDY.csv', 'IWM.csv', 'IJR.csv', 'SP600.csv',
    ]);
    const spx = files[1].content.split('\n');
    expect(spx[0]).toBe('Date,Open,High,Low,Close,Volume');
    expect(spx[1]).toMatch(/^2001-01-02,\d+\.\d\d,\d+\.\d\d,\d+\.\d\d,\d+\.\d\d,\d+$/);
    expect(files[3].content.split('\n')[1]).toMatch(/^2001-01-02,\d\.\d{3},\d\.\d{3},\d\.\d{3},\d\.\d{3}$/);
  });

  it('loads back (loadMarket of the folder) to exactly demoMarket(), apart from source and file paths', () => {
    const dir = mkdtempSync(join(tmpdir(), 'market-note-demo-'));
    temps.push(dir);
    for (const f of files) writeFileSync(join(dir, f.path), f.content);
    const loaded = loadMarket(dir);
    expect(marketDiff(loaded, market)).toEqual([]);
    expect(marketDiff(market, loaded)).toEqual([]);
    expect(loaded.warnings).toBeUndefined();
    expect(loaded.series.SPX.file).toBe(join(dir, 'SPX.csv'));
  });
});
