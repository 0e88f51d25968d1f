import { describe, expect, it } from 'vitest';
import { buildCharts, chartPlans } from '../../src/charts/build-charts.js';
import type { ChartData, Facts } from '../../src/facts/types.js';

/** Only what the charts read: as-of, series names and last dates, roles, the YTD lead and the chart data. */
function facts(charts: ChartData): Facts {
  const info = (key: string, name: string, lastDate = '2025-03-07') => ({ key, name, file: `${key}.csv`, firstDate: '2024-01-02', lastDate });
  return {
    asOf: '2025-03-07',
    data: {
      source: 'test',
      caveats: [],
      series: { SPX: info('SPX', 'S&P 500'), RUT: info('RUT', 'Russell 2000', '2025-03-06'), TNX: info('TNX', '10-year yield'), IWM: info('IWM', 'Small-cap fund', '2025-03-10') },
    },
    roles: { largeCap: 'SPX', smallCap: 'RUT', yield: 'TNX', smallFund: 'IWM', largeFund: 'IVV', marketBenchmark: 'RSP' },
    lead: { small: { key: 'RUT', name: 'Russell 2000', ytd: { value: 9.84 } }, large: { key: 'SPX', name: 'S&P 500', ytd: { value: -1.2 } } },
    thresholds: { breadthDecimals: 1 },
    charts,
  } as unknown as Facts;
}

const ytd: ChartData['ytd'] = [
  { key: 'SPX', name: 'S&P 500', role: 'largeCap', series: { dates: ['2024-12-31', '2025-03-06', '2025-03-07'], values: [100, 99.5, 98.8] } },
  { key: 'RUT', name: 'Russell 2000', role: 'smallCap', series: { dates: ['2024-12-31', '2025-03-06'], values: [100, 109.84] } },
];

const full: ChartData = {
  ytd,
  pnf: {
    key: 'IWM', name: 'Small-cap fund', boxLabel: 'fixed 1', minIndex: 0, levels: [98, 99, 100, 101, 102, 103],
    columns: [
      { type: 'X', lowIndex: 1, highIndex: 3, start: '2025-01-06', end: '2025-01-20', monthMarks: [null, null, null] },
      { type: 'O', lowIndex: 1, highIndex: 2, start: '2025-01-22', end: '2025-02-03', monthMarks: [null, '2'] },
      { type: 'X', lowIndex: 2, highIndex: 4, start: '2025-02-10', end: '2025-03-05', monthMarks: [null, null, '3'] },
    ],
    lastSignal: { type: 'buy', index: 4, level: 102, date: '2025-03-05', column: 2 },
    trendLine: null,
  },
  score: { small: { key: 'IWM', name: 'Small-cap fund' }, large: { key: 'IVV', name: 'Large-cap fund' }, dates: ['2025-03-06', '2025-03-07'], smallValues: [2.5, 3], largeValues: [4, 4.5] },
  breadth: { universe: 'SP600', name: 'S&P 600', series: { dates: ['2025-03-06', '2025-03-07'], values: [44, 47.9] }, status: 'Bull Alert', lower: 30, upper: 70 },
  rates: {
    yieldKey: 'TNX', yieldName: '10-year yield',
    yield: { dates: ['2025-01-14', '2025-03-07'], values: [4.8, 4.3] },
    peak: { date: '2025-01-14', level: 4.8 },
    small: { key: 'RUT', name: 'Russell 2000', series: { dates: ['2025-01-14', '2025-03-07'], values: [100, 96.5] } },
  },
  correlation: {
    window: 126,
    lines: [
      { key: 'SPX', name: 'S&P 500', role: 'largeCap', series: { dates: ['2025-03-07'], values: [-0.12] } },
      { key: 'RUT', name: 'Russell 2000', role: 'smallCap', series: { dates: ['2025-03-07'], values: [-0.31] } },
    ],
  },
  seasonal: { rows: [{ year: 2022, nextYear: 15, h2Diff: 1, beat: true }, { year: 2023, nextYear: 10, h2Diff: -1, beat: false }], meanAfterBeat: 15, meanAfterLag: 10 },
};

describe('chartPlans', () => {
  it('plans only the charts whose data the facts carry', () => {
    expect(chartPlans(facts({ ytd })).map((p) => p.id)).toEqual(['ytd']);
    expect(chartPlans(facts({ ytd, rates: full.rates })).map((p) => p.id)).toEqual(['ytd', 'rates']);
    expect(chartPlans(facts(full)).map((p) => p.id)).toEqual(['ytd', 'pnf', 'score', 'breadth', 'rates', 'correlation', 'seasonal']);
  });

  it("dates each source line by the chart data's last date, never after the as-of date", () => {
    const src = Object.fromEntries(chartPlans(facts(full)).map((p) => [p.id, p.source]));
    expect(src.ytd).toBe('Source: S&P 500, Russell 2000 daily closes; data through 7 Mar 2025.');
    // the P&F chart reads its series up to the as-of date, even when the last box printed earlier
    expect(src.pnf).toBe('Source: Small-cap fund (IWM) daily prices; P&F box fixed 1; data through 7 Mar 2025.');
    // the seasonal chart has no dates of its own: the earliest last date of the two indexes
    expect(src.seasonal).toMatch(/data through 6 Mar 2025\.$/);
    for (const s of Object.values(src)) expect(s).toMatch(/^Source: .+; data through \d{1,2} [A-Z][a-z]{2} \d{4}\.$/);
  });

  it('names a series by its ticker alone when the data gives no other name', () => {
    const bare = facts({ ytd, pnf: { ...full.pnf!, name: 'IWM' } });
    expect(chartPlans(bare)[1].source).toMatch(/^Source: IWM daily prices;/);
  });

  it('writes alt text with the key numbers', () => {
    const alt = Object.fromEntries(chartPlans(facts(full)).map((p) => [p.id, p.alt]));
    expect(alt.ytd).toContain('Russell 2000 +9.8%');
    expect(alt.ytd).toContain('S&P 500 −1.2%');
    expect(alt.pnf).toContain('buy signal at 102 on 5 Mar 2025');
    expect(alt.pnf).toContain('Xs rising to 102');
    expect(alt.score).toContain('IWM 3.0 and IVV 4.5, IVV ahead by 1.5');
    expect(alt.breadth).toContain('47.9% of members');
    expect(alt.breadth).toContain('Bull Alert');
    expect(alt.rates).toContain('peaked at 4.80% on 14 Jan 2025');
    expect(alt.rates).toContain('−50 bp from the peak');
    expect(alt.rates).toContain("−3.5% since the yield's peak");
    expect(alt.correlation).toContain('S&P 500 −0.12, Russell 2000 −0.31');
    expect(alt.seasonal).toContain('mean +15.0% after the 1 year when small caps beat');
    expect(alt.pnf).toContain('box size fixed 1, 3 columns');
  });
});

describe('buildCharts', () => {
  it('renders every planned chart to an SVG', async () => {
    const figures = await buildCharts(facts(full));
    expect(Object.keys(figures)).toEqual(['ytd', 'pnf', 'score', 'breadth', 'rates', 'correlation', 'seasonal']);
    for (const f of Object.values(figures)) {
      expect(f.svg.startsWith('<svg')).toBe(true);
      expect(f.svg).toContain('font-family="Source Sans 3"');
    }
  });
});
