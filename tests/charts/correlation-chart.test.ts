import { describe, expect, it } from 'vitest';
import { correlationChartSpec, type CorrelationData } from '../../src/charts/correlation-chart.js';
import { COLORS } from '../../src/charts/theme.js';
import { allDataInlined, layers, markTypes, texts } from './spec-helpers.js';

const data: CorrelationData = {
  window: 126,
  lines: [
    { key: 'SPX', name: 'S&P 500', role: 'largeCap', series: { dates: ['2025-01-02', '2025-01-03', '2025-01-06'], values: [null, -0.1, -0.254] } },
    { key: 'RUT', name: 'Russell 2000', role: 'smallCap', series: { dates: ['2025-01-02', '2025-01-03', '2025-01-06'], values: [null, -0.3, -0.41] } },
  ],
};

describe('correlationChartSpec', () => {
  const spec = correlationChartSpec(data);
  const L = layers(spec);

  it('layers a zero line, the lines and the end labels, with every row inlined', () => {
    expect(markTypes(spec)).toEqual(['rule', 'line', 'text']);
    expect(L[0].data!.values).toEqual([{ value: 0 }]);
    expect(allDataInlined(spec)).toBe(true);
  });

  it('colours large caps and small caps with their theme colours', () => {
    expect(L[1].encoding!.color.scale).toEqual({ domain: ['largeCap', 'smallCap'], range: [COLORS.largeCap, COLORS.smallCap] });
    expect(L[2].encoding!.color.scale.range).toEqual([COLORS.largeCap, COLORS.smallCap]);
  });

  it('drops the days before a full window', () => {
    expect(L[1].data!.values!.map((r) => r.value)).toEqual([-0.1, -0.254, -0.3, -0.41]);
  });

  it('labels each line end with the ticker and the latest correlation, with a true minus sign', () => {
    expect(texts(spec)).toEqual(['SPX −0.25', 'RUT −0.41']);
  });

  it('keeps zero inside the y domain', () => {
    const [lo, hi] = L[1].encoding!.y.scale.domain;
    expect(lo).toBeLessThanOrEqual(-0.41);
    expect(hi).toBeGreaterThanOrEqual(0);
  });
});
