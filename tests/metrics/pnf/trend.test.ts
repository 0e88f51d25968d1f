import { describe, expect, it } from 'vitest';
import { pointAndFigure } from '../../../src/metrics/pnf/index.js';
import { cols, days } from './helpers.js';

// §2.4 worked example
const CLOSES = [20, 10, 16, 12, 18, 13, 16, 12, 17];
const D = days(CLOSES.length);
const chartOf = (closes: number[], requireSignalForTrendFlip = false) =>
  pointAndFigure({ dates: D.slice(0, closes.length), close: closes }, { scale: { fixed: 1 }, requireSignalForTrendFlip });

describe('trend (§2.4)', () => {
  it('builds the columns of the worked example', () => {
    expect(cols(chartOf(CLOSES))).toEqual(['O[10-20]', 'X[11-16]', 'O[12-15]', 'X[13-18]', 'O[13-17]', 'X[14-16]', 'O[12-15]', 'X[13-17]']);
  });

  it('starts with a bullish support line under the lowest O (no sell signal yet)', () => {
    const c = chartOf(CLOSES.slice(0, 3)); // O[10-20] X[11-16]
    expect(c.trend).toEqual({ state: 'positive', since: D[2], line: { type: 'BSL', anchorColumn: 0, anchorIndex: 9 }, flips: [] });
  });

  it('breaks the BSL at column 4, when the O column enters the line box 13', () => {
    const c = chartOf(CLOSES.slice(0, 6));
    expect(c.trend.flips).toEqual([{ date: D[5], to: 'negative', column: 4 }]);
    // new BRL from the highest X since the anchor: column 3, top 18 → line box 19
    expect(c.trend.line).toEqual({ type: 'BRL', anchorColumn: 3, anchorIndex: 19 });
    expect(c.trend.state).toBe('negative');
  });

  it('does not count a touch: X column 5 tops at 16 under the line box 17', () => {
    const c = chartOf(CLOSES.slice(0, 7));
    expect(c.columns[5]).toMatchObject({ type: 'X', high: 16 });
    expect(c.trend.state).toBe('negative');
  });

  it('turns positive at column 7, when the X column prints the line box 15, with a new BSL from the lowest O', () => {
    const c = chartOf(CLOSES);
    expect(c.trend.flips.map((f) => [f.column, f.to, f.date])).toEqual([[4, 'negative', D[5]], [7, 'positive', D[8]]]);
    expect(c.trend.line).toEqual({ type: 'BSL', anchorColumn: 6, anchorIndex: 11 });
    expect(c.trend.since).toBe(D[8]);
    // column 7 is also a buy signal (17 > 16), DWA's "on a buy signal to penetrate the BRL"
    expect(c.signals.at(-1)).toMatchObject({ type: 'buy', column: 7, date: D[8] });
  });

  it('gives the trend per day', () => {
    expect(Array.from(chartOf(CLOSES).daily.trend)).toEqual([0, 0, 1, 1, 1, -1, -1, -1, 1]);
  });

  it('with requireSignalForTrendFlip, ignores a BSL break that is not on a sell signal', () => {
    // column 4 (O, bottom 13) enters the BSL but does not break column 2's bottom 12: no sell, no flip;
    // column 6 (O, bottom 12 < 13) sells inside the line (box 9 + 6 = 15): negative; column 7 buys through the BRL 19 − 4
    const c = chartOf(CLOSES, true);
    expect(c.trend.flips.map((f) => [f.column, f.to])).toEqual([[6, 'negative'], [7, 'positive']]);
    expect(Array.from(c.daily.trend)).toEqual([0, 0, 1, 1, 1, 1, 1, -1, 1]);
    expect(c.options.requireSignalForTrendFlip).toBe(true);
  });

  it('with requireSignalForTrendFlip, flips on the first box inside the line printed while on the signal', () => {
    // O[10-20] X[11-16] O[12-15] X[13-18] O[11-17]: column 4 enters the BSL at 13 (day 5) and sells at 11 (day 6)
    const closes = [20, 10, 16, 12, 18, 13, 11];
    expect(chartOf(closes).trend.flips).toEqual([{ date: D[5], to: 'negative', column: 4 }]);
    expect(chartOf(closes, true).trend.flips).toEqual([{ date: D[6], to: 'negative', column: 4 }]);
  });

  it('seeds a chart that starts with an X column from the first O column', () => {
    const c = chartOf([1, 10, 7, 10]); // X[1-10] O[7-9] X[8-10]
    expect(c.trend).toMatchObject({ state: 'positive', since: D[3], line: { type: 'BSL', anchorColumn: 1, anchorIndex: 6 } });
    expect(chartOf([1, 10, 7]).trend.state).toBeNull(); // no completed O column yet
  });
});
