import { describe, expect, it } from 'vitest';
import { pointAndFigure } from '../../../src/metrics/pnf/index.js';
import { pnfChartData } from '../../../src/facts/sections/pnf.js';
import { days } from '../../metrics/pnf/helpers.js';

describe('pnfChartData box label', () => {
  it('names both box sizes when the drawn grid crosses a traditional band edge', () => {
    // closes from 160 up through 200 to 256: 2-point boxes below 200, 4-point boxes above
    const close = [160, 170, 180, 190, 200, 210, 220, 230, 240, 256];
    const chart = pointAndFigure({ dates: days(close.length, '2025-01-02'), close }, { scale: 'traditional', method: 'close' });
    expect(chart.boxLabel).toBe('traditional (4.00 box in 200–500)'); // the latest price's band, as the text says
    expect(pnfChartData('IWM', 'Small-cap fund', chart)!.boxLabel).toBe('traditional (2.00 box in 100–200, 4.00 in 200–500)');
  });

  it('keeps one box size for a grid inside one band', () => {
    const close = [30, 32, 34, 36, 38, 40];
    const chart = pointAndFigure({ dates: days(close.length, '2025-01-02'), close }, { scale: 'traditional', method: 'close' });
    expect(pnfChartData('TNX', 'Yield', chart)!.boxLabel).toBe('traditional (1.00 box in 20–100)');
  });

  it('names only the box sizes of the boxes drawn, not of the empty row the grid adds below them (ACIW 2025-04-11: "0.50 box in 5–20" for boxes from 20 up, the text saying "1.00 box in 20–100")', () => {
    const close = [20, 24, 28, 32, 36, 40];
    const chart = pointAndFigure({ dates: days(close.length, '2025-01-02'), close }, { scale: 'traditional', method: 'close' });
    const data = pnfChartData('ACIW', 'A stock', chart)!;
    expect(data.levels[0]).toBeLessThan(20); // the grid's margin row sits in the 0.50 band
    expect(Math.min(...data.columns.map((c) => c.lowIndex))).toBeGreaterThan(data.minIndex);
    expect(data.boxLabel).toBe('traditional (1.00 box in 20–100)');
  });
});
