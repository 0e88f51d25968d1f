import { describe, expect, it } from 'vitest';
import { ratesChartSpec, type RatesData } from '../../src/charts/rates-chart.js';
import { COLORS } from '../../src/charts/theme.js';
import { allDataInlined, layers, texts } from './spec-helpers.js';
import { toSvg } from '../../src/charts/to-svg.js';

/** The weekdays from `from` to `to`, the index moving in a straight line from `a` to `b` (the panel draws from ten closes). */
function weekdays(from: string, to: string, a: number, b: number): { dates: string[]; values: number[] } {
  const dates: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) if (![0, 6].includes(new Date(t).getUTCDay())) dates.push(new Date(t).toISOString().slice(0, 10));
  return { dates, values: dates.map((_, i) => a + ((b - a) * i) / (dates.length - 1)) };
}

const data: RatesData = {
  yieldKey: 'TNX',
  yieldName: '10-year yield',
  yield: { dates: ['2025-01-02', '2025-01-14', '2025-02-03', '2025-03-03'], values: [4.5, 4.8, 4.6, 4.35] },
  peak: { date: '2025-01-14', level: 4.8 },
  small: { key: 'RUT', name: 'Russell 2000', series: weekdays('2025-01-14', '2025-03-03', 100, 104.25) },
};

describe('ratesChartSpec', () => {
  const spec = ratesChartSpec(data) as unknown as { vconcat: { layer: any[] }[] };
  const [top, bottom] = spec.vconcat.map((v) => v.layer);

  it('stacks two panels on one shared date scale, with every row inlined', () => {
    expect(spec.vconcat).toHaveLength(2);
    expect((spec as any).resolve).toEqual({ scale: { x: 'shared' } });
    expect(allDataInlined(spec as any)).toBe(true);
  });

  it('draws the yield in the rates colour and the small-cap index in the small-cap colour', () => {
    expect(top.find((l) => l.mark.type === 'line').mark.color).toBe(COLORS.rates);
    expect(bottom.find((l) => l.mark.type === 'line').mark.color).toBe(COLORS.smallCap);
  });

  it('marks the peak with a point and a label giving its level and date', () => {
    const point = top.find((l) => l.mark.type === 'point');
    expect(point.data.values[0]).toMatchObject({ date: '2025-01-14', value: 4.8 });
    expect(texts(spec as any)).toContain('Peak 4.80%, 14 Jan 2025');
  });

  it('says a move of a day or a week since the peak in words rather than as a tick at the edge (2023-10-20: one day, drawn as a vertical stroke; 2023-08-25: four)', () => {
    const dayAfter: RatesData = { ...data, yield: { dates: ['2025-01-02', '2025-03-03', '2025-03-04'], values: [4.5, 4.9, 4.85] }, peak: { date: '2025-03-03', level: 4.9 }, small: { ...data.small, series: { dates: ['2025-03-03', '2025-03-04'], values: [100, 98.7] } } };
    const s = ratesChartSpec(dayAfter, { smallSince: -1.3 }) as any;
    expect(texts(s)).toContain("One trading day since the yield's peak, too short a line for this scale: RUT −1.3%");
    expect(s.vconcat[1].layer.some((l: any) => l.mark.type === 'line')).toBe(false);
    // the peak is inside the yield's scale
    const [lo, hi] = s.vconcat[0].layer.find((l: any) => l.mark.type === 'line').encoding.y.scale.domain;
    expect(lo <= 4.9 && 4.9 <= hi).toBe(true);
  });

  it('says there is no move since the yield\'s high yet when the high is the latest close, instead of an empty panel', () => {
    const atHigh: RatesData = { ...data, yield: { dates: ['2025-01-02', '2025-03-03'], values: [4.5, 4.9] }, peak: { date: '2025-03-03', level: 4.9 }, small: { ...data.small, series: { dates: ['2025-03-03'], values: [100] } } };
    const s = ratesChartSpec(atHigh, { peakIsOnlyHigh: true }) as any;
    expect(texts(s)).toContain("No move since the yield's high yet: it is the latest close");
    expect(texts(s).some((t: string) => t.startsWith('RUT '))).toBe(false);
    // a high earlier in the window draws the line and its end label as before
    expect(texts(spec as any)).not.toContain("No move since the yield's high yet: it is the latest close");
    expect(texts(spec as any).some((t: string) => t.startsWith('RUT '))).toBe(true);
  });

  it('draws the peak date as a rule in both panels and a 100 line under the rebased index', () => {
    const peakRules = layers(spec as any).filter((l) => l.mark.type === 'rule' && l.data?.values?.[0]?.date === '2025-01-14');
    expect(peakRules).toHaveLength(2);
    expect(bottom.some((l) => l.mark.type === 'rule' && l.data.values[0].value === 100)).toBe(true);
  });

  it('ends each line with its latest value', () => {
    expect(texts(spec as any)).toEqual(expect.arrayContaining(['4.35%', 'RUT +4.3%']));
  });

  it("ends the small-cap line with the facts' change since the peak, rounded once", () => {
    // the chart point 104.25 less 100 would print +4.3%; the facts' 4.2499 prints +4.2%, as the text does
    expect(texts(ratesChartSpec(data, { smallSince: 4.2499 }))).toContain('RUT +4.2%');
    // a yield of 2.3350000381 is 2.34% in the text and in the peak label: the end label prints the same figure
    const atPeak = { ...data, yield: { dates: ['2025-01-02', '2025-03-03'], values: [4.5, 2.335] }, peak: { date: '2025-03-03', level: 2.3350000381 } };
    expect(texts(ratesChartSpec(atPeak, { yieldNow: 2.3350000381 }))).toEqual(expect.arrayContaining(['Peak 2.34%, 3 Mar 2025', '2.34%']));
  });

  it('labels a peak near the right end on its left, clear of the end label, and an early one on its right', () => {
    const alignOf = (d: RatesData) => layers(ratesChartSpec(d)).find((l) => l.mark.type === 'text' && String(l.data?.values?.[0]?.label ?? '').startsWith('Peak'))!.mark.align;
    expect(alignOf(data)).toBe('left'); // 14 Jan on a 2 Jan – 3 Mar axis
    expect(alignOf({ ...data, peak: { date: '2025-03-03', level: 4.35 } })).toBe('right');
  });

  it('calls a peak at the start of the window its high, not a peak', () => {
    const t = texts(ratesChartSpec(data, { peakIsOnlyHigh: true }));
    expect(t).toContain('High 4.80%, 14 Jan 2025');
    expect(t).toContain("Russell 2000, rebased to 100 on the yield's high");
    expect(t.some((x) => /peak/i.test(x))).toBe(false);
  });

  it('draws no peak marks when there is no peak', () => {
    const none = ratesChartSpec({ ...data, peak: null });
    expect(layers(none).some((l) => l.mark.type === 'point')).toBe(false);
    expect(texts(none).some((t) => t.startsWith('Peak'))).toBe(false);
  });

  it('labels the rebased panel with whole numbers once each (2016-12-30: a 99–102 axis read 102, 101, 101, 100, 100, 99)', async () => {
    const narrow: RatesData = { ...data, small: { ...data.small, series: weekdays('2025-01-14', '2025-03-03', 100, 101.7) } };
    const svg = await toSvg(ratesChartSpec(narrow) as never);
    const labels = [...svg.matchAll(/<text[^>]*>(\d{2,3})<\/text>/g)].map((m) => Number(m[1])).filter((v) => v >= 90 && v <= 110);
    expect(labels.length).toBeGreaterThan(1);
    expect(new Set(labels).size).toBe(labels.length);
  });
});
