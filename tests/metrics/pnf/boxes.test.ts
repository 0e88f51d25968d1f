import { describe, expect, it } from 'vitest';
import { boxScale } from '../../../src/metrics/pnf/boxes.js';
import { pointAndFigure } from '../../../src/metrics/pnf/index.js';
import { days, randomWalk } from './helpers.js';

/** Levels just below / at / above a price on a ladder. */
function around(scale: ReturnType<typeof boxScale>, price: number): [number, number, number] {
  const k = scale.floorIndex(price);
  return [scale.level(k - 1), scale.level(k), scale.level(k + 1)];
}

describe('boxScale', () => {
  describe('traditional (post-2022) ladder edges, §9.1', () => {
    const t = boxScale('traditional');
    it.each([
      [19.5, [19, 19.5, 20]],
      [20, [19.5, 20, 21]],
      [21, [20, 21, 22]],
      [99, [98, 99, 100]],
      [100, [99, 100, 102]],
      [102, [100, 102, 104]],
      [198, [196, 198, 200]],
      [200, [198, 200, 204]],
      [204, [200, 204, 208]],
      [496, [492, 496, 500]],
      [500, [496, 500, 505]],
      [505, [500, 505, 510]],
      [995, [990, 995, 1000]],
      [1000, [995, 1000, 1010]],
      [1010, [1000, 1010, 1020]],
      [2500, [2490, 2500, 2550]],
      [25000, [24950, 25000, 25500]],
    ])('puts %d between the right neighbours', (price, expected) => {
      expect(around(t, price)).toEqual(expected);
    });

    it('starts at 0 with 1/16 boxes and counts 4+6+16+30 boxes up to 20', () => {
      expect([0, 1, 2, 3, 4, 5].map((k) => t.level(k))).toEqual([0, 0.0625, 0.125, 0.1875, 0.25, 0.375]);
      expect(t.floorIndex(20)).toBe(4 + 6 + 16 + 30);
      expect(t.level(56)).toBe(20);
    });

    it('rounds an X-side high down and an O-side low up (DWA Lesson 1)', () => {
      expect(t.level(t.floorIndex(28.875))).toBe(28);
      expect(t.level(t.ceilIndex(28.875))).toBe(29);
      expect(t.level(t.floorIndex(10.63))).toBe(10.5);
      expect(t.level(t.floorIndex(4.73))).toBe(4.5);
    });

    it('counts a touch of the exact level, within 1e-9 box', () => {
      expect(t.level(t.floorIndex(29))).toBe(29);
      expect(t.level(t.floorIndex(29 - 1e-12))).toBe(29);
      expect(t.level(t.ceilIndex(29 + 1e-12))).toBe(29);
      expect(t.level(t.floorIndex(29 - 1e-6))).toBe(28);
    });

    it('counts a reversal across a band boundary in ladder steps (21 → 20, 19.5, 19)', () => {
      const k = t.floorIndex(21);
      expect([1, 2, 3].map((d) => t.level(k - d))).toEqual([20, 19.5, 19]);
    });

    it('labels a boundary price with the lower band', () => {
      expect(t.label(20)).toBe('traditional (0.50 box in 5–20)');
      expect(t.label(20.01)).toBe('traditional (1.00 box in 20–100)');
      expect(t.label(0.1)).toBe('traditional (0.0625 box in 0–0.25)');
      expect(t.label(30000)).toBe('traditional (500.00 box in 25000 and up)');
    });

    it('names every band a drawn grid crosses, and one band when the grid stays in it', () => {
      // a chart from 160 to 256 draws 2-point boxes up to 200 and 4-point boxes above
      expect(t.labelOver(160, 256)).toBe('traditional (2.00 box in 100–200, 4.00 in 200–500)');
      expect(t.labelOver(90, 560)).toBe('traditional (1.00 box in 20–100, 2.00 in 100–200, 4.00 in 200–500, 5.00 in 500–1000)');
      // a grid that starts or ends on a band edge draws no box of the band beyond it
      expect(t.labelOver(200, 256)).toBe('traditional (4.00 box in 200–500)');
      expect(t.labelOver(180, 200)).toBe('traditional (2.00 box in 100–200)');
      expect(t.labelOver(21, 40)).toBe(t.label(40));
    });
  });

  it('uses 50-point boxes from 1,000 to 25,000 on the pre-2022 table', () => {
    const t = boxScale('traditional-pre2022');
    expect(around(t, 1000)).toEqual([995, 1000, 1050]);
    expect(around(t, 2500)).toEqual([2450, 2500, 2550]);
    expect(around(t, 25000)).toEqual([24950, 25000, 25500]);
    expect(t.label(1500)).toBe('traditional-pre2022 (50.00 box in 1000–25000)');
  });

  describe('percentage grid anchored at 1.0', () => {
    const p = boxScale({ percent: 3.25 });
    it('has level (1+p)^k', () => {
      expect(p.level(0)).toBe(1);
      expect(p.level(1)).toBe(1.0325);
      expect(p.level(2)).toBe(1.06605625);
      expect(p.level(-1)).toBeCloseTo(1 / 1.0325, 12);
    });
    it('takes k from floor/ceil of ln(v)/ln(1+p) with a 1e-9 tolerance', () => {
      expect(p.floorIndex(1.0325)).toBe(1);
      expect(p.floorIndex(1.0325 * (1 - 1e-12))).toBe(1);
      expect(p.floorIndex(1.06)).toBe(1);
      expect(p.ceilIndex(1.06)).toBe(2);
      expect(p.floorIndex(1 / 1.0325)).toBe(-1);
    });
    it('is labelled with the percentage', () => {
      expect(p.label(1)).toBe('3.25%');
      expect(p.labelOver(0.5, 2)).toBe('3.25%');
    });
  });

  describe('decimal exactness', () => {
    it('prints fixed-box levels without float drift', () => {
      const f = boxScale({ fixed: 0.1 });
      expect(f.level(3)).toBe(0.3);
      expect(String(f.level(2550))).toBe('255');
      expect(String(f.level(7))).toBe('0.7');
      expect(String(boxScale({ fixed: 0.05 }).level(5101))).toBe('255.05');
      expect(boxScale({ fixed: 5 }).level(51)).toBe(255);
      expect(String(boxScale({ fixed: 1e-7 }).level(3))).toBe('3e-7');
    });

    it('gives chart levels with no more decimals than the box (random walk, 0.1 box)', () => {
      const w = randomWalk(7, 2000, 30, 0.01);
      const chart = pointAndFigure(w, { scale: { fixed: 0.1 } });
      expect(chart.columns.length).toBeGreaterThan(50);
      for (const c of chart.columns) {
        expect(String(c.low)).toMatch(/^\d+(\.\d)?$/);
        expect(String(c.high)).toMatch(/^\d+(\.\d)?$/);
      }
    });

    it('prints a traditional level as the decimal of the table (255 is not 254.99999)', () => {
      const chart = pointAndFigure({ dates: days(3), close: [250, 262, 240] }, { scale: 'traditional' });
      expect(chart.columns.map((c) => [c.low, c.high])).toEqual([[248, 260], [240, 256]]);
      expect(chart.level(chart.columns[1].highIndex)).toBe(256);
    });
  });

  describe('caller mistakes', () => {
    it('rejects an unknown scale with a TypeError naming it', () => {
      expect(() => boxScale('log' as never)).toThrowErrorMatchingInlineSnapshot(`[TypeError: unknown P&F scale: "log" (use 'traditional', 'traditional-pre2022', { fixed: n } or { percent: n })]`);
      expect(() => boxScale({ box: 1 } as never)).toThrow(TypeError);
    });
    it('rejects a non-positive fixed or percent box with a RangeError naming the value', () => {
      expect(() => boxScale({ fixed: -0.5 })).toThrowErrorMatchingInlineSnapshot(`[RangeError: P&F fixed box size must be a positive number, got -0.5]`);
      expect(() => boxScale({ fixed: 0 })).toThrow(RangeError);
      expect(() => boxScale({ percent: Number.NaN })).toThrowErrorMatchingInlineSnapshot(`[RangeError: P&F percent box size must be a positive number (in percent), got NaN]`);
    });
  });
});
