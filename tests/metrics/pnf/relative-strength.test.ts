import { describe, expect, it } from 'vitest';
import { relativeStrength } from '../../../src/metrics/pnf/index.js';
import { days, prng } from './helpers.js';

describe('relativeStrength (§3)', () => {
  it('needs +10.07% from the bottom box to reverse up on the 3.25% grid (§9.5 vector)', () => {
    const ratios = [3.3, 3.26, 3.15, 3.04, 2.95, 2.99, 3.08, 3.15, 3.21, 3.33];
    const d = days(ratios.length);
    const rs = relativeStrength({ dates: d, close: ratios }, { dates: d, close: ratios.map(() => 1) }, { percent: 3.25 });
    // O column from 1.0325^38 = 3.3715 down to 1.0325^34 = 2.9666; 3.21 < 1.0325^37 = 3.2654; 3.33 reverses at 3.2654
    expect(rs.columns.map((c) => [c.type, c.highIndex, c.lowIndex])).toEqual([['O', 38, 34], ['X', 37, 35]]);
    expect(rs.columns[0].high).toBeCloseTo(337.15, 2);
    expect(rs.columns[0].low).toBeCloseTo(296.66, 2);
    expect(rs.columns[1].high).toBeCloseTo(326.54, 2);
    expect(rs.columns[1].start).toBe(d[9]);
    expect(rs.lastColumnChange).toBe(d[9]);
    expect(1.0325 ** 3).toBeCloseTo(1.1007, 4); // the +10.07% of §3.2
    expect(rs.boxLabel).toBe('3.25%');
    expect(rs.level(0)).toBe(100); // ratio 1.0 shown ×100
  });

  it('uses only the dates both series have, up to asOf', () => {
    const a = { dates: ['2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07'], close: [10, 11, 12, 13] };
    const b = { dates: ['2025-01-02', '2025-01-06', '2025-01-07', '2025-01-08'], close: [5, 6, 6.5, 7] };
    const rs = relativeStrength(a, b, { percent: 6.5, asOf: '2025-01-06' });
    expect(rs.dates).toEqual(['2025-01-02', '2025-01-06']);
    expect(rs.daily.column.length).toBe(2);
  });

  it('is the mirror image of the inverse ratio on the 1.0-anchored grid (§9.7)', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const rnd = prng(seed);
      const n = 1500;
      const d = days(n);
      const a = new Float64Array(n);
      const b = new Float64Array(n);
      let pa = 40;
      let pb = 55;
      for (let i = 0; i < n; i++) {
        pa *= Math.exp((rnd() - 0.5) * 0.04);
        pb *= Math.exp((rnd() - 0.5) * 0.03);
        a[i] = pa;
        b[i] = pb;
      }
      for (const percent of [3.25, 6.5]) {
        const ab = relativeStrength({ dates: d, close: a }, { dates: d, close: b }, { percent });
        const ba = relativeStrength({ dates: d, close: b }, { dates: d, close: a }, { percent });
        expect(ab.columns.length).toBeGreaterThan(2);
        expect(ba.columns.map((c) => [c.type === 'X' ? 'O' : 'X', 0 - c.highIndex, 0 - c.lowIndex, c.start, c.end])).toEqual(
          ab.columns.map((c) => [c.type, c.lowIndex, c.highIndex, c.start, c.end]),
        );
        expect(ba.signals.map((s) => [s.type === 'buy' ? 'sell' : 'buy', s.date, s.column])).toEqual(
          ab.signals.map((s) => [s.type, s.date, s.column]),
        );
        for (const c of ab.columns) expect(c.high * ba.level(-c.highIndex)).toBeCloseTo(10000, 6);
      }
    }
  });

  it('rejects a bad percent or reversal', () => {
    const s = { dates: days(2), close: [1, 2] };
    expect(() => relativeStrength(s, s, { percent: 0 })).toThrow(RangeError);
    expect(() => relativeStrength(s, s, { percent: 3.25, reversal: 0 })).toThrow(/got 0/);
  });
});
