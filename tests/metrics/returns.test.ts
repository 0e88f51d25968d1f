import { describe, expect, it } from 'vitest';
import { lastIndexOnOrBefore } from '../../src/metrics/calendar.js';
import {
  calendarYearReturns,
  h1Return,
  h2Return,
  h2ReturnOfYear,
  periodReturn,
  returnSince,
  ytdReturn,
} from '../../src/metrics/returns.js';

/** Hand-made daily series (weekdays; 2024-06-30 is a Sunday, 2025-07-05 a Saturday). */
const A = {
  dates: [
    '2023-12-29', '2024-06-28', '2024-12-31', '2025-01-02', '2025-03-31', '2025-04-17', '2025-04-18',
    '2025-06-30', '2025-07-01', '2025-07-03', '2025-12-31',
  ],
  close: [90, 95, 100, 101, 104.5, 105, NaN, 110, 111, 99, 121],
};

/** A series that starts in March 2024: no 2023 year-end close. */
const B = { dates: ['2024-03-01', '2024-12-31', '2025-02-03'], close: [50, 60, 45] };

describe('periodReturn', () => {
  it('is close(T) / close(last day on or before B) − 1, in percent, with the dates of both rows', () => {
    const r = periodReturn(A, '2025-01-01', '2025-03-31');
    expect(r.value).toBeCloseTo(4.5, 12);
    expect(r).toMatchObject({ from: '2024-12-31', to: '2025-03-31' });
    expect(r.reason).toBeUndefined();
  });
  it('is 0 when base and end fall on the same row', () => {
    expect(periodReturn(A, '2025-01-01', '2025-01-01')).toEqual({ value: 0, from: '2024-12-31', to: '2024-12-31' });
  });
  it('is null with a reason when there is no close on or before the base date', () => {
    expect(periodReturn(A, '2023-01-01', '2025-03-31')).toEqual({
      value: null, from: null, to: null, reason: 'base: no close on or before 2023-01-01',
    });
  });
  it('throws when the base date is after the as-of date (a caller mistake)', () => {
    expect(() => periodReturn(A, '2025-04-01', '2025-03-31')).toThrow('return base date 2025-04-01 is after the as-of date 2025-03-31');
  });
  it('throws on a malformed date', () => {
    expect(() => periodReturn(A, '2025-01-01', '31/03/2025')).toThrow(/asOf must be a date/);
  });
});

describe('ytdReturn', () => {
  it('uses the last close of the previous year as the base', () => {
    const r = ytdReturn(A, '2025-03-31');
    expect(r.value).toBeCloseTo(4.5, 12);
    expect(r).toMatchObject({ from: '2024-12-31', to: '2025-03-31' });
  });
  it('is 0 on January 1st (no row that day): prior year-end to the last row on or before T', () => {
    expect(ytdReturn(A, '2025-01-01')).toEqual({ value: 0, from: '2024-12-31', to: '2024-12-31' });
  });
  it('uses the first trading day of the year once it exists', () => {
    expect(ytdReturn(A, '2025-01-02').value).toBeCloseTo(1, 12);
  });
  it('uses the last row before a weekend as-of date', () => {
    expect(ytdReturn(A, '2025-07-05')).toMatchObject({ value: expect.closeTo(-1, 12), to: '2025-07-03' });
  });
  it('skips a missing (NaN) close and uses the previous row', () => {
    expect(ytdReturn(A, '2025-04-19')).toMatchObject({ value: expect.closeTo(5, 12), to: '2025-04-17' });
  });
  it('is null with a reason for a series that starts mid-year', () => {
    expect(ytdReturn(B, '2024-06-30')).toEqual({
      value: null, from: null, to: null, reason: 'base: no close on or before 2023-12-31',
    });
    expect(ytdReturn(B, '2025-02-03')).toEqual({ value: -25, from: '2024-12-31', to: '2025-02-03' });
  });
  it('accepts a last close up to 7 days old and refuses an older one (series stopped updating)', () => {
    expect(ytdReturn(A, '2026-01-07')).toEqual({ value: 0, from: '2025-12-31', to: '2025-12-31' });
    expect(ytdReturn(A, '2026-01-08')).toEqual({
      value: null, from: '2025-12-31', to: null,
      reason: 'end: last close on or before 2026-01-08 is 2025-12-31, 8 days earlier (limit 7)',
    });
    expect(ytdReturn(A, '2026-01-08', { maxStaleDays: 30 }).value).toBe(0);
  });
});

describe('h1Return', () => {
  it('runs from the prior year-end to the last close on or before June 30 (complete)', () => {
    const r = h1Return(A, '2025-06-30');
    expect(r.value).toBeCloseTo(10, 12);
    expect(r).toMatchObject({ from: '2024-12-31', to: '2025-06-30', complete: true });
  });
  it('stays fixed once T is in the second half', () => {
    expect(h1Return(A, '2025-07-05')).toMatchObject({ to: '2025-06-30', complete: true });
    expect(h1Return(A, '2025-07-05').value).toBeCloseTo(10, 12);
  });
  it('is H1 to date while T is in the first half', () => {
    const r = h1Return(A, '2025-03-31');
    expect(r.value).toBeCloseTo(4.5, 12);
    expect(r).toMatchObject({ to: '2025-03-31', complete: false });
  });
  it('uses the last close before June 30 when June 30 is a weekend', () => {
    // 2024-06-30 is a Sunday: H1 2024 = 2023-12-29 → 2024-06-28.
    const r = h1Return(A, '2024-07-15');
    expect(r.value).toBeCloseTo((95 / 90 - 1) * 100, 12);
    expect(r).toMatchObject({ from: '2023-12-29', to: '2024-06-28' });
  });
});

describe('h2Return', () => {
  it('is null with a reason while T is in the first half (June 30 included)', () => {
    expect(h2Return(A, '2025-06-30')).toEqual({
      value: null, from: null, to: null, complete: false,
      reason: 'as-of 2025-06-30 is before the second half of 2025 (starts 2025-07-01)',
    });
    expect(h2Return(A, '2026-01-02').value).toBeNull();
  });
  it('is H2 to date from the June close while T is in the second half', () => {
    expect(h2Return(A, '2025-07-01').value).toBeCloseTo((111 / 110 - 1) * 100, 12);
    expect(h2Return(A, '2025-07-05')).toMatchObject({ value: expect.closeTo(-10, 12), from: '2025-06-30', to: '2025-07-03', complete: false });
  });
  it('is the complete June-close → year-end return on December 31', () => {
    expect(h2Return(A, '2025-12-31')).toMatchObject({ value: expect.closeTo(10, 12), from: '2025-06-30', to: '2025-12-31', complete: true });
  });
});

describe('h2ReturnOfYear', () => {
  it('gives the complete H2 of a past year, using the last close before a weekend June 30', () => {
    const r = h2ReturnOfYear(A, 2024, '2025-03-31');
    expect(r.value).toBeCloseTo((100 / 95 - 1) * 100, 12);
    expect(r).toMatchObject({ from: '2024-06-28', to: '2024-12-31', complete: true });
  });
  it('gives the previous year complete when T is early in the next year', () => {
    expect(h2ReturnOfYear(A, 2025, '2026-01-02')).toMatchObject({ value: expect.closeTo(10, 12), complete: true });
  });
  it('is null for a year whose second half has not started at T', () => {
    expect(h2ReturnOfYear(A, 2026, '2026-01-02').reason).toBe('as-of 2026-01-02 is before the second half of 2026 (starts 2026-07-01)');
  });
});

describe('calendarYearReturns', () => {
  it('lists each year with a prior year-end close, oldest first, the current year to date', () => {
    const r = calendarYearReturns(A, '2025-07-05');
    expect(r.map((x) => [x.year, x.complete])).toEqual([[2024, true], [2025, false]]);
    expect(r[0].value).toBeCloseTo((100 / 90 - 1) * 100, 12);
    expect(r[1].value).toBeCloseTo(-1, 12);
  });
  it('marks the year complete on December 31 and omits a new year with no close yet', () => {
    const r = calendarYearReturns(A, '2026-01-01');
    expect(r.map((x) => [x.year, x.complete])).toEqual([[2024, true], [2025, true]]);
    expect(r[1].value).toBeCloseTo(21, 12);
  });
  it('skips the first year of a series that starts mid-year', () => {
    expect(calendarYearReturns(B, '2025-02-03')).toEqual([{ year: 2025, value: -25, complete: false }]);
  });
  it('is empty before the data start', () => {
    expect(calendarYearReturns(B, '2020-01-01')).toEqual([]);
  });
});

describe('returnSince', () => {
  it('measures from the close on the date to the close at T', () => {
    const r = returnSince(A, '2025-01-02', '2025-03-31');
    expect(r.value).toBeCloseTo((104.5 / 101 - 1) * 100, 12);
    expect(r).toMatchObject({ from: '2025-01-02', to: '2025-03-31' });
  });
});

describe('point-in-time property', () => {
  // Seeded random walk on weekdays 2018-2025 with a few NaN closes.
  function rng(seed: number) {
    return () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  }
  const rand = rng(42);
  const dates: string[] = [];
  const close: number[] = [];
  let level = 100;
  for (let t = Date.UTC(2018, 2, 5); t <= Date.UTC(2025, 11, 31); t += 86_400_000) {
    const day = new Date(t).getUTCDay();
    if (day === 0 || day === 6) continue;
    level *= 1 + (rand() - 0.5) * 0.03;
    dates.push(new Date(t).toISOString().slice(0, 10));
    close.push(rand() < 0.01 ? NaN : level);
  }
  const full = { dates, close: Float64Array.from(close) };

  it('gives the same results on data truncated at T as on the full data, for random T', () => {
    const t0 = Date.UTC(2018, 0, 1);
    const t1 = Date.UTC(2026, 1, 1);
    for (let n = 0; n < 60; n++) {
      const T = new Date(t0 + Math.floor(rand() * (t1 - t0) / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
      const k = lastIndexOnOrBefore(dates, T);
      const cut = { dates: dates.slice(0, k + 1), close: full.close.slice(0, k + 1) };
      expect(ytdReturn(cut, T)).toEqual(ytdReturn(full, T));
      expect(h1Return(cut, T)).toEqual(h1Return(full, T));
      expect(h2Return(cut, T)).toEqual(h2Return(full, T));
      expect(h2ReturnOfYear(cut, 2019, T)).toEqual(h2ReturnOfYear(full, 2019, T));
      expect(calendarYearReturns(cut, T)).toEqual(calendarYearReturns(full, T));
    }
  });
});
