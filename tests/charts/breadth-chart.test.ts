import { describe, expect, it } from 'vitest';
import { breadthChartSpec, type BreadthData } from '../../src/charts/breadth-chart.js';
import { COLORS } from '../../src/charts/theme.js';
import { allDataInlined, layers, texts } from './spec-helpers.js';

const data: BreadthData = {
  universe: 'SP600',
  name: 'S&P 600',
  series: { dates: ['2025-01-02', '2025-01-03', '2025-01-06'], values: [28.5, null, 48.2] },
  status: 'Bull Alert',
  lower: 30,
  upper: 70,
};

describe('breadthChartSpec', () => {
  const spec = breadthChartSpec(data);
  const L = layers(spec);

  it('inlines every row of data', () => {
    expect(allDataInlined(spec)).toBe(true);
  });

  it('shades the zones below the lower and above the upper bound in the zone grey', () => {
    const zones = L.find((l) => l.mark.type === 'rect')!;
    expect(zones.mark.color).toBe(COLORS.zone);
    expect(zones.data!.values).toEqual([{ lo: 0, hi: 30 }, { lo: 70, hi: 100 }]);
  });

  it('draws a dashed 50% reference line in the reference grey', () => {
    const rule = L.find((l) => l.mark.type === 'rule')!;
    expect(rule.data!.values).toEqual([{ v: 50 }]);
    expect(rule.mark.color).toBe(COLORS.reference);
    expect(rule.mark.strokeDash).toBeDefined();
  });

  it('draws the bullish percent in the small-cap colour on a fixed 0–100 scale, skipping gaps', () => {
    const line = L.find((l) => l.mark.type === 'line')!;
    expect(line.mark.color).toBe(COLORS.smallCap);
    expect(line.data!.values).toEqual([{ date: '2025-01-02', value: 28.5 }, { date: '2025-01-06', value: 48.2 }]);
    expect(line.encoding!.y.scale.domain).toEqual([0, 100]);
  });

  it('labels the latest value and the status', () => {
    expect(texts(spec)).toEqual(expect.arrayContaining(['48.2%', 'Status: Bull Alert']));
  });

  it('labels the latest value at the decimals the text prints (49.5 reads below the 50% line; "50%" would not)', () => {
    const near = { ...data, series: { dates: ['2025-01-02', '2025-01-06'], values: [28.5, 49.5] } };
    expect(texts(breadthChartSpec(near, 1))).toContain('49.5%');
    expect(texts(breadthChartSpec(near, 0))).toContain('50%');
    // the facts' reading, not the chart's stored copy rounded again (2020-06-12: 74.053 kept as 74.05 printed 74.0%, the text 74.1%)
    const stored = { ...data, series: { dates: data.series.dates, values: [...data.series.values.slice(0, -1), 74.05] } };
    expect(texts(breadthChartSpec(stored, 1))).toContain('74.0%');
    expect(texts(breadthChartSpec(stored, 1, 74.1))).toContain('74.1%');
  });

  it('has no status label when there is no status yet', () => {
    expect(texts(breadthChartSpec({ ...data, status: null })).some((t) => t.startsWith('Status'))).toBe(false);
  });
});
