import { describe, expect, it } from 'vitest';
import { pointAndFigure, relativeStrength } from '../../src/metrics/pnf/index.js';
import {
  SCORE_DATA_POINTS,
  componentsAt,
  dailyScore,
  firstDays,
  reversedSince,
  scoreGap,
  scoreUnits,
  sma,
  smallestSince,
  trendRsScore,
  type RsDaily,
  type ScoreComponent,
  type ScoreComponents,
  type ScoreInput,
} from '../../src/metrics/score.js';
import { days, randomWalk } from './pnf/helpers.js';

const NONE = Object.fromEntries(SCORE_DATA_POINTS.map((p) => [p.key, false])) as ScoreComponents;
const only = (k: ScoreComponent): ScoreComponents => ({ ...NONE, [k]: true });

/** The §5.2 table, written out again by hand. */
const TABLE: [ScoreComponent, number][] = [
  ['trendPositive', 1.0], ['priceBuySignal', 0.4], ['priceInXs', 0.2], ['aboveSma50', 0.2], ['aboveSma200', 0.2],
  ['marketRsLongBuy', 0.8], ['marketRsLongX', 0.4], ['marketRsNearBuy', 0.4], ['marketRsNearX', 0.4],
  ['peerRsLongBuy', 0.8], ['peerRsLongX', 0.4], ['peerRsNearBuy', 0.4], ['peerRsNearX', 0.4],
];

describe('trendRsScore', () => {
  it('has exactly the 13 data points and weights of §5.2, 2 points per segment', () => {
    expect(SCORE_DATA_POINTS.map((p) => [p.key, p.weight])).toEqual(TABLE);
    for (const seg of ['trend', 'market', 'peer']) {
      const sum = SCORE_DATA_POINTS.filter((p) => p.segment === seg).reduce((s, p) => s + p.weight, 0);
      expect(sum, seg).toBeCloseTo(2, 12);
    }
  });

  it.each(TABLE)('gives %s alone its weight %s', (k, w) => {
    expect(trendRsScore(only(k))).toBe(w);
  });

  it('is 0 with no data point and 6 with all, in units of 0.2', () => {
    expect(trendRsScore(NONE)).toBe(0);
    const all = Object.fromEntries(TABLE.map(([k]) => [k, true])) as ScoreComponents;
    expect(trendRsScore(all)).toBe(6);
    expect(scoreUnits(all)).toBe(30);
  });

  it('adds the weights: trend positive + 6.5% market RS buy = 1.8, printed without float noise', () => {
    expect(trendRsScore({ ...NONE, trendPositive: true, marketRsLongBuy: true })).toBe(1.8);
    expect(String(trendRsScore({ ...NONE, trendPositive: true, priceBuySignal: true, aboveSma50: true, peerRsNearX: true }))).toBe('2');
  });
});

describe('sma', () => {
  it('averages the last n valid closes, skipping NaN rows', () => {
    expect(Array.from(sma([1, 2, 3, 4], 2))).toEqual([NaN, 1.5, 2.5, 3.5]);
    expect(Array.from(sma([1, NaN, 3, 5], 2))).toEqual([NaN, NaN, 2, 4]);
  });
  it('throws on a window that is not a whole number ≥ 1', () => {
    expect(() => sma([1], 0)).toThrow('SMA window must be a whole number >= 1, got 0');
  });
});

describe('reversedSince', () => {
  it('is the first day whose column differs from the first column, or the length when none does', () => {
    expect(reversedSince(Int8Array.from([0, 1, 1, -1, 1]))).toBe(3);
    expect(reversedSince(Int8Array.from([0, 0, -1, -1]))).toBe(4);
  });
});

/** A hand-made score input of n days: every chart state is a constant array unless overridden. */
function input(n: number, o: Partial<{ close: number[]; trend: number; signal: number; column: number; rs: Partial<Record<'ml' | 'mn' | 'pl' | 'pn', RsDaily>> }> = {}): ScoreInput {
  const dates = days(n);
  const fill = (v: number) => new Int8Array(n).fill(v);
  // the price chart reversed once on day 1 (O then X / X then O) so its column counts
  const column = fill(o.column ?? -1);
  column[0] = -(o.column ?? -1);
  const rsNone: RsDaily = { dates, daily: { column: fill(0), signal: fill(0) } };
  return {
    dates,
    close: o.close ?? Array.from({ length: n }, () => 100),
    price: { daily: { column, signal: fill(o.signal ?? -1), trend: fill(o.trend ?? -1) } },
    market: { long: o.rs?.ml ?? rsNone, near: o.rs?.mn ?? rsNone },
    peer: { long: o.rs?.pl ?? rsNone, near: o.rs?.pn ?? rsNone },
  };
}
/** An RS chart that reversed into `column` with `signal`, on `dates`. */
function rs(dates: string[], column: number, signal: number): RsDaily {
  const c = new Int8Array(dates.length).fill(column);
  c[0] = -column;
  return { dates, daily: { column: c, signal: new Int8Array(dates.length).fill(signal) } };
}

describe('dailyScore: component extraction', () => {
  const N = 210;
  const last = (inp: ScoreInput) => {
    const d = dailyScore(inp, { warmup: 200 });
    return { units: d.units[N - 1], c: componentsAt(d, N - 1) };
  };
  const flat = Array.from({ length: N }, () => 100);

  it('reads the price chart: trend positive (1.0), buy signal (0.4), column of Xs (0.2)', () => {
    expect(last(input(N, { close: flat, trend: 1 }))).toEqual({ units: 5, c: only('trendPositive') });
    expect(last(input(N, { close: flat, signal: 1 }))).toEqual({ units: 2, c: only('priceBuySignal') });
    expect(last(input(N, { close: flat, column: 1 }))).toEqual({ units: 1, c: only('priceInXs') });
  });

  it('counts a close strictly above its 50-day SMA (0.2) and its 200-day SMA (0.2) separately', () => {
    expect(last(input(N, { close: flat })).c).toEqual(NONE); // close = SMA: not above
    // 150 days at 200, then 100, last close 120: SMA50 = (49·100 + 120)/50 = 100.4 < 120; SMA200 > 120
    const a = [...Array(150).fill(200), ...Array(N - 151).fill(100), 120];
    expect(last(input(N, { close: a }))).toEqual({ units: 1, c: only('aboveSma50') });
    // 150 days at 50, then 150, last close 120: SMA50 = (49·150 + 120)/50 = 149.4 > 120; SMA200 ≈ 77 < 120
    const b = [...Array(150).fill(50), ...Array(N - 151).fill(150), 120];
    expect(last(input(N, { close: b }))).toEqual({ units: 1, c: only('aboveSma200') });
  });

  it('reads each of the four RS charts: 6.5% buy (0.8) and Xs (0.4), 3.25% buy (0.4) and Xs (0.4)', () => {
    const d = days(N);
    const cases: ['ml' | 'mn' | 'pl' | 'pn', ScoreComponent, ScoreComponent, number][] = [
      ['ml', 'marketRsLongBuy', 'marketRsLongX', 4],
      ['mn', 'marketRsNearBuy', 'marketRsNearX', 2],
      ['pl', 'peerRsLongBuy', 'peerRsLongX', 4],
      ['pn', 'peerRsNearBuy', 'peerRsNearX', 2],
    ];
    for (const [slot, buy, x, buyUnits] of cases) {
      expect(last(input(N, { close: flat, rs: { [slot]: rs(d, -1, 1) } })), slot).toEqual({ units: buyUnits, c: only(buy) });
      expect(last(input(N, { close: flat, rs: { [slot]: rs(d, 1, -1) } })), slot).toEqual({ units: 2, c: only(x) });
    }
  });

  it("uses an RS chart's state on its last date on or before the fund's date", () => {
    const d = days(N);
    // the RS chart has every other date; it flips to a buy on its last date, which is the fund's last date
    const rd = d.filter((_, i) => i % 2 === 1 || i === N - 1);
    const r = rs(rd, -1, -1);
    r.daily.signal[rd.length - 1] = 1;
    const out = dailyScore(input(N, { close: flat, rs: { ml: r } }), { warmup: 200 });
    expect(out.components.marketRsLongBuy[N - 1]).toBe(1);
    expect(out.components.marketRsLongBuy[N - 2]).toBe(0);
  });

  it('does not count the Xs of a chart that has not reversed yet (its first column is a start artefact)', () => {
    const d = days(N);
    const never: RsDaily = { dates: d, daily: { column: new Int8Array(N).fill(1), signal: new Int8Array(N) } };
    expect(last(input(N, { close: flat, rs: { pn: never } })).c).toEqual(NONE);
  });

  it('leaves the score undefined (−1) until the fund and every RS chart have `warmup` days', () => {
    const d = days(N);
    const late = rs(d.slice(10), 1, 1); // RS history starts 10 days later: 200 RS rows only on the last day
    const out = dailyScore(input(N, { close: flat, rs: { ml: late } }), { warmup: 200 });
    expect(out.units[N - 2]).toBe(-1);
    expect(out.units[N - 1]).toBe(6); // 6.5% RS buy + Xs = 0.8 + 0.4
    expect(out.units[198]).toBe(-1);
  });

  it('throws on a warm-up below 200 days (the 200-day SMA would not exist)', () => {
    expect(() => dailyScore(input(N), { warmup: 100 })).toThrow('score warm-up must be a whole number >= 200, got 100');
  });
});

describe('dailyScore: point in time', () => {
  it('gives the same daily scores up to T when every chart is built on rows ≤ T only', () => {
    const a = randomWalk(5, 900, 60, 0.02);
    const m = randomWalk(6, 900, 40, 0.015);
    const p = randomWalk(8, 900, 80, 0.02);
    const build = (n: number) => {
      const cut = <T extends { dates: string[]; close: Float64Array }>(s: T) => ({ dates: s.dates.slice(0, n), close: s.close.slice(0, n) });
      const f = cut(a);
      const price = pointAndFigure({ ...f, high: a.high.slice(0, n), low: a.low.slice(0, n) }, { scale: 'traditional' });
      const r = (b: { dates: string[]; close: Float64Array }, percent: number) => relativeStrength(f, cut(b), { percent });
      return dailyScore({ ...f, price, market: { long: r(m, 6.5), near: r(m, 3.25) }, peer: { long: r(p, 6.5), near: r(p, 3.25) } });
    };
    const full = build(900);
    expect(full.units.filter((u) => u >= 0).length).toBeGreaterThan(500);
    for (const T of [400, 655, 820]) {
      const cut = build(T + 1);
      expect(Array.from(cut.units)).toEqual(Array.from(full.units.slice(0, T + 1)));
      // every data point too, so the first rows of a later score stand for an earlier date's (facts' comparison week)
      const first = firstDays(full, T + 1);
      expect(first.dates).toEqual(cut.dates);
      expect(Array.from(first.units)).toEqual(Array.from(cut.units));
      for (const [k, v] of Object.entries(cut.components)) expect(Array.from(first.components[k as keyof typeof cut.components]), k).toEqual(Array.from(v));
    }
    expect(firstDays(full, 900)).toBe(full);
    expect(() => firstDays(full, 901)).toThrow('firstDays: 901 days of a score over 900');
  });
});

describe('smallestSince', () => {
  const d = ['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6'];
  it('is the last earlier date whose value is ≤ the value on the day', () => {
    const v = [1, 3, 4, 2, 5, 6, 2];
    expect(smallestSince(d, v, 6)).toBe('d3'); // equal counts
    expect(smallestSince(d, v, 4)).toBe('d3');
    expect(smallestSince(d, v, 3)).toBe('d0');
  });
  it('is null when the value is the smallest of the history before it', () => {
    expect(smallestSince(d, [3, 4, 5, 2, 9, 9, 0], 6)).toBeNull();
    expect(smallestSince(d, [3, 4, 5, 2, 9, 9, 0], 0)).toBeNull();
  });
  it('skips NaN days', () => {
    expect(smallestSince(d.slice(0, 3), [1, NaN, 2], 2)).toBe('d0');
  });
});

describe('scoreGap', () => {
  it('is a − b on the dates both have a defined score', () => {
    const a = { dates: ['d1', 'd2', 'd3', 'd5'], units: Int16Array.from([10, 12, -1, 20]) };
    const b = { dates: ['d0', 'd2', 'd3', 'd4', 'd5'], units: Int16Array.from([1, 5, 5, 5, 22]) };
    const g = scoreGap(a, b);
    expect(g.dates).toEqual(['d2', 'd5']);
    expect(Array.from(g.units)).toEqual([7, -2]);
  });
});
