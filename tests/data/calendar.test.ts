import { describe, expect, it } from 'vitest';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { businessDays, dayNumber, isBusinessDay, isIsoDate, isoDate, longDate, weekday } from '../../src/data/calendar.js';

describe('isIsoDate', () => {
  it('accepts real calendar dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2025-12-12')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
  });
  it('rejects impossible days and other spellings', () => {
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025/12/12')).toBe(false);
    expect(isIsoDate('12/12/2025')).toBe(false);
    expect(isIsoDate('2025-1-2')).toBe(false);
  });
});

describe('dayNumber / isoDate', () => {
  it('counts days from 1970-01-01', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-28')).toBe(2); // 2000 is a leap year
    expect(dayNumber('1900-03-01') - dayNumber('1900-02-28')).toBe(1); // 1900 is not
  });
  it('round-trips every day over several centuries', () => {
    for (let d = dayNumber('1890-01-01'); d < dayNumber('2110-01-01'); d += 1) {
      const iso = isoDate(d);
      expect(isIsoDate(iso)).toBe(true);
      if (dayNumber(iso) !== d) throw new Error(`${d} → ${iso} → ${dayNumber(iso)}`);
    }
  });
});

describe('weekday', () => {
  it('knows known weekdays (0 = Sunday)', () => {
    expect(weekday(dayNumber('1970-01-01'))).toBe(4); // Thursday
    expect(weekday(dayNumber('2025-12-12'))).toBe(5); // Friday
    expect(weekday(dayNumber('2001-01-02'))).toBe(2); // Tuesday
    expect(weekday(dayNumber('1969-12-28'))).toBe(0); // Sunday, before the epoch
  });
});

describe('businessDays', () => {
  it('skips weekends and the fixed holidays Jan 1, Jul 4 and Dec 25', () => {
    expect(businessDays('2025-12-24', '2026-01-05')).toEqual([
      '2025-12-24', '2025-12-26', '2025-12-29', '2025-12-30', '2025-12-31', '2026-01-02', '2026-01-05',
    ]);
    expect(businessDays('2025-07-03', '2025-07-07')).toEqual(['2025-07-03', '2025-07-07']);
  });
  it('does not move a holiday that falls on a weekend', () => {
    // 2021-12-25 is a Saturday: Friday the 24th and Monday the 27th both trade.
    expect(businessDays('2021-12-24', '2021-12-27')).toEqual(['2021-12-24', '2021-12-27']);
    expect(isBusinessDay('2021-12-24')).toBe(true);
    expect(isBusinessDay('2021-12-25')).toBe(false);
  });
  it('includes both ends when they are trading days', () => {
    expect(businessDays('2025-12-12', '2025-12-12')).toEqual(['2025-12-12']);
    expect(businessDays('2025-12-13', '2025-12-14')).toEqual([]);
  });
});

describe('longDate', () => {
  it("writes every day from 1899 to 2031 as date-fns' format(parseISO(d), 'd MMMM yyyy') does", () => {
    for (let day = dayNumber('1899-12-25'); day <= dayNumber('2031-01-05'); day++) {
      const d = isoDate(day);
      expect(longDate(d), d).toBe(format(parseISO(d), 'd MMMM yyyy'));
    }
    expect(longDate('2025-07-04')).toBe('4 July 2025');
  });
});
