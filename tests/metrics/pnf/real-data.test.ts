/**
 * The engine on real data as of 2025-12-12. Each current state is checked against columns derived by hand
 * from the CSV rows of the last months (listed in the comments; the rows the derivation hinges on are asserted).
 */
import { describe, expect, it } from 'vitest';
import { pointAndFigure, relativeStrength, type PnfChart } from '../../../src/metrics/pnf/index.js';
import { HAS_REAL, readCsv, type Csv } from './helpers.js';

const AS_OF = '2025-12-12';
if (!HAS_REAL) console.warn('real data folder absent: skipping the P&F real-data tests');

const tail = (c: PnfChart, n: number) => c.columns.slice(-n).map((x) => `${x.type}[${x.low}-${x.high}] ${x.start}..${x.end}`);
const row = (csv: Csv, date: string, col: string): number => csv.col[col][csv.dates.indexOf(date)];
const between = (csv: Csv, col: string, from: string, to: string): number[] =>
  csv.dates.flatMap((d, i) => (d >= from && d <= to ? [csv.col[col][i]] : []));

describe.skipIf(!HAS_REAL)('pointAndFigure on real data, as of 2025-12-12', () => {
  describe('IWM, dsturdy adjusted closes, traditional scale (4-point boxes in 200–500), close method', () => {
    const csv = readCsv('dsturdy-Factor_Attribution/IWM.csv', AS_OF);
    const chart = pointAndFigure({ dates: csv.dates, close: csv.col.close }, { scale: 'traditional' });

    it('rests on the closes of the hand derivation', () => {
      // X column topped at 248 on 2025-10-15 (248.46); the next close ≤ 236 (3 boxes down) is 2025-11-13 (235.02)
      expect(row(csv, '2025-10-15', 'close')).toBeCloseTo(248.46, 2);
      expect(Math.min(...between(csv, 'close', '2025-10-16', '2025-11-12'))).toBeGreaterThan(236);
      expect(Math.max(...between(csv, 'close', '2025-10-16', '2025-11-12'))).toBeLessThan(252);
      expect(row(csv, '2025-11-13', 'close')).toBeCloseTo(235.02, 2);
      // O to 232 on 11-17 (231.02), to 228 on 11-20 (227.40); up-reversal needs 228 + 12 = 240: 11-25 (243.30)
      expect([row(csv, '2025-11-17', 'close'), row(csv, '2025-11-20', 'close')]).toEqual([
        expect.closeTo(231.02, 2), expect.closeTo(227.4, 2),
      ]);
      expect(Math.max(...between(csv, 'close', '2025-11-21', '2025-11-24'))).toBeLessThan(240);
      expect(row(csv, '2025-11-25', 'close')).toBeCloseTo(243.3, 2);
      // X to 244 on 11-26 (245.45), 248 on 12-04 (249.94: ties the October top), 252 on 12-10 (252.91): buy
      expect(row(csv, '2025-12-04', 'close')).toBeCloseTo(249.94, 2);
      expect(Math.max(...between(csv, 'close', '2025-12-05', '2025-12-09'))).toBeLessThan(252);
      expect(row(csv, '2025-12-10', 'close')).toBeCloseTo(252.91, 2);
      // 12-11 (255.87) stays under 256; 12-12 (251.95) is far above the reversal level 240
      expect(Math.max(...between(csv, 'close', '2025-12-11', AS_OF))).toBeLessThan(256);
    });

    it('ends with O[228-244] and X[232-252], a second consecutive buy at 252 at an all-time high', () => {
      expect(tail(chart, 2)).toEqual(['O[228-244] 2025-11-13..2025-11-20', 'X[232-252] 2025-11-25..2025-12-10']);
      expect(chart.columns.at(-3)).toMatchObject({ type: 'X', high: 248, end: '2025-10-15' });
      expect(chart.signals.at(-1)).toMatchObject({ type: 'buy', date: '2025-12-10', level: 252, resistanceLevel: 248 });
      // the signal before is the April 2025 buy (the X column that ran from 182 to 248)
      expect(chart.signals.at(-2)).toMatchObject({ type: 'buy', date: '2025-04-24' });
      // tops 186 (April) < 248 (October) < 252: ascending triple top
      expect(chart.columns.at(-5)).toMatchObject({ type: 'X', high: 186 });
      // no close before 2025-12-10 ever reached 252, so no earlier column topped at or above it
      expect(Math.max(...between(csv, 'close', '2000-01-01', '2025-12-09'))).toBeLessThan(252);
      expect(chart.current).toEqual({
        column: 'X', signal: 'buy', consecutiveSignals: 2, lastPattern: 'ascending triple top', breakoutLevel: 252,
        atAllTimeHigh: true, lastSignalDate: '2025-12-10',
      });
      expect(chart.boxLabel).toBe('traditional (4.00 box in 200–500)');
      expect(chart.trend.state).toBe('positive');
    });

    it('gives the same last 10 columns when started in 2005 instead of 2000', () => {
      const from = csv.dates.indexOf('2005-01-03');
      const late = pointAndFigure({ dates: csv.dates.slice(from), close: csv.col.close.slice(from) }, { scale: 'traditional' });
      expect(late.columns.slice(-10)).toEqual(chart.columns.slice(-10));
      expect(late.current).toEqual(chart.current);
    });
  });

  describe('IWM, alitalbi high/low, traditional scale', () => {
    const csv = readCsv('alitalbi-storage_data_fy/IWM.csv', AS_OF);
    const chart = pointAndFigure({ dates: csv.dates, close: csv.col.close, high: csv.col.high, low: csv.col.low }, { scale: 'traditional' });

    it('ends with O[232-248] and X[236-256], a second consecutive buy at 256 on 2025-12-11', () => {
      // X top 252 on 10-15 (high 252.77); reversal needs a low ≤ 240: first on 11-06, low exactly 240.0 (a touch counts)
      expect(Math.min(...between(csv, 'low', '2025-10-16', '2025-11-05'))).toBeGreaterThan(240);
      expect(row(csv, '2025-11-06', 'low')).toBe(240);
      // O to 236 on 11-13 (235.84), 232 on 11-17 (230.99); 228.14 on 11-20 does not reach 228
      expect(Math.min(...between(csv, 'low', '2025-11-18', '2025-11-24'))).toBeGreaterThan(228);
      // up-reversal needs a high ≥ 244: 11-25 (244.73) → X 236–244; 248 on 12-03 (249.01); 252 on 12-09 (252.11, a tie);
      // 256 on 12-11 (257.15) → buy; 12-12 (257.34) under 260
      expect(Math.max(...between(csv, 'high', '2025-11-18', '2025-11-24'))).toBeLessThan(244);
      expect(row(csv, '2025-11-25', 'high')).toBeCloseTo(244.73, 2);
      expect(Math.max(...between(csv, 'high', '2025-11-26', '2025-12-10'))).toBeLessThan(256);
      expect(row(csv, '2025-12-11', 'high')).toBeCloseTo(257.15, 2);
      expect(tail(chart, 2)).toEqual(['O[232-248] 2025-11-06..2025-11-17', 'X[236-256] 2025-11-25..2025-12-11']);
      expect(chart.columns.at(-2)!.boxDates).toEqual([
        '2025-11-17', '2025-11-13', '2025-11-06', '2025-11-06', '2025-11-06',
      ]);
      expect(chart.current).toEqual({
        column: 'X', signal: 'buy', consecutiveSignals: 2, lastPattern: 'ascending triple top', breakoutLevel: 256,
        atAllTimeHigh: true, lastSignalDate: '2025-12-11',
      });
    });

    it('gives the same last 10 columns when started in 2010 instead of 2000', () => {
      const from = csv.dates.indexOf('2010-01-04');
      const slice = (a: number[]) => a.slice(from);
      const late = pointAndFigure(
        { dates: csv.dates.slice(from), close: slice(csv.col.close), high: slice(csv.col.high), low: slice(csv.col.low) },
        { scale: 'traditional' },
      );
      expect(late.columns.slice(-10)).toEqual(chart.columns.slice(-10));
    });
  });

  describe('RUT, alitalbi high/low, traditional scale (10-point boxes under 2500, 50 above)', () => {
    const csv = readCsv('alitalbi-storage_data_fy/RUT.csv', AS_OF);
    const chart = pointAndFigure({ dates: csv.dates, close: csv.col.close, high: csv.col.high, low: csv.col.low }, { scale: 'traditional' });

    it('ends with a second consecutive buy at 2550, breaking the 2500 tops of October–November', () => {
      // O bottom 2310 on 11-21 (low 2306.78); 11-24 high 2418.31 → X 2320–2410, above the previous X top 2400: buy
      expect(row(csv, '2025-11-21', 'low')).toBeCloseTo(2306.78, 2);
      expect(row(csv, '2025-11-24', 'high')).toBeCloseTo(2418.31, 2);
      // 11-26 high 2502.96 → 2500 (next box 2550); 12-01 low 2468.01 ≤ 2470 → O 2490–2470; 12-02 low 2464.98 > 2460
      expect(row(csv, '2025-11-26', 'high')).toBeCloseTo(2502.96, 2);
      expect(row(csv, '2025-12-01', 'low')).toBeCloseTo(2468.01, 2);
      // 12-03 high 2512.45 ≥ 2500 → X 2480–2500; 12-10 high 2576.31 → 2550 > 2500: buy; 12-11/12 highs under 2600
      expect(Math.max(...between(csv, 'high', '2025-12-04', '2025-12-09'))).toBeLessThan(2550);
      expect(row(csv, '2025-12-10', 'high')).toBeCloseTo(2576.31, 2);
      expect(Math.max(...between(csv, 'high', '2025-12-11', AS_OF))).toBeLessThan(2600);
      expect(tail(chart, 3)).toEqual([
        'X[2320-2500] 2025-11-24..2025-11-26', 'O[2470-2490] 2025-12-01..2025-12-01', 'X[2480-2550] 2025-12-03..2025-12-10',
      ]);
      expect(chart.signals.slice(-2).map((s) => [s.type, s.date, s.level, s.consecutive])).toEqual([
        ['buy', '2025-11-24', 2410, 1], ['buy', '2025-12-10', 2550, 2],
      ]);
      // X tops 2500 in columns −15, −11 and −3 (Oct 13, Oct 23 and Nov 24 columns), every X column between lower
      expect(chart.current).toEqual({
        column: 'X', signal: 'buy', consecutiveSignals: 2, lastPattern: 'spread triple top', breakoutLevel: 2550,
        atAllTimeHigh: true, lastSignalDate: '2025-12-10',
      });
      expect(chart.boxLabel).toBe('traditional (50.00 box in 2500–25000)');
    });
  });

  describe('TNX, alitalbi high/low ×10, fixed 0.5 boxes (§7 calibration)', () => {
    const csv = readCsv('alitalbi-storage_data_fy/TNX.csv', AS_OF);
    const x10 = (a: number[]) => a.map((v) => v * 10);
    const input = { dates: csv.dates, close: x10(csv.col.close), high: x10(csv.col.high), low: x10(csv.col.low) };
    const chart = pointAndFigure(input, { scale: { fixed: 0.5 } });

    it('shows four consecutive sells June–October 2025, then a double top buy at 42 on 2025-12-10', () => {
      const recent = chart.signals.filter((s) => s.date >= '2025-05-01').map((s) => [s.type, s.date, s.level, s.consecutive]);
      expect(recent).toEqual([
        ['buy', '2025-05-21', 46, 1],
        ['sell', '2025-06-23', 43, 1], // low 42.91 → 43 < O bottom 43.5 of early June
        ['sell', '2025-08-04', 42, 2], // low 41.98 → 42 < 42.5
        ['sell', '2025-09-05', 41.5, 3], // low 40.63 → 41 (41.5 first) < 42
        ['sell', '2025-10-21', 39.5, 4], // low 39.47 → 39.5 < 40
        ['buy', '2025-12-10', 42, 1], // high 42.04 → 42 > 41.5 (X top of 11-05)
      ]);
      expect(chart.signals.at(-1)!.pattern).toBe('double top');
    });

    it('ends with the columns derived from the autumn rows', () => {
      // O 40–41 on 11-25 (low 39.88); up-reversal needs 41.5: 12-08 high 41.92 → X 40.5–41.5; 12-10 high 42.04 → 42;
      // 12-12 high 42.00 < 42.5 and no low ≤ 40.5
      expect(row(csv, '2025-11-25', 'low') * 10).toBeCloseTo(39.88, 2);
      expect(Math.max(...between(csv, 'high', '2025-11-26', '2025-12-05')) * 10).toBeLessThan(41.5);
      expect(row(csv, '2025-12-08', 'high') * 10).toBeCloseTo(41.92, 2);
      expect(row(csv, '2025-12-10', 'high') * 10).toBeCloseTo(42.04, 2);
      expect(tail(chart, 4)).toEqual([
        'O[39.5-41.5] 2025-10-10..2025-10-21', 'X[40-41.5] 2025-10-30..2025-11-05',
        'O[40-41] 2025-11-25..2025-11-25', 'X[40.5-42] 2025-12-08..2025-12-10',
      ]);
      expect(chart.current).toMatchObject({ column: 'X', signal: 'buy', consecutiveSignals: 1, breakoutLevel: 42, atAllTimeHigh: false });
    });

    it('turns the trend positive on 2025-12-08, two sessions before the buy (BRL box 41)', () => {
      // The BSL broke on 2025-08-01; the new BRL starts over the July X column (top 44.5 → line box 45) and falls one
      // box per column: 44 at the August X column (top 43.5), 43 in September (top 42), 42 in November (top 41.5),
      // 41 for the December column, whose reversal on 12-08 prints 40.5, 41, 41.5 at once.
      const n = chart.columns.length;
      const july = chart.columns[n - 9];
      expect(july).toMatchObject({ type: 'X', high: 44.5, start: '2025-07-08' });
      const before = pointAndFigure(
        { dates: input.dates.slice(0, -5), close: input.close.slice(0, -5), high: input.high.slice(0, -5), low: input.low.slice(0, -5) },
        { scale: { fixed: 0.5 } },
      );
      expect(input.dates.at(-6)).toBe('2025-12-05');
      expect(before.trend).toMatchObject({ state: 'negative', since: '2025-08-01', line: { type: 'BRL', anchorColumn: n - 9, anchorIndex: 90 } });
      expect(before.level(90)).toBe(45);
      expect(chart.trend.flips.at(-1)).toEqual({ date: '2025-12-08', to: 'positive', column: n - 1 });
      expect(chart.trend.state).toBe('positive');
    });

    it('with requireSignalForTrendFlip, turns positive with the buy at 42 on 2025-12-10', () => {
      const guarded = pointAndFigure(input, { scale: { fixed: 0.5 }, requireSignalForTrendFlip: true });
      expect(guarded.trend.flips.at(-1)).toMatchObject({ date: '2025-12-10', to: 'positive' });
    });

    it('on 1-point boxes shows a single sell and a negative trend (§7)', () => {
      const one = pointAndFigure(input, { scale: { fixed: 1 } });
      expect(one.current).toMatchObject({ column: 'O', signal: 'sell', consecutiveSignals: 1 });
      expect(one.trend.state).toBe('negative');
    });
  });

  describe('IWM vs RSP, 3.25% relative strength (§3)', () => {
    const iwm = readCsv('dsturdy-Factor_Attribution/IWM.csv');
    const rsp = readCsv('dsturdy-Factor_Attribution/RSP.csv');
    const rs = relativeStrength({ dates: iwm.dates, close: iwm.col.close }, { dates: rsp.dates, close: rsp.col.close }, { percent: 3.25, asOf: AS_OF });

    it('returned into Xs on 2025-09-18, as NDW wrote for September, while still on a sell signal', () => {
      // ratios computed here from the two CSVs on shared dates
      const ratio = new Map<string, number>();
      const rspAt = new Map(rsp.dates.map((d, i) => [d, rsp.col.close[i]]));
      iwm.dates.forEach((d, i) => rspAt.has(d) && d <= AS_OF && ratio.set(d, iwm.col.close[i] / rspAt.get(d)!));
      const span = (from: string, to: string) => [...ratio].filter(([d]) => d >= from && d <= to).map(([, r]) => r);
      const box = (k: number) => 1.0325 ** k;
      // the long O column bottomed in box 5 (1.1734) on 2025-03-10 and never reached box 4 afterwards
      expect(ratio.get('2025-03-10')!).toBeLessThanOrEqual(box(5));
      expect(Math.min(...span('2021-03-29', '2025-03-09'))).toBeGreaterThan(box(5));
      expect(Math.min(...span('2025-03-10', AS_OF))).toBeGreaterThan(box(4));
      // up-reversal needs box 8 (1.2916, +10.07%): first reached on 2025-09-18 (1.3034); then between box 5 and box 9
      expect(Math.max(...span('2025-03-10', '2025-09-17'))).toBeLessThan(box(8));
      expect(ratio.get('2025-09-18')!).toBeGreaterThanOrEqual(box(8));
      expect(Math.max(...span('2025-09-18', AS_OF))).toBeLessThan(box(9));
      expect(Math.min(...span('2025-09-18', AS_OF))).toBeGreaterThan(box(5));

      const last = rs.columns.at(-1)!;
      expect([last.type, last.lowIndex, last.highIndex, last.start]).toEqual(['X', 6, 8, '2025-09-18']);
      expect(rs.columns.at(-2)).toMatchObject({ type: 'O', lowIndex: 5, end: '2025-03-10' });
      expect(last.high).toBeCloseTo(129.16, 2);
      expect(rs.lastColumnChange).toBe('2025-09-18');
      expect(rs.current).toMatchObject({ column: 'X', signal: 'sell' });
      expect(rs.dates.at(-1)).toBe(AS_OF);
    });
  });
});
