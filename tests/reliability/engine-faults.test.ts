/**
 * Absurd prices in the engine: every P&F loop is bounded, and a chart that would need more boxes than the
 * documented limits is refused at once, naming the series and the date (no spin, no out-of-memory crash).
 */
import { describe, expect, it } from 'vitest';
import { demoMarket } from '../../src/data/demo-market.js';
import type { Market, Series } from '../../src/data/types.js';
import { buildFacts } from '../../src/facts/build-facts.js';
import { MAX_CHART_BOXES, MAX_COLUMN_BOXES, PnfBoxLimitError, pointAndFigure, signalStates } from '../../src/metrics/pnf/index.js';
import { loadNote } from '../../src/note/load-note.js';
import { errorOf } from '../data/error-text.js';

const DATES = ['2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07'];

function limitError(fn: () => unknown): PnfBoxLimitError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PnfBoxLimitError) return e;
    throw e;
  }
  throw new Error('expected a PnfBoxLimitError');
}

describe('bounded P&F box loops', () => {
  for (const big of [1e300, 1e12, 1e9]) {
    it(`refuses a close of ${big} on a traditional scale (more than ${MAX_COLUMN_BOXES} boxes in a column), naming the date`, () => {
      const e = limitError(() => pointAndFigure({ dates: DATES, close: [100, 101, big, 102] }, { scale: 'traditional' }));
      expect(e.date).toBe('2025-01-06');
      expect(e.scope).toBe('column');
    });
  }

  it('refuses a first value of 1e300 as soon as the chart would move from it (the box index no longer advances)', () => {
    const e = limitError(() => pointAndFigure({ dates: DATES, close: [1e300, 2e300, 3e300, 4e300] }, { scale: 'traditional' }));
    expect(e.date).toBe('2025-01-03');
  });

  it(`refuses a chart holding more than ${MAX_CHART_BOXES.toLocaleString('en-US')} boxes in all`, () => {
    const n = 2000;
    const close = Float64Array.from({ length: n }, (_, i) => 1e8 * (1 + 0.05 * Math.sin(i / 2)));
    const dates = Array.from({ length: n }, (_, i) => new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10));
    const e = limitError(() => pointAndFigure({ dates, close }, { scale: 'traditional' }));
    expect(e.scope).toBe('chart');
    expect(dates).toContain(e.date);
  });

  it('still draws ordinary charts (a fixed 1-point box over 3,000 days)', () => {
    const close = Array.from({ length: 3000 }, (_, i) => 4000 + 300 * Math.sin(i / 40));
    const dates = Array.from({ length: 3000 }, (_, i) => new Date(Date.UTC(2010, 0, 1 + i)).toISOString().slice(0, 10));
    expect(pointAndFigure({ dates, close }, { scale: { fixed: 1 } }).columns.length).toBeGreaterThan(10);
  });

  it('breadth skips a member value beyond the ladder (1e300) instead of spinning', () => {
    expect(Array.from(signalStates([5, 1, 6, 1e300, 3, 7], { scale: { fixed: 1 } }))).toEqual(Array.from(signalStates([5, 1, 6, NaN, 3, 7], { scale: { fixed: 1 } })));
    expect(signalStates([10, 20, 1e300, 1e12, 30], { scale: 'traditional' }).length).toBe(5);
  });
});

describe('the note refuses an absurd series as a data error naming it', () => {
  const note = loadNote('weekly-outlook');
  function scaled(key: string, k: number): Market {
    const m = demoMarket();
    const s = m.series[key];
    const times = (a?: Float64Array) => a && a.map((v) => v * k);
    const t: Series = { ...s, close: times(s.close)!, high: times(s.high), low: times(s.low), open: times(s.open) };
    return { ...m, series: { ...m.series, [key]: t } };
  }

  it('IWM in the hundreds of millions: more than a million boxes in all', () => {
    const e = errorOf(() => buildFacts(scaled('IWM', 1e6), note.config, { asOf: '2025-12-12', compare: false }));
    expect(e.code).toBe('BAD_DATA');
    expect(e.message).toMatch(/^IWM: the Point & Figure chart would need more than 1,000,000 boxes in all on \d{4}-\d{2}-\d{2}$/);
    expect(e.hint).toContain('pnf: in note.yaml');
  });

  it('IWM near 1e300: more than 50,000 boxes in one column, on the first move', () => {
    const e = errorOf(() => buildFacts(scaled('IWM', 1e298), note.config, { asOf: '2025-12-12', compare: false }));
    expect(e.message).toMatch(/^IWM: the Point & Figure chart would need more than 50,000 boxes in one column on 2001-01-\d\d$/);
  });
});
