/**
 * Results computed once over all rows and shared by every as-of date (the correlation join and its rolling
 * values, the equal-weighted peer index) must equal what a computation on the rows ≤ asOf alone gives.
 */
import { describe, expect, it } from 'vitest';
import { demoMarket } from '../../src/data/demo-market.js';
import { correlationSummary, rollingCorrelation } from '../../src/metrics/correlation.js';
import { clearMemos } from '../../src/metrics/memo.js';
import { equalWeightIndex, peerIndex } from '../../src/metrics/score.js';
import { relativeStrength } from '../../src/metrics/pnf/index.js';
import { configuredChart, seriesChart } from '../../src/facts/sections/pnf.js';
import { loadNote } from '../../src/note/load-note.js';
import type { Series } from '../../src/data/types.js';

/** The series cut to its rows ≤ asOf, as new arrays (so no memo entry of the whole series is shared). */
const cut = (s: Series, asOf: string): Series => {
  const n = s.dates.filter((d) => d <= asOf).length;
  return { ...s, dates: s.dates.slice(0, n), close: s.close.slice(0, n) };
};

const market = demoMarket();
const DATES = ['2016-03-04', '2020-03-20', '2022-06-17', '2024-12-31', '2025-12-12'];

describe('a result shared across as-of dates equals one computed on the rows ≤ asOf', () => {
  it('correlation: summary and rolling series', () => {
    const { SPX, RUT, TNX } = market.series;
    for (const asOf of DATES) {
      for (const eq of [SPX, RUT]) {
        const shared = [correlationSummary(eq, TNX, asOf), rollingCorrelation(eq, TNX, asOf, 63)];
        clearMemos();
        const fresh = [correlationSummary(cut(eq, asOf), cut(TNX, asOf), asOf), rollingCorrelation(cut(eq, asOf), cut(TNX, asOf), asOf, 63)];
        expect(shared, asOf).toStrictEqual(fresh);
      }
    }
  });

  it('equal-weighted peer index: its rows ≤ asOf are equalWeightIndex(members, asOf)', () => {
    const { IVV, RSP, IJR, MDY } = market.series;
    for (const members of [[IVV], [RSP, IJR], [IVV, RSP, IJR], [MDY, IJR, RSP, IVV]]) {
      for (const asOf of DATES) {
        const all = peerIndex(members, asOf);
        const own = equalWeightIndex(members, asOf);
        const n = own.dates.length;
        expect(all.dates.slice(0, n)).toStrictEqual(own.dates);
        expect(all.dates[n] === undefined || all.dates[n] > asOf).toBe(true);
        expect(all.close.slice(0, n)).toStrictEqual(own.close);
      }
      expect(peerIndex(members, '2020-03-20')).toBe(peerIndex(members, '2025-12-12')); // computed once
    }
  });

  it('equal-weighted peer index of members with gaps, missing and non-positive closes', () => {
    const a = { dates: ['d1', 'd2', 'd3', 'd4', 'd5', 'd6'], close: [10, NaN, 11, 12, 0, 13] };
    const b = { dates: ['d0', 'd1', 'd2', 'd4', 'd5', 'd6', 'd7'], close: [5, 20, 21, 22.5, 23, 22, 24] };
    const c = { dates: ['d1', 'd4', 'd6'], close: [7, 7.7, 8.1] };
    for (const members of [[a], [a, b], [b, a], [a, b, c], [c, b]]) {
      expect(peerIndex(members, 'd9'), JSON.stringify(members.map((m) => m.dates))).toStrictEqual(equalWeightIndex(members, 'd9'));
    }
  });

  it('equal-weighted peer index of members out of date order: computed for the date itself', () => {
    const a = { dates: ['d2', 'd1', 'd3'], close: [2, 1, 3] };
    expect(peerIndex([a, a], 'd3')).toStrictEqual(equalWeightIndex([a, a], 'd3'));
  });

  it('a peer group of one fund with a close on every date is the fund itself: its RS charts are the ones drawn against the fund', () => {
    const { IWM, IVV } = market.series;
    const peer = peerIndex([IVV], '2025-12-12');
    expect(peer.dates).toBe(IVV.dates);
    expect(peer.close).toBe(IVV.close);
    expect(peer).toStrictEqual(equalWeightIndex([IVV], IVV.dates[IVV.dates.length - 1]));
    expect(relativeStrength(IWM, peer, { percent: 6.5, asOf: '2025-12-12' })).toBe(relativeStrength(IWM, IVV, { percent: 6.5, asOf: '2025-12-12' }));
  });

  it("a series' P&F chart is built once per rows and options, and equals a fresh one", () => {
    const { config } = loadNote(undefined);
    const { IWM } = market.series;
    const { chart, dates } = configuredChart(IWM, config, '2024-12-31');
    const rows = IWM.dates.filter((d) => d <= '2024-12-31').length;
    const opts = { scale: config.pnf.IWM?.scale ?? 'traditional', reversal: config.pnf.IWM?.reversal ?? 3, method: config.pnf.IWM?.method ?? 'highlow' } as const;
    expect(seriesChart(IWM, rows, opts).chart).toBe(chart);
    expect(dates).toStrictEqual(IWM.dates.slice(0, rows));
    clearMemos();
    expect(JSON.stringify(seriesChart(cut(IWM, '2024-12-31'), rows, opts).chart)).toBe(JSON.stringify(chart));
    expect(seriesChart(IWM, rows - 1, opts).chart).not.toBe(chart);
  });
});
