import { describe, expect, it } from 'vitest';
import { SEASONAL_CLASSES, seasonalBarsSpec, VALUE_LABELS_UP_TO, type SeasonalData } from '../../src/charts/seasonal-bars.js';
import { COLORS } from '../../src/charts/theme.js';
import { allDataInlined, layers, texts } from './spec-helpers.js';

const data: SeasonalData = {
  rows: [
    { year: 2021, nextYear: -21.6, h2Diff: -3.1, beat: false },
    { year: 2019, nextYear: 18.4, h2Diff: 2.2, beat: true },
    { year: 2020, nextYear: 13.7, h2Diff: 12.5, beat: true },
  ],
  meanAfterBeat: 16.05,
  meanAfterLag: -21.6,
};

describe('seasonalBarsSpec', () => {
  const spec = seasonalBarsSpec(data);
  const L = layers(spec);
  const bars = L.find((l) => l.mark.type === 'bar')!;

  it('inlines every row of data', () => {
    expect(allDataInlined(spec)).toBe(true);
  });

  it('draws one bar per sample year, sorted by time, at the next-year return', () => {
    expect(bars.data!.values!.map((r) => [r.year, r.nextYear])).toEqual([[2019, 18.4], [2020, 13.7], [2021, -21.6]]);
    expect(bars.encoding!.y.field).toBe('nextYear');
  });

  it('colours bars by who won the second half: small-cap colour after a beat, large-cap colour after a lag', () => {
    expect(bars.encoding!.color.scale).toEqual({ domain: [SEASONAL_CLASSES.beat, SEASONAL_CLASSES.lag], range: [COLORS.smallCap, COLORS.largeCap] });
    expect(bars.data!.values!.map((r) => r.cls)).toEqual([SEASONAL_CLASSES.beat, SEASONAL_CLASSES.beat, SEASONAL_CLASSES.lag]);
  });

  it('draws each class mean as a rule in the class colour, labelled with its value', () => {
    const means = L.find((l) => l.mark.type === 'rule' && l.encoding?.color)!;
    expect(means.data!.values!.map((r) => [r.cls, r.value])).toEqual([[SEASONAL_CLASSES.beat, 16.05], [SEASONAL_CLASSES.lag, -21.6]]);
    expect(texts(spec)).toEqual(expect.arrayContaining(['mean +16.1%', 'mean −21.6%']));
  });

  it('labels bar values when there are few bars, and not when there are many', () => {
    expect(texts(spec)).toEqual(expect.arrayContaining(['+18', '+14', '−22']));
    const many: SeasonalData = { ...data, rows: Array.from({ length: VALUE_LABELS_UP_TO + 1 }, (_, i) => ({ year: 1990 + i, nextYear: i, h2Diff: 1, beat: true })) };
    expect(texts(seasonalBarsSpec(many)).some((t) => t === '+5')).toBe(false);
  });

  it('leaves out a class mean that is missing', () => {
    const one = seasonalBarsSpec({ ...data, meanAfterLag: null });
    expect(texts(one).filter((t) => t.startsWith('mean'))).toEqual(['mean +16.1%']);
  });
});
