import { describe, expect, it } from 'vitest';
import type { Series } from '../../../src/data/types.js';
import { yieldWatchSection } from '../../../src/facts/sections/yield-watch.js';

const dates = Array.from({ length: 30 }, (_, i) => new Date(Date.UTC(2025, 10, 3 + i)).toISOString().slice(0, 10));
const mk = (key: string, kind: 'price' | 'yield', f: (i: number) => number): Series => ({ key, name: key, kind, file: `${key}.csv`, dates, close: Float64Array.from(dates.map((_, i) => f(i))) });
const settings = { ratePeakWindow: 20, correlationWindow: 10, scoreDirectionWindow: 126 };

describe('yieldWatchSection', () => {
  it('measures the week in bp from the close on or before the previous Friday, and calls under 0.5 bp flat', () => {
    // yield 4.00 + 0.01 per day: +7 bp from Friday to Friday
    const y = mk('TNX', 'yield', (i) => 4 + 0.01 * i);
    const eq = mk('SPX', 'price', (i) => 100 + i);
    const w = yieldWatchSection(y, eq, settings, dates[25]); // Friday 28 November
    expect(w.level.value).toBeCloseTo(4.25, 10);
    expect(w.weekChangeBp.value).toBeCloseTo(7, 6);
    expect(w.weekChangeBp.from).toBe('2025-11-21');
    // on Tuesday 2 December the week so far runs from Friday 28 November: +4 bp
    expect(yieldWatchSection(y, eq, settings, dates[29]).weekChangeBp.value).toBeCloseTo(4, 6);
    expect(w.weekDirection).toBe('up');
    expect(w.peak.atPeak).toBe(true);
    expect(w.peak.state).toBe('near peak');
    const flat = yieldWatchSection(mk('TNX', 'yield', (i) => 4 + 0.0004 * i), eq, settings, dates[29]);
    expect(flat.weekDirection).toBe('flat');
  });

  it('judges the correlation on its printed two decimals: inverse, together or loose', () => {
    const y = mk('TNX', 'yield', (i) => 4 + 0.05 * Math.sin(i));
    const inverse = yieldWatchSection(y, mk('SPX', 'price', (i) => 100 - 5 * Math.sin(i)), settings, dates[29]);
    expect(inverse.equity.relation).toBe('inverse');
    const together = yieldWatchSection(y, mk('SPX', 'price', (i) => 100 + 5 * Math.sin(i)), settings, dates[29]);
    expect(together.equity.relation).toBe('together');
  });
});
