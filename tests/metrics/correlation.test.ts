import { describe, expect, it } from 'vitest';
import { lastIndexOnOrBefore } from '../../src/metrics/calendar.js';
import { correlationSummary, rollingCorrelation } from '../../src/metrics/correlation.js';

const DATES = ['2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07', '2025-01-08'];
/*
 * Equity % changes x = 1, 2, 3, 4 and yield bp changes y = 1, 3, 2, 0:
 *   window 3 ending 01-07: x = 1,2,3 (mean 2), y = 1,3,2 (mean 2); deviations −1,0,1 and −1,1,0:
 *     cov = 1, Sxx = 2, Syy = 2 → r = 1/2 = 0.5
 *   window 3 ending 01-08: x = 2,3,4 (mean 3), y = 3,2,0 (mean 5/3); deviations −1,0,1 and 4/3,1/3,−5/3:
 *     cov = −4/3 − 5/3 = −3, Sxx = 2, Syy = (16+1+25)/9 = 14/3 → r = −3 / √(28/3) = −0.9819805…
 */
const EQ = { dates: DATES, close: [100, 101, 101 * 1.02, 101 * 1.02 * 1.03, 101 * 1.02 * 1.03 * 1.04] };
const YL = { dates: DATES, close: [4.0, 4.01, 4.04, 4.06, 4.06] };
const R2 = -3 / Math.sqrt(28 / 3);

/** Naive two-pass Pearson, for comparison with the running sums. */
function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) { mx += x[i] / n; my += y[i] / n; }
  let c = 0, vx = 0, vy = 0;
  for (let i = 0; i < n; i++) { c += (x[i] - mx) * (y[i] - my); vx += (x[i] - mx) ** 2; vy += (y[i] - my) ** 2; }
  return c / Math.sqrt(vx * vy);
}

describe('rollingCorrelation', () => {
  it('correlates daily % changes of the equity with daily bp changes of the yield', () => {
    const r = rollingCorrelation(EQ, YL, '2025-01-08', 3);
    expect(r.dates).toEqual(DATES.slice(1));
    expect(Number.isNaN(r.values[0]) && Number.isNaN(r.values[1])).toBe(true);
    expect(r.values[2]).toBeCloseTo(0.5, 9);
    expect(r.values[3]).toBeCloseTo(R2, 9);
    expect(r.windowStart).toEqual([null, null, '2025-01-02', '2025-01-03']);
  });
  it('is +1 / −1 for exactly linear relations', () => {
    const x = [0.5, -1.2, 2.0, 0.3, -0.7, 1.1];
    const eq = [100];
    const up = [4];
    const down = [4];
    for (const v of x) { eq.push(eq.at(-1)! * (1 + v / 100)); up.push(up.at(-1)! + (2 * v + 1) / 100); down.push(down.at(-1)! - v / 100); }
    const d = x.map((_, i) => `2025-02-${String(i + 2).padStart(2, '0')}`);
    d.unshift('2025-02-01');
    expect(rollingCorrelation({ dates: d, close: eq }, { dates: d, close: up }, '2025-12-31', 6).values[5]).toBeCloseTo(1, 9);
    expect(rollingCorrelation({ dates: d, close: eq }, { dates: d, close: down }, '2025-12-31', 6).values[5]).toBeCloseTo(-1, 9);
  });
  it('joins on common dates and takes changes between consecutive common dates, skipping missing closes', () => {
    // Equity has 01-03 (yield does not), yield has 01-09 (equity does not), equity misses a close on 01-07.
    const eq = { dates: ['2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07', '2025-01-08'], close: [100, 999, 110, NaN, 99] };
    const yl = { dates: ['2025-01-02', '2025-01-06', '2025-01-07', '2025-01-08', '2025-01-09'], close: [4.0, 4.1, 4.3, 4.05, 5] };
    const r = rollingCorrelation(eq, yl, '2025-01-09', 2);
    // Common usable dates: 01-02, 01-06, 01-08 → changes x = +10, −10; y = +10 bp, −5 bp → two points → r = 1.
    expect(r.dates).toEqual(['2025-01-06', '2025-01-08']);
    expect(r.windowStart).toEqual([null, '2025-01-02']);
    expect(r.values[1]).toBeCloseTo(1, 12);
  });
  it('only reads rows on or before T', () => {
    const r = rollingCorrelation(EQ, YL, '2025-01-07', 3);
    expect(r.dates).toEqual(DATES.slice(1, 4));
    expect(r.values[2]).toBeCloseTo(0.5, 9);
  });
  it('is NaN (not Infinity) where one side has zero variance', () => {
    const flat = { dates: DATES, close: [4, 4, 4, 4, 4] };
    const r = rollingCorrelation(EQ, flat, '2025-01-08', 3);
    expect(Array.from(r.values).every(Number.isNaN)).toBe(true);
  });
  it('is NaN for a yield that moves exactly 1 bp a day (equal changes up to float rounding)', () => {
    const steady = { dates: DATES, close: DATES.map((_, i) => 4 + i * 0.01) };
    expect(Number.isNaN(rollingCorrelation(EQ, steady, '2025-01-08', 3).values[3])).toBe(true);
  });
  it('turns NaN once a window is flat after earlier moves, and back once it moves again', () => {
    const n = 40;
    const d: string[] = [];
    for (let t = Date.UTC(2025, 0, 1), k = 0; k < n; t += 86_400_000, k++) d.push(new Date(t).toISOString().slice(0, 10));
    const eq = d.map((_, i) => 100 + Math.sin(i) * 3);
    const yl = d.map((_, i) => (i < 10 ? 4 + 0.1 * Math.cos(i * 1.7) : i < 25 ? 4.2 : 4.2 + 0.05 * Math.sin(i)));
    const r = rollingCorrelation({ dates: d, close: eq }, { dates: d, close: yl }, '2026-01-01', 5);
    // change k uses rows k, k+1: flat yield changes are k = 10..23; windows ending at k = 14..23 are all flat.
    for (let k = 14; k <= 23; k++) expect(Number.isNaN(r.values[k])).toBe(true);
    for (const k of [4, 9, 13, 28, 38]) expect(Number.isFinite(r.values[k])).toBe(true);
  });
  it('is all NaN when the window is longer than the data', () => {
    const r = rollingCorrelation(EQ, YL, '2025-01-08', 126);
    expect(r.values.length).toBe(4);
    expect(Array.from(r.values).every(Number.isNaN)).toBe(true);
  });
  it('matches a naive O(n·w) Pearson on a long random series (running sums stay exact)', () => {
    let seed = 11;
    const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const n = 1500;
    const d: string[] = [];
    const eq: number[] = [];
    const yl: number[] = [];
    let e = 1000;
    let y = 3;
    for (let t = Date.UTC(2015, 0, 1), k = 0; k < n; t += 86_400_000, k++) {
      const shock = rand() - 0.5;
      e *= 1 + 0.02 * shock;
      y += 0.05 * (0.6 * shock + 0.4 * (rand() - 0.5));
      d.push(new Date(t).toISOString().slice(0, 10));
      eq.push(e);
      yl.push(y);
    }
    const w = 126;
    const r = rollingCorrelation({ dates: d, close: eq }, { dates: d, close: yl }, '2030-01-01', w);
    const x = eq.slice(1).map((v, i) => (v / eq[i] - 1) * 100);
    const b = yl.slice(1).map((v, i) => (v - yl[i]) * 100);
    for (let k = w - 1; k < n - 1; k += 7) expect(r.values[k]).toBeCloseTo(pearson(x.slice(k - w + 1, k + 1), b.slice(k - w + 1, k + 1)), 9);
    expect(r.values[n - 2]).toBeCloseTo(pearson(x.slice(-w), b.slice(-w)), 9);
  });
  it('throws on a window below 2', () => {
    expect(() => rollingCorrelation(EQ, YL, '2025-01-08', 1)).toThrow('correlation window must be a whole number >= 2, got 1');
  });
});

describe('correlationSummary', () => {
  it('gives the value at T and the mean of the last N rolling values, with the rows they read', () => {
    const s = correlationSummary(EQ, YL, '2025-01-08', 3, 2);
    expect(s.latest.value).toBeCloseTo(R2, 9);
    expect(s.latest).toMatchObject({ from: '2025-01-03', to: '2025-01-08' });
    expect(s.mean252.value).toBeCloseTo((0.5 + R2) / 2, 9);
    expect(s.mean252).toMatchObject({ from: '2025-01-02', to: '2025-01-08' });
  });
  it('gives the mean as null when there are fewer rolling values than the mean needs', () => {
    expect(correlationSummary(EQ, YL, '2025-01-08', 3, 3).mean252).toEqual({
      value: null, from: '2025-01-02', to: '2025-01-08', reason: 'only 2 rolling values on or before 2025-01-08, the mean needs 3',
    });
  });
  it('is null with a reason when the window is longer than the data', () => {
    const s = correlationSummary(EQ, YL, '2025-01-08');
    expect(s.latest).toEqual({
      value: null, from: null, to: null,
      reason: 'window of 126 daily changes is longer than the 4 available on common dates on or before 2025-01-08',
    });
    expect(s.mean252.value).toBeNull();
  });
  it('is null with a reason for a zero-variance window', () => {
    const s = correlationSummary(EQ, { dates: DATES, close: [4, 4, 4, 4, 4] }, '2025-01-08', 3, 2);
    expect(s.latest).toEqual({ value: null, from: '2025-01-03', to: '2025-01-08', reason: 'zero variance in the 3-day window ending 2025-01-08' });
    expect(s.mean252.reason).toBe('2 of the last 2 rolling values are undefined (zero variance)');
  });
  it('is null when the last common date is stale at T', () => {
    expect(correlationSummary(EQ, YL, '2025-01-20', 3, 2).latest.reason).toBe(
      'last common date of equity and yield is 2025-01-08, 12 days before 2025-01-20 (limit 7)',
    );
  });
  it('gives the same results on data truncated at T (point-in-time), for random T', () => {
    let seed = 5;
    const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const d: string[] = [];
    const eq: number[] = [];
    const yl: number[] = [];
    let e = 100;
    let y = 2;
    for (let t = Date.UTC(2019, 0, 1); t < Date.UTC(2022, 0, 1); t += 86_400_000) {
      const wd = new Date(t).getUTCDay();
      if (wd === 0 || wd === 6) continue;
      e *= 1 + 0.02 * (rand() - 0.5);
      y += 0.04 * (rand() - 0.5);
      d.push(new Date(t).toISOString().slice(0, 10));
      eq.push(rand() < 0.01 ? NaN : e);
      yl.push(y);
    }
    const E = { dates: d, close: Float64Array.from(eq) };
    const Yl = { dates: d, close: Float64Array.from(yl) };
    const cut = (s: typeof E, T: string) => {
      const k = lastIndexOnOrBefore(s.dates, T);
      return { dates: s.dates.slice(0, k + 1), close: s.close.slice(0, k + 1) };
    };
    for (let n = 0; n < 20; n++) {
      const T = new Date(Date.UTC(2019, 0, 1) + Math.floor(rand() * 1100) * 86_400_000).toISOString().slice(0, 10);
      expect(correlationSummary(cut(E, T), cut(Yl, T), T, 63, 100)).toEqual(correlationSummary(E, Yl, T, 63, 100));
      expect(rollingCorrelation(cut(E, T), cut(Yl, T), T, 63)).toEqual(rollingCorrelation(E, Yl, T, 63));
    }
  });
});
