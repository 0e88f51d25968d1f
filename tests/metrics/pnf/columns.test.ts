import { describe, expect, it } from 'vitest';
import { pointAndFigure } from '../../../src/metrics/pnf/index.js';
import { cols, days } from './helpers.js';

// §1.6 worked example: traditional scale ($1 boxes in 20–100), high/low method
const H = [25.4, 26.2, 28.9, 28.7, 27.5, 26.0, 27.3, 29.1, 30.6, 29.9, 27.8, 26.4];
const L = [24.1, 25.1, 26.5, 26.1, 24.8, 23.4, 25.0, 27.0, 28.2, 26.95, 25.9, 22.6];
const D = days(12, '2024-03-01'); // D1 = 2024-03-01 … D12 = 2024-03-12
const C = H.map((h, i) => (h + L[i]) / 2);

function upTo(day: number) {
  return pointAndFigure(
    { dates: D.slice(0, day), close: C.slice(0, day), high: H.slice(0, day), low: L.slice(0, day) },
    { scale: 'traditional' },
  );
}

describe('pointAndFigure columns (§1.4, §1.5)', () => {
  describe('§1.6 worked example, day by day', () => {
    it.each([
      [1, []],
      [2, ['X[25-26]']],
      [3, ['X[25-28]']],
      [4, ['X[25-28]']],
      [5, ['X[25-28]', 'O[25-27]']],
      [6, ['X[25-28]', 'O[24-27]']],
      [7, ['X[25-28]', 'O[24-27]', 'X[25-27]']],
      [8, ['X[25-28]', 'O[24-27]', 'X[25-29]']],
      [9, ['X[25-28]', 'O[24-27]', 'X[25-30]']],
      [10, ['X[25-28]', 'O[24-27]', 'X[25-30]', 'O[27-29]']],
      [11, ['X[25-28]', 'O[24-27]', 'X[25-30]', 'O[26-29]']],
      [12, ['X[25-28]', 'O[24-27]', 'X[25-30]', 'O[23-29]']],
    ])('after D%i the columns are %j', (day, expected) => {
      expect(cols(upTo(day))).toEqual(expected);
    });

    it('fires the double top buy at 29 on D8 and the double bottom sell at 23 on D12', () => {
      const s = upTo(12).signals.map((x) => [x.type, x.date, x.level, x.resistanceLevel, x.pattern]);
      expect(s).toEqual([
        ['buy', D[7], 29, 28, 'double top'],
        ['sell', D[11], 23, 24, 'double bottom'],
      ]);
    });

    it('records the day each box was first filled, bottom → top', () => {
      const c = upTo(12).columns;
      expect(c[0].boxDates).toEqual([D[1], D[1], D[2], D[2]]); // 25, 26 on D2; 27, 28 on D3
      expect(c[1].boxDates).toEqual([D[5], D[4], D[4], D[4]]); // 24 on D6; 25–27 on D5
      expect(c[3].boxDates).toEqual([D[11], D[11], D[11], D[10], D[9], D[9], D[9]]);
      expect(c.map((x) => [x.start, x.end])).toEqual([[D[1], D[2]], [D[4], D[5]], [D[6], D[8]], [D[9], D[11]]]);
    });

    it('fills the daily arrays: column type and signal state after each day', () => {
      const chart = upTo(12);
      expect(Array.from(chart.daily.column)).toEqual([0, 1, 1, 1, -1, -1, 1, 1, 1, -1, -1, -1]);
      expect(Array.from(chart.daily.signal)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, -1]);
    });

    it('states the box size of the last price', () => {
      expect(upTo(12).boxLabel).toBe('traditional (1.00 box in 20–100)');
    });
  });

  describe('one action per day', () => {
    it('in an X column uses the high when another X prints, and ignores the low', () => {
      // X 25–28, then a day with high 29.2 and low 24: extend only
      const c = pointAndFigure(
        { dates: days(4), close: [25, 26, 28, 26], high: [25.4, 26.2, 28.9, 29.2], low: [24.9, 25.1, 26.5, 24] },
        { scale: 'traditional' },
      );
      expect(cols(c)).toEqual(['X[25-29]']);
    });
    it('in an O column uses the low when another O prints, and ignores the high', () => {
      const c = pointAndFigure(
        { dates: days(4), close: [30, 29, 27, 28], high: [30.2, 29.5, 28.4, 33], low: [29.8, 28.9, 27.0, 25.9] },
        { scale: 'traditional' },
      );
      expect(cols(c)).toEqual(['O[26-30]']);
    });
    it('in an O column looks at the high only when no O prints', () => {
      // same days, but the last low 26.9 rounds up to 27: no O, so the high of 33 reverses (needs 27 + 3 = 30)
      const c = pointAndFigure(
        { dates: days(4), close: [30, 29, 27, 28], high: [30.2, 29.5, 28.4, 33], low: [29.8, 28.9, 27.0, 26.9] },
        { scale: 'traditional' },
      );
      expect(cols(c)).toEqual(['O[27-30]', 'X[28-33]']);
    });
    it('reverses to O when no X prints and the low reaches three boxes below the top', () => {
      const c = pointAndFigure(
        { dates: days(3), close: [25, 28, 26], high: [25.4, 28.9, 28.7], low: [24.9, 26.5, 25.0] },
        { scale: 'traditional' },
      );
      expect(cols(c)).toEqual(['X[25-28]', 'O[25-27]']);
    });
  });

  describe('first column (§1.5)', () => {
    it('waits for a move of one box beyond the first day, up first', () => {
      const c = pointAndFigure({ dates: days(4), close: [10.2, 10.4, 10.1, 11.0] }, { scale: { fixed: 1 } });
      // day 0: up0 = 10, dn0 = 11; 10.4 and 10.1 reach neither 11 nor 10; 11.0 starts X[10-11]
      expect(cols(c)).toEqual(['X[10-11]']);
      expect(c.columns[0].start).toBe(days(4)[3]);
      expect(Array.from(c.daily.column)).toEqual([0, 0, 0, 1]);
    });
    it('starts an O column when the low reaches one box under the first day', () => {
      const c = pointAndFigure({ dates: days(2), close: [10.2, 8.9] }, { scale: { fixed: 1 } });
      expect(cols(c)).toEqual(['O[9-11]']);
    });
    it('breaks a two-way first day by close against the previous close', () => {
      const dates = days(2);
      const up = pointAndFigure({ dates, close: [10.5, 10.7], high: [10.6, 12.2], low: [10.4, 8.5] }, { scale: { fixed: 1 } });
      const down = pointAndFigure({ dates, close: [10.5, 10.3], high: [10.6, 12.2], low: [10.4, 8.5] }, { scale: { fixed: 1 } });
      const tie = pointAndFigure({ dates, close: [10.5, 10.5], high: [10.6, 12.2], low: [10.4, 8.5] }, { scale: { fixed: 1 } });
      expect(cols(up)).toEqual(['X[10-12]']);
      expect(cols(down)).toEqual(['O[9-11]']);
      expect(cols(tie)).toEqual(['X[10-12]']);
    });
  });

  describe('data gaps and bad data', () => {
    it('skips NaN days and carries the state', () => {
      const c = pointAndFigure({ dates: days(7), close: [5, NaN, 1, NaN, 6, 3, 7] }, { scale: { fixed: 1 } });
      expect(cols(c)).toEqual(['O[1-5]', 'X[2-6]', 'O[3-5]', 'X[4-7]']);
      expect(Array.from(c.daily.column)).toEqual([0, 0, -1, -1, 1, -1, 1]);
    });
    it('skips non-positive prices on a traditional scale', () => {
      const c = pointAndFigure({ dates: days(4), close: [5, 0, -3, 4.5] }, { scale: 'traditional' });
      expect(cols(c)).toEqual(['O[4.5-5]']);
    });
    it('falls back to the close when one day lacks a high or low', () => {
      const c = pointAndFigure(
        { dates: days(3), close: [25, 27.5, 28.2], high: [25.4, NaN, 28.9], low: [24.9, 26.5, NaN] },
        { scale: 'traditional' },
      );
      expect(cols(c)).toEqual(['X[25-28]']);
    });
    it('returns an empty chart for too few points instead of throwing', () => {
      for (const close of [[], [5], [NaN, NaN], [5, 5.2]]) {
        const c = pointAndFigure({ dates: days(close.length), close }, { scale: { fixed: 1 } });
        expect(c.columns).toEqual([]);
        expect(c.signals).toEqual([]);
        expect(c.current).toEqual({
          column: null, signal: null, consecutiveSignals: 0, lastPattern: null, breakoutLevel: null,
          atAllTimeHigh: false, lastSignalDate: null,
        });
        expect(c.trend).toEqual({ state: null, since: null, line: null, flips: [] });
        expect(c.daily.column.length).toBe(close.length);
      }
    });
  });

  describe('options', () => {
    it('defaults to 3-box reversal and high/low when high and low are given', () => {
      const c = pointAndFigure({ dates: D, close: C, high: H, low: L }, { scale: 'traditional' });
      expect(c.options).toEqual({ scale: 'traditional', reversal: 3, method: 'highlow', requireSignalForTrendFlip: false });
      const close = pointAndFigure({ dates: D, close: C }, { scale: 'traditional' });
      expect(close.options.method).toBe('close');
    });
    it('uses the close only with method close', () => {
      const c = pointAndFigure({ dates: D, close: C, high: H, low: L }, { scale: 'traditional', method: 'close' });
      const same = pointAndFigure({ dates: D, close: C }, { scale: 'traditional' });
      expect(cols(c)).toEqual(cols(same));
    });
    it('supports other reversal counts', () => {
      const closes = [10, 11, 12, 13, 11.5, 11, 12.6];
      const one = pointAndFigure({ dates: days(7), close: closes }, { scale: { fixed: 1 }, reversal: 1 });
      const five = pointAndFigure({ dates: days(7), close: closes }, { scale: { fixed: 1 }, reversal: 5 });
      expect(cols(one)).toEqual(['X[10-13]', 'O[11-12]', 'X[12-12]']); // a one-box reversal column can hold one box
      expect(cols(five)).toEqual(['X[10-13]']);
    });
  });

  describe('caller mistakes throw with the bad value', () => {
    const input = { dates: days(3), close: [1, 2, 3] };
    it('rejects a reversal below 1 or not an integer', () => {
      expect(() => pointAndFigure(input, { scale: 'traditional', reversal: 0 })).toThrowErrorMatchingInlineSnapshot(`[RangeError: P&F reversal must be an integer >= 1, got 0]`);
      expect(() => pointAndFigure(input, { scale: 'traditional', reversal: 2.5 })).toThrow(/2\.5/);
    });
    it('rejects an unknown scale', () => {
      expect(() => pointAndFigure(input, { scale: 'ratio' as never })).toThrow(TypeError);
    });
    it('rejects arrays of unequal length', () => {
      expect(() => pointAndFigure({ dates: days(3), close: [1, 2] }, { scale: 'traditional' })).toThrowErrorMatchingInlineSnapshot(`[RangeError: P&F input arrays differ in length: dates has 3 values, close has 2]`);
      expect(() =>
        pointAndFigure({ dates: days(3), close: [1, 2, 3], high: [1, 2, 3], low: [1, 2] }, { scale: 'traditional' }),
      ).toThrow(RangeError);
    });
    it('rejects method highlow without high and low', () => {
      expect(() => pointAndFigure(input, { scale: 'traditional', method: 'highlow' })).toThrow(TypeError);
    });
  });
});
