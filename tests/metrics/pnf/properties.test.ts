import { describe, expect, it } from 'vitest';
import { pointAndFigure, type PnfChart, type PnfOptions } from '../../../src/metrics/pnf/index.js';
import { randomWalk } from './helpers.js';

/** Invariants every chart must satisfy; returns the violations (empty when all hold). */
function violations(chart: PnfChart, reversal: number): string[] {
  const bad: string[] = [];
  const check = (ok: boolean, what: string): void => {
    if (!ok) bad.push(what);
  };
  const c = chart.columns;
  for (let j = 0; j < c.length; j++) {
    const col = c[j];
    const boxes = col.highIndex - col.lowIndex + 1;
    check(col.boxDates.length === boxes, `column ${j}: one date per box`);
    check(col.low === chart.level(col.lowIndex) && col.high === chart.level(col.highIndex), `column ${j}: levels`);
    // box dates: X fills bottom → top, O top → bottom
    const ds = col.boxDates;
    for (let b = 1; b < ds.length; b++) check(col.type === 'X' ? ds[b] >= ds[b - 1] : ds[b] <= ds[b - 1], `column ${j}: fill order`);
    check(col.start === (col.type === 'X' ? ds[0] : ds[ds.length - 1]), `column ${j}: start`);
    check(col.end === (col.type === 'X' ? ds[ds.length - 1] : ds[0]), `column ${j}: end`);
    if (j === 0) continue;
    const prev = c[j - 1];
    check(col.type !== prev.type, `column ${j}: alternation`);
    check(boxes >= reversal, `column ${j}: ${boxes} boxes < reversal ${reversal}`);
    // contiguous: an X column starts one box above the O bottom, an O column one box under the X top
    check(col.type === 'X' ? col.lowIndex === prev.lowIndex + 1 : col.highIndex === prev.highIndex - 1, `column ${j}: contiguity`);
    check(col.start > prev.end, `column ${j}: one action per day`);
  }
  // signals exactly where top(c) > top(c−2) / bot(c) < bot(c−2), dated on the day the breakout box printed
  const expected: string[] = [];
  for (let j = 2; j < c.length; j++) {
    const col = c[j];
    const k = col.type === 'X' ? c[j - 2].highIndex + 1 : c[j - 2].lowIndex - 1;
    if (col.type === 'X' ? col.highIndex >= k : col.lowIndex <= k) {
      expected.push(`${col.type === 'X' ? 'buy' : 'sell'} ${j} ${chart.level(k)} ${col.boxDates[k - col.lowIndex]}`);
    }
  }
  check(
    JSON.stringify(chart.signals.map((s) => `${s.type} ${s.column} ${s.level} ${s.date}`)) === JSON.stringify(expected),
    'signals',
  );
  chart.signals.forEach((s, i) => {
    const before = chart.signals[i - 1];
    check(s.consecutive === (before && before.type === s.type ? before.consecutive + 1 : 1), `signal ${i}: consecutive`);
  });
  return bad;
}

const SETUPS: [string, PnfOptions][] = [
  ['traditional, high/low', { scale: 'traditional' }],
  ['traditional, close', { scale: 'traditional', method: 'close' }],
  ['2% boxes, high/low, 2-box reversal', { scale: { percent: 2 }, reversal: 2 }],
  ['fixed 0.25, close, 5-box reversal', { scale: { fixed: 0.25 }, method: 'close', reversal: 5 }],
  ['pre-2022 traditional, high/low, 1-box reversal', { scale: 'traditional-pre2022', reversal: 1 }],
];

describe('pointAndFigure on seeded random walks', () => {
  describe.each(SETUPS)('%s', (_, options) => {
    it('keeps the structural invariants (alternation, contiguity, reversal size, signal rule)', () => {
      let columns = 0;
      for (let seed = 1; seed <= 12; seed++) {
        const w = randomWalk(seed * 101, 2500, 5 + seed * 40, 0.02);
        const chart = pointAndFigure(w, options);
        columns += chart.columns.length;
        expect(violations(chart, options.reversal ?? 3)).toEqual([]);
      }
      expect(columns).toBeGreaterThan(12 * 20);
    });
  });

  it('gives the same last 10 columns from two start dates 3+ years apart (§1.5 warm-up)', () => {
    for (const seed of [11, 12, 13]) {
      const w = randomWalk(seed, 4000, 80, 0.015);
      const late = 3 * 365 + 17; // the walk has one value per calendar day
      const a = pointAndFigure(w, { scale: 'traditional' });
      const b = pointAndFigure(
        { dates: w.dates.slice(late), close: w.close.slice(late), high: w.high.slice(late), low: w.low.slice(late) },
        { scale: 'traditional' },
      );
      const tail = (ch: PnfChart) => ch.columns.slice(-10);
      expect(tail(b)).toEqual(tail(a));
      expect(b.current).toEqual(a.current);
    }
  });
});
