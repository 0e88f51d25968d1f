import { describe, expect, it } from 'vitest';
import { COLORS, WIDTH } from '../../src/charts/theme.js';
import { ytdLinesSpec } from '../../src/charts/ytd-lines.js';
import { allDataInlined, layers, markTypes, texts } from './spec-helpers.js';

const lines = [
  { key: 'SPX', name: 'S&P 500', role: 'largeCap' as const, ytd: 1.2, points: [{ date: '2024-12-31', value: 100 }, { date: '2025-01-03', value: 101.2 }] },
  { key: 'RUT', name: 'Russell 2000', role: 'smallCap' as const, ytd: -1.96, points: [{ date: '2024-12-31', value: 100 }, { date: '2025-01-03', value: 98.04 }] },
];

describe('ytdLinesSpec', () => {
  const spec = ytdLinesSpec(lines);
  it('layers the 100 line, the lines and the end labels, fitted to the text width', () => {
    expect(markTypes(spec)).toEqual(['rule', 'line', 'text']);
    expect((spec as { width: number }).width).toBe(WIDTH);
    expect(allDataInlined(spec)).toBe(true);
  });
  it('colours the indexes by role with the theme colours', () => {
    expect(layers(spec)[1].encoding!.color.scale.range).toEqual([COLORS.largeCap, COLORS.smallCap]);
  });
  it('labels each line end with the ticker and the YTD change', () => {
    expect(texts(spec)).toEqual(['SPX +1.2%', 'RUT −2.0%']);
  });
  it("prints the facts' YTD change rounded once, not the chart's rounded last point less 100", () => {
    // 6.7497% in the facts prints 6.7% in the text; a chart point stored as 106.75 would label it +6.8%
    const twice = [{ ...lines[0], ytd: 6.7497, points: [{ date: '2024-12-31', value: 100 }, { date: '2025-01-03', value: 106.75 }] }];
    expect(texts(ytdLinesSpec(twice))).toEqual(['SPX +6.7%']);
    expect(texts(ytdLinesSpec([{ ...lines[0], ytd: null }]))).toEqual(['SPX']);
  });
});
