import { describe, expect, it } from 'vitest';
import { lastIndexOnOrBefore } from '../../src/metrics/calendar.js';
import { ratePeak, ratePeakMeasured, windowEdgeHigh } from '../../src/metrics/rates.js';

// Yields in percent; 2025-01-11/12 is a weekend; the 2025-01-14 close is missing.
const Y = {
  dates: ['2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07', '2025-01-08', '2025-01-09', '2025-01-10', '2025-01-13', '2025-01-14', '2025-01-15'],
  close: [4.0, 4.2, 4.8, 4.5, 4.8, 4.6, 4.3, 4.1, NaN, 4.0],
};

describe('ratePeak', () => {
  it('finds the highest close of the last N closes, its TNX level, and the bp change to T', () => {
    const p = ratePeak(Y, '2025-01-15', 5)!;
    // Last 5 closes: 4.8 (01-08), 4.6, 4.3, 4.1, 4.0 (01-15); the missing 01-14 does not count.
    expect(p).toMatchObject({ date: '2025-01-08', level: 4.8, current: 4.0, currentDate: '2025-01-15', from: '2025-01-08', to: '2025-01-15', windowDays: 5 });
    expect(p.tnxLevel).toBeCloseTo(48, 12);
    expect(p.changeBp).toBeCloseTo(-80, 9);
  });
  it('takes the most recent date when the high was reached twice', () => {
    const p = ratePeak(Y, '2025-01-15', 8)!;
    expect(p).toMatchObject({ date: '2025-01-08', level: 4.8, from: '2025-01-03' });
  });
  it('uses the last close on or before a weekend as-of date', () => {
    const p = ratePeak(Y, '2025-01-12', 3)!;
    // Closes 01-08 4.8, 01-09 4.6, 01-10 4.3 → peak 4.8, change −50 bp.
    expect(p).toMatchObject({ date: '2025-01-08', currentDate: '2025-01-10' });
    expect(p.changeBp).toBeCloseTo(-50, 9);
  });
  it('reads only rows up to T', () => {
    const p = ratePeak(Y, '2025-01-07', 3)!;
    expect(p).toMatchObject({ date: '2025-01-06', level: 4.8, current: 4.5 });
    expect(p.changeBp).toBeCloseTo(-30, 9);
  });
  it('gives the highest close of the closes before the window (priorHigh), the missing close skipped', () => {
    // window of 3 to 2025-01-15: 01-10 4.3, 01-13 4.1, 01-15 4.0; the closes before it, 01-09 back to 01-02: high 4.8 on 01-08
    expect(ratePeak(Y, '2025-01-15', 3)).toMatchObject({ from: '2025-01-10', priorHigh: 4.8, priorFrom: '2025-01-02', priorTo: '2025-01-09' });
    expect(ratePeak(Y, '2025-01-15', 9)).toMatchObject({ from: '2025-01-02', priorHigh: null, priorFrom: null, priorTo: null });
  });
  it("tells a window's edge from a turning point at the window's start (windowEdgeHigh)", () => {
    // window of 3 to 2025-01-15 opens on 01-10 with its high: the yield closed at 4.8 before it, so it is the edge
    expect(windowEdgeHigh(ratePeak(Y, '2025-01-15', 3)!)).toBe(true);
    // window of 4 to 2025-01-10 opens on 01-07; its high 4.8 on 01-08 was risen into (4.8 on 01-06 equals it: edge)
    expect(windowEdgeHigh(ratePeak(Y, '2025-01-10', 4)!)).toBe(true);
    // a high at the start above every earlier close is a turning point (2017-03-13 on TNX)
    expect(windowEdgeHigh({ date: '2017-03-13', from: '2017-03-06', level: 2.608, priorHigh: 2.51 })).toBe(false);
    // a bounce in the window's first month after higher closes before it is the edge (TNX 2019-01-18 after 2.99% on 2018-12-03)
    expect(windowEdgeHigh({ date: '2019-01-18', from: '2019-01-04', level: 2.78, priorHigh: 2.99 })).toBe(true);
    // a high more than a month into the window is never the edge
    expect(windowEdgeHigh({ date: '2016-01-05', from: '2015-11-24', level: 2.33, priorHigh: 2.34 })).toBe(false);
  });
  it('reports a change of 0 when T is the peak', () => {
    expect(ratePeak(Y, '2025-01-06', 1)).toMatchObject({ date: '2025-01-06', changeBp: 0 });
  });
  it('is null when the window is longer than the data, with the reason in ratePeakMeasured', () => {
    expect(ratePeak(Y, '2025-01-15', 10)).toBeNull();
    expect(ratePeakMeasured(Y, '2025-01-15', 10)).toEqual({
      value: null, from: '2025-01-02', to: '2025-01-15',
      reason: 'window of 10 trading days is longer than the 9 closes on or before 2025-01-15',
    });
    expect(ratePeakMeasured(Y, '2024-12-31', 5).reason).toBe('yield: no close on or before 2024-12-31');
  });
  it('is null when the yield series stopped updating before T', () => {
    expect(ratePeakMeasured(Y, '2025-02-13', 5).reason).toBe('yield: last close on or before 2025-02-13 is 2025-01-15, 29 days earlier (limit 7)');
  });
  it('throws on a window that is not a positive whole number', () => {
    expect(() => ratePeak(Y, '2025-01-15', 0)).toThrow('rate-peak window must be a whole number of trading days >= 1, got 0');
  });
  it('returns the same peak on data truncated at T (point-in-time), for random T', () => {
    let seed = 3;
    const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const dates: string[] = [];
    const close: number[] = [];
    let y = 4;
    for (let t = Date.UTC(2020, 0, 1); t < Date.UTC(2024, 0, 1); t += 86_400_000) {
      const d = new Date(t).getUTCDay();
      if (d === 0 || d === 6) continue;
      y += (rand() - 0.5) * 0.1;
      dates.push(new Date(t).toISOString().slice(0, 10));
      close.push(rand() < 0.02 ? NaN : Math.round(y * 1000) / 1000);
    }
    const full = { dates, close: Float64Array.from(close) };
    for (let n = 0; n < 40; n++) {
      const T = new Date(Date.UTC(2020, 0, 1) + Math.floor(rand() * 1500) * 86_400_000).toISOString().slice(0, 10);
      const k = lastIndexOnOrBefore(dates, T);
      const cut = { dates: dates.slice(0, k + 1), close: full.close.slice(0, k + 1) };
      expect(ratePeakMeasured(cut, T, 200)).toEqual(ratePeakMeasured(full, T, 200));
    }
  });
});
