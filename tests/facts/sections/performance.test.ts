import { describe, expect, it } from 'vitest';
import type { Series } from '../../../src/data/types.js';
import { direction, monthsBefore, performanceFacts } from '../../../src/facts/sections/performance.js';

/** A hand-made daily series: one close per listed date. */
function series(rows: [string, number][]): Series {
  return { key: 'F', name: 'Fund', kind: 'price', file: 'F.csv', dates: rows.map((r) => r[0]), close: Float64Array.from(rows.map((r) => r[1])) };
}

describe('monthsBefore', () => {
  it('keeps the day of the month, and uses the month\'s last day when it has fewer days', () => {
    expect(monthsBefore('2025-12-12', 1)).toBe('2025-11-12');
    expect(monthsBefore('2025-03-31', 1)).toBe('2025-02-28');
    expect(monthsBefore('2025-01-15', 3)).toBe('2024-10-15');
    expect(monthsBefore('2025-12-12', 12)).toBe('2024-12-12');
  });
});

describe('direction', () => {
  it('is flat below 0.05%, the smallest return that prints as 0.1% at one decimal', () => {
    expect([direction(0.049), direction(-0.049), direction(0.05), direction(-0.2), direction(null)]).toEqual(['flat', 'flat', 'up', 'down', null]);
  });
});

describe('performanceFacts', () => {
  const s = series([
    ['2024-12-31', 100],
    ['2025-09-12', 90],
    ['2025-11-12', 120],
    ['2025-12-05', 125],
    ['2025-12-12', 120],
  ]);
  const p = performanceFacts(s, '2025-12-12');

  it('measures each period from the last close on or before its base date', () => {
    expect(p.week.value).toBeCloseTo(-4, 10); // 120 / 125 − 1
    expect(p.month.value).toBeCloseTo(0, 10); // 120 / 120 (2025-11-12)
    expect(p.threeMonths.value).toBeCloseTo((120 / 90 - 1) * 100, 10); // base 2025-09-12
    expect(p.ytd.value).toBeCloseTo(20, 10);
    expect(p.direction).toEqual({ week: 'down', month: 'flat', threeMonths: 'up', ytd: 'up', twelveMonths: null });
  });

  it('gives no twelve-month return, with the reason, when the series starts after its base', () => {
    expect(p.twelveMonths.value).toBeNull();
    expect(p.twelveMonths.reason).toBe('F has data only from 2024-12-31, after 2024-12-12');
  });

  it('measures the distance from the highest close of the window and judges it', () => {
    expect(p.high.value).toBe(125);
    expect(p.highDate.value).toBe('2025-12-05');
    expect(p.fromHigh.value).toBeCloseTo(-4, 10);
    expect(p.highState).toBe('near');
    expect(p.shortHigh).toBe(true);
    expect(performanceFacts(s, '2025-12-05').highState).toBe('at');
  });
});
