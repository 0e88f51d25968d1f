import { describe, expect, it } from 'vitest';
import { scoreLinesSpec, type ScoreData } from '../../src/charts/score-lines.js';
import { COLORS } from '../../src/charts/theme.js';
import { allDataInlined, layers, markTypes, texts } from './spec-helpers.js';

const data: ScoreData = {
  small: { key: 'IWM', name: 'Small-cap fund' },
  large: { key: 'IVV', name: 'Large-cap fund' },
  dates: ['2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07'],
  smallValues: [1, null, 3, 4.5],
  largeValues: [3, 3, 2, 4],
};

describe('scoreLinesSpec', () => {
  const spec = scoreLinesSpec(data);
  const L = layers(spec);

  it('layers the gap (two areas), the lines and the end labels, with every row inlined', () => {
    expect(markTypes(spec)).toEqual(['area', 'area', 'line', 'text']);
    expect(allDataInlined(spec)).toBe(true);
  });

  it('draws one line per fund in the fixed small-cap and large-cap colours, skipping missing values', () => {
    const line = L[2];
    expect(line.encoding!.color.scale).toEqual({ domain: ['largeCap', 'smallCap'], range: [COLORS.largeCap, COLORS.smallCap] });
    const rows = line.data!.values!;
    expect(rows.filter((r) => r.role === 'smallCap').map((r) => r.value)).toEqual([1, 3, 4.5]);
    expect(rows.filter((r) => r.role === 'largeCap').map((r) => r.value)).toEqual([3, 3, 2, 4]);
  });

  it('shades the gap from the lower line to the higher one, in the colour of the fund ahead', () => {
    const [smallAhead, largeAhead] = L;
    expect(smallAhead.mark.color).toBe(COLORS.smallCap);
    expect(largeAhead.mark.color).toBe(COLORS.largeCap);
    // only days with both scores; `top` is the higher of the two
    expect(smallAhead.data!.values).toEqual([
      { date: '2025-01-02', small: 1, large: 3, top: 3 },
      { date: '2025-01-06', small: 3, large: 2, top: 3 },
      { date: '2025-01-07', small: 4.5, large: 4, top: 4.5 },
    ]);
    // small ahead: filled from the large line up to the top; large ahead: from the small line up to the top
    expect([smallAhead.encoding!.y.field, smallAhead.encoding!.y2.field]).toEqual(['large', 'top']);
    expect([largeAhead.encoding!.y.field, largeAhead.encoding!.y2.field]).toEqual(['small', 'top']);
  });

  it('labels each line end with the ticker and its latest score', () => {
    expect(texts(spec)).toEqual(['IWM 4.5', 'IVV 4.0']);
  });

  it('starts the score axis at zero', () => {
    expect(L[2].encoding!.y.scale.domain[0]).toBe(0);
  });
});
