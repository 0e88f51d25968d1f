import { describe, expect, it } from 'vitest';
import { COLORS, WIDTH } from '../../src/charts/theme.js';
import { ytdLinesSpec } from '../../src/charts/ytd-lines.js';
import { allDataInlined, layers, markTypes, texts } from './spec-helpers.js';

const lines = [
  { key: 'SPX', name: 'S&P 500', role: 'largeCap' as const, points: [{ date: '2024-12-31', value: 100 }, { date: '2025-01-03', value: 101.2 }] },
  { key: 'RUT', name: 'Russell 2000', role: 'smallCap' as const, points: [{ date: '2024-12-31', value: 100 }, { date: '2025-01-03', value: 98.05 }] },
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
});
