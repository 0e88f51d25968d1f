import { describe, expect, it } from 'vitest';
import {
  anchorOnOrBefore,
  assertIsoDate,
  datesAfterUpTo,
  datesAscending,
  dayNumber,
  daysBetween,
  firstCloseIndex,
  inSecondHalf,
  lastCloseIndexOnOrBefore,
  lastIndexOnOrBefore,
  midYear,
  minDate,
  yearEnd,
  yearOf,
} from '../../src/metrics/calendar.js';

const D = ['2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07'];

describe('datesAfterUpTo', () => {
  const Y = ['2024-12-30', '2024-12-31', '2025-01-02', '2025-01-03', '2025-06-30', '2025-07-01', '2025-07-02'];
  it('counts the dates after one date and on or before another (hand-checked)', () => {
    expect(datesAfterUpTo(Y, '2024-12-31', '2025-01-05')).toBe(2); // 2 and 3 January
    expect(datesAfterUpTo(Y, '2024-12-31', '2025-07-02')).toBe(5);
    expect(datesAfterUpTo(Y, '2025-06-30', '2025-07-01')).toBe(1); // a second half's first day
    expect(datesAfterUpTo(Y, '2025-06-30', '2025-06-30')).toBe(0);
  });
  it('is 0 when the end is not after the start, or the dates are empty', () => {
    expect(datesAfterUpTo(Y, '2025-06-30', '2025-03-01')).toBe(0);
    expect(datesAfterUpTo([], '2024-12-31', '2025-12-31')).toBe(0);
  });
  it("agrees with counting a year's dates one by one (a year to date, a second half to date)", () => {
    const dates: string[] = [];
    for (let t = Date.UTC(2019, 0, 1); t < Date.UTC(2022, 0, 1); t += 86_400_000) if (new Date(t).getUTCDay() % 6 !== 0) dates.push(new Date(t).toISOString().slice(0, 10));
    for (const asOf of ['2020-01-01', '2020-02-29', '2020-06-30', '2020-07-01', '2020-12-31', '2021-07-04', '2021-12-31']) {
      const y = asOf.slice(0, 4);
      expect(datesAfterUpTo(dates, `${Number(y) - 1}-12-31`, asOf), asOf).toBe(dates.filter((d) => d.slice(0, 4) === y && d <= asOf).length);
      expect(datesAfterUpTo(dates, `${y}-06-30`, asOf), asOf).toBe(dates.filter((d) => d.slice(0, 4) === y && d.slice(5) > '06-30' && d <= asOf).length);
    }
  });
});

describe('lastIndexOnOrBefore', () => {
  it('returns -1 for an empty array or a date before the first row', () => {
    expect(lastIndexOnOrBefore([], '2025-01-01')).toBe(-1);
    expect(lastIndexOnOrBefore(D, '2025-01-01')).toBe(-1);
  });
  it('returns the row of an exact match', () => {
    expect(lastIndexOnOrBefore(D, '2025-01-02')).toBe(0);
    expect(lastIndexOnOrBefore(D, '2025-01-06')).toBe(2);
    expect(lastIndexOnOrBefore(D, '2025-01-07')).toBe(3);
  });
  it('returns the previous row for a weekend or holiday date', () => {
    expect(lastIndexOnOrBefore(D, '2025-01-04')).toBe(1);
    expect(lastIndexOnOrBefore(D, '2025-01-05')).toBe(1);
  });
  it('returns the last row for a date after the data', () => {
    expect(lastIndexOnOrBefore(D, '2030-01-01')).toBe(3);
  });
  it('agrees with a linear scan on every date of a long calendar', () => {
    const dates: string[] = [];
    for (let t = Date.UTC(2020, 0, 1); t < Date.UTC(2021, 0, 1); t += 3 * 86_400_000) dates.push(new Date(t).toISOString().slice(0, 10));
    for (let t = Date.UTC(2019, 11, 25); t < Date.UTC(2021, 0, 5); t += 86_400_000) {
      const q = new Date(t).toISOString().slice(0, 10);
      let expected = -1;
      for (let i = 0; i < dates.length; i++) if (dates[i] <= q) expected = i;
      expect(lastIndexOnOrBefore(dates, q)).toBe(expected);
    }
  });
});

describe('lastCloseIndexOnOrBefore', () => {
  it('skips missing (NaN) closes', () => {
    const s = { dates: D, close: [1, NaN, NaN, 4] };
    expect(lastCloseIndexOnOrBefore(s, '2025-01-06')).toBe(0);
    expect(lastCloseIndexOnOrBefore(s, '2025-01-07')).toBe(3);
    expect(lastCloseIndexOnOrBefore({ dates: D, close: [NaN, 2, 3, 4] }, '2025-01-02')).toBe(-1);
  });
});

describe('firstCloseIndex', () => {
  it('is the first row with a close, -1 when none', () => {
    expect(firstCloseIndex({ dates: D, close: [NaN, NaN, 3, 4] })).toBe(2);
    expect(firstCloseIndex({ dates: D, close: [NaN, NaN, NaN, NaN] })).toBe(-1);
  });
});

describe('yearOf and period boundaries', () => {
  it('reads the calendar year and builds year-end / mid-year dates', () => {
    expect(yearOf('2025-12-12')).toBe(2025);
    expect(yearEnd(2024)).toBe('2024-12-31');
    expect(midYear(2025)).toBe('2025-06-30');
    expect(minDate('2025-06-30', '2025-03-31')).toBe('2025-03-31');
  });
  it('places June 30 in H1 and July 1 in H2', () => {
    expect(inSecondHalf('2025-06-30')).toBe(false);
    expect(inSecondHalf('2025-07-01')).toBe(true);
    expect(inSecondHalf('2025-12-31')).toBe(true);
    expect(inSecondHalf('2025-01-01')).toBe(false);
  });
});

describe('dayNumber / daysBetween', () => {
  it('counts days since 1970-01-01 like Date.UTC, across leap years and centuries', () => {
    for (const d of ['1970-01-01', '1900-03-01', '2000-02-29', '2000-03-01', '2024-02-29', '2026-07-31', '1927-12-30']) {
      const [y, m, dd] = d.split('-').map(Number);
      expect(dayNumber(d)).toBe(Date.UTC(y, m - 1, dd) / 86_400_000);
    }
  });
  it('gives signed calendar-day differences', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2026-02-23', '2026-07-31')).toBe(158);
    expect(daysBetween('2025-01-02', '2024-12-31')).toBe(-2);
  });
});

describe('anchorOnOrBefore', () => {
  const s = { dates: ['2024-12-27', '2024-12-31'], close: [10, 11] };
  it('accepts a close up to maxStaleDays before the date', () => {
    expect(anchorOnOrBefore(s, '2025-01-07', 7)).toEqual({ index: 1 });
  });
  it('refuses a stale close with a reason naming both dates', () => {
    expect(anchorOnOrBefore(s, '2025-01-08', 7)).toEqual({
      index: -1,
      reason: 'last close on or before 2025-01-08 is 2024-12-31, 8 days earlier (limit 7)',
    });
  });
  it('refuses when there is no close at all', () => {
    expect(anchorOnOrBefore(s, '2024-12-01', 7)).toEqual({ index: -1, reason: 'no close on or before 2024-12-01' });
  });
});

describe('assertIsoDate', () => {
  it('throws on a malformed date with the value in the message', () => {
    expect(() => assertIsoDate('asOf', '2025-1-2')).toThrowErrorMatchingInlineSnapshot(`[MarketNoteError: asOf must be a date YYYY-MM-DD, got "2025-1-2"]`);
    expect(() => assertIsoDate('asOf', '2025-01-02')).not.toThrow();
  });
});

describe('datesAscending', () => {
  const days = (n: number, from = Date.UTC(2000, 0, 3)) => Array.from({ length: n }, (_, i) => new Date(from + i * 86400000).toISOString().slice(0, 10));
  it('is true for strictly ascending dates only (a repeat or a step back is false)', () => {
    expect(datesAscending(['2025-01-02', '2025-01-03'])).toBe(true);
    expect(datesAscending(['2025-01-02', '2025-01-02'])).toBe(false);
    expect(datesAscending(['2025-01-03', '2025-01-02'])).toBe(false);
    expect(datesAscending([])).toBe(true);
  });
  it('remembers a long list, and checks it again once it has grown', () => {
    const long = days(1000);
    expect(datesAscending(long)).toBe(true);
    expect(datesAscending(long)).toBe(true);
    long.push('2000-01-01');
    expect(datesAscending(long)).toBe(false);
    const back = days(1000);
    back[500] = back[499];
    expect(datesAscending(back)).toBe(false);
  });
});
