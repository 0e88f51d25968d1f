import { describe, expect, it } from 'vitest';
import { labelledIndexes, pnfChartSpec, pnfLayout, X_PATH } from '../../src/charts/pnf-chart.js';
import { COLORS, PNF } from '../../src/charts/theme.js';
import { toSvg } from '../../src/charts/to-svg.js';
import type { PnfChartData } from '../../src/facts/types.js';
import { allDataInlined, layers, texts } from './spec-helpers.js';

/**
 * A three-column chart on a fixed 1-point box (levels 90…106 for indexes 0…16):
 *   col 0  X 10–13 (100–103)          4 boxes
 *   col 1  O 10–12 (100–102)          3 boxes, the top box (first of March) carries "3"
 *   col 2  X 11–14 (101–104)          4 boxes, breaks col 0's top 103 → buy at 104 (index 14), whose box is the first of October: "A"
 * Glyphs drawn: X = 4 + 3 = 7 (col 2's top box shows "A"), O = 2 (col 1's top shows "3").
 */
const tiny: PnfChartData = {
  key: 'IWM',
  name: 'Small-cap fund',
  boxLabel: 'fixed 1',
  minIndex: 0,
  levels: Array.from({ length: 17 }, (_, i) => 90 + i),
  columns: [
    { type: 'X', lowIndex: 10, highIndex: 13, start: '2025-02-03', end: '2025-02-20', monthMarks: [null, null, null, null] },
    { type: 'O', lowIndex: 10, highIndex: 12, start: '2025-03-03', end: '2025-09-10', monthMarks: [null, null, '3'] },
    { type: 'X', lowIndex: 11, highIndex: 14, start: '2025-09-15', end: '2025-10-02', monthMarks: [null, null, null, 'A'] },
  ],
  lastSignal: { type: 'buy', index: 14, level: 104, date: '2025-10-02', column: 2 },
  trendLine: { type: 'BSL', points: [{ column: 0, index: 9 }, { column: 2, index: 11 }] },
};

describe('pnfLayout', () => {
  it('uses at least the minimum number of column slots and square boxes no larger than the maximum', () => {
    const L = pnfLayout(tiny);
    expect(L.slots).toBe(PNF.minSlots);
    expect(L.box).toBe(PNF.maxBox);
    // one empty box of margin below the lowest and above the highest box
    expect([L.yLo, L.yHi]).toEqual([9, 15]);
    expect(L.width).toBe(PNF.minSlots * PNF.maxBox);
    expect(L.height).toBe(7 * PNF.maxBox);
  });

  it('keeps only the last columns when there are more than fit, and shrinks boxes to fit the width', () => {
    const many: PnfChartData = {
      ...tiny,
      columns: Array.from({ length: 80 }, (_, i) => ({ type: i % 2 ? 'O' : 'X', lowIndex: 10, highIndex: 12, start: '2025-01-02', end: '2025-01-02', monthMarks: [null, null, null] })),
    };
    const L = pnfLayout(many, 672);
    expect(L.drawn).toBe(PNF.maxSlots - PNF.spare);
    expect(L.offset).toBe(80 - L.drawn);
    expect(L.slots).toBe(PNF.maxSlots);
    expect(L.box).toBeLessThan(PNF.maxBox);
    expect(L.width).toBeLessThanOrEqual(672 - PNF.axisSpace);
  });

  it('shrinks boxes when the price range is too tall, keeping them square', () => {
    const tall: PnfChartData = { ...tiny, columns: [{ ...tiny.columns[0], lowIndex: 0, highIndex: 99, monthMarks: new Array(100).fill(null) }] };
    const L = pnfLayout(tall);
    expect(L.height).toBeLessThanOrEqual(Math.max(PNF.maxHeight, 102 * PNF.minBox));
    expect(L.width / L.slots).toBeCloseTo(L.height / 102, 5);
  });
});

describe('labelledIndexes', () => {
  it('labels every box when boxes are tall enough, every few boxes otherwise', () => {
    expect(labelledIndexes(9, 15, 14)).toEqual([9, 10, 11, 12, 13, 14, 15]);
    expect(labelledIndexes(9, 15, 12)).toEqual([10, 12, 14]);
    expect(labelledIndexes(0, 20, 5)).toEqual([0, 3, 6, 9, 12, 15, 18]);
  });
});

describe('pnfChartSpec', () => {
  const spec = pnfChartSpec(tiny);
  const L = layers(spec);
  const glyphLayer = L.find((l) => l.mark.type === 'point')!;
  const monthLayer = L.find((l) => l.mark.type === 'text' && l.encoding?.text?.field === 'mark')!;

  it('inlines every row of data', () => {
    expect(allDataInlined(spec)).toBe(true);
  });

  it('draws one glyph per box except the boxes that carry a month digit', () => {
    const rows = glyphLayer.data!.values!;
    expect(rows.filter((r) => r.type === 'X')).toHaveLength(7);
    expect(rows.filter((r) => r.type === 'O')).toHaveLength(2);
    expect(rows).not.toContainEqual({ x: 1, y: 12, type: 'O' });
    expect(monthLayer.data!.values).toEqual([
      { x: 1, y: 12, type: 'O', mark: '3' },
      { x: 2, y: 14, type: 'X', mark: 'A' },
    ]);
  });

  it('colours X in the up colour and O in the down colour, X as two diagonals and O as a ring', () => {
    expect(glyphLayer.encoding!.color.scale).toEqual({ domain: ['X', 'O'], range: [COLORS.up, COLORS.down] });
    expect(glyphLayer.encoding!.shape.scale).toEqual({ domain: ['X', 'O'], range: [X_PATH, 'circle'] });
    expect(glyphLayer.mark.filled).toBe(false);
    expect(monthLayer.encoding!.color.scale.range).toEqual([COLORS.up, COLORS.down]);
  });

  it('sizes glyphs from the box', () => {
    const side = PNF.maxBox * PNF.glyph;
    expect(glyphLayer.mark.size).toBeCloseTo(side * side, 0);
  });

  it('draws a faint grid line on every box edge', () => {
    const grid = L.filter((l) => l.mark.type === 'rule' && l.mark.color === COLORS.boxGrid);
    expect(grid).toHaveLength(2);
    expect(grid[0].data!.values).toHaveLength(PNF.minSlots + 1);
    expect(grid[1].data!.values!.map((r) => r.y)).toEqual([8.5, 9.5, 10.5, 11.5, 12.5, 13.5, 14.5, 15.5]);
  });

  it('marks the breakout level with a short rule in the signal colour and its value', () => {
    const rule = L.find((l) => l.mark.type === 'rule' && l.encoding?.x2)!;
    expect(rule.mark.color).toBe(COLORS.up);
    // over the two columns before the signal column (clipped at the chart's left edge), on the breakout row
    expect(rule.data!.values).toEqual([{ x: -0.5, x2: 1.5, y: 14 }]);
    expect(texts(spec)).toContain('Buy signal 104');
  });

  it('prints the breakout level as the text does, even where the axis shows whole numbers (a 0.5-box yield chart printed "Sell signal 26" for 25.5)', () => {
    const half: PnfChartData = {
      ...tiny,
      boxLabel: 'fixed 0.5',
      levels: Array.from({ length: 17 }, (_, i) => 20 + i * 0.5),
      lastSignal: { type: 'sell', index: 11, level: 25.5, date: '2025-10-02', column: 1 },
    };
    const t = texts(pnfChartSpec(half));
    expect(t).toContain('Sell signal 25.5');
    expect(t.filter((x) => /^\d+$/.test(x)).length).toBeGreaterThan(0); // whole-number axis labels
  });

  it('draws the trend line through the box centres it is given', () => {
    const line = L.find((l) => l.mark.type === 'line')!;
    expect(line.data!.values).toEqual([{ x: 0, y: 9 }, { x: 2, y: 11 }]);
    expect(line.mark.color).toBe(COLORS.up);
  });

  it('labels the price axis with box levels on both sides and the year under its first column', () => {
    const labels = texts(spec);
    expect(labels.filter((t) => t === '100')).toHaveLength(2);
    expect(labels.filter((t) => t === '104')).toHaveLength(2);
    expect(labels).toContain('2025');
  });

  it('leaves out the signal rule when the facts have no signal', () => {
    const none = layers(pnfChartSpec({ ...tiny, lastSignal: null, trendLine: null }));
    expect(none.some((l) => l.mark.type === 'rule' && l.encoding?.x2)).toBe(false);
    expect(none.some((l) => l.mark.type === 'line')).toBe(false);
  });
});

describe('pnfChartSpec rendered with toSvg', () => {
  it('gives an <svg> with 7 X paths, 2 O rings and the two month digits', async () => {
    const svg = await toSvg(pnfChartSpec(tiny));
    expect(svg.startsWith('<svg')).toBe(true);
    const symbols = [...svg.matchAll(/<path[^>]*\bd="([^"]*)"[^>]*stroke="(#[0-9A-Fa-f]{6})"/g)];
    const xs = symbols.filter(([, d, stroke]) => stroke === COLORS.up && /^M-?[\d.]+,-?[\d.]+L/.test(d) && (d.match(/M/g) ?? []).length === 2);
    const os = symbols.filter(([, d, stroke]) => stroke === COLORS.down && d.includes('A'));
    expect(xs).toHaveLength(7);
    expect(os).toHaveLength(2);
    const digits = [...svg.matchAll(/<text[^>]*font-weight="700"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(digits.sort()).toEqual(['3', 'A']);
  });
});
