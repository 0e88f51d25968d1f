import { describe, expect, it } from 'vitest';
import { loadMarket } from '../../../src/data/load-market.js';
import type { Market, Series } from '../../../src/data/types.js';
import { scoreSection } from '../../../src/facts/sections/score.js';
import { lastIndexOnOrBefore } from '../../../src/metrics/calendar.js';
import { trendRsScore } from '../../../src/metrics/score.js';
import { loadNote } from '../../../src/note/load-note.js';

const market = loadMarket();
const config = loadNote('weekly-outlook').config;
const W = config.settings.scoreDirectionWindow;
const IWM = market.series.IWM;
const back = (asOf: string, rows: number) => IWM.dates[lastIndexOnOrBefore(IWM.dates, asOf) - rows];

function cutSeries(s: Series, asOf: string): Series {
  const n = lastIndexOnOrBefore(s.dates, asOf) + 1;
  return { ...s, dates: s.dates.slice(0, n), close: s.close.slice(0, n), high: s.high?.slice(0, n), low: s.low?.slice(0, n) };
}
const cutMarket = (m: Market, asOf: string): Market => ({
  ...m,
  series: Object.fromEntries(Object.entries(m.series).map(([k, s]) => [k, cutSeries(s, asOf)])),
});

describe('scoreSection on the demo market', () => {
  for (const asOf of ['2018-09-28', '2025-12-12']) {
    describe(asOf, () => {
      const { score, chart } = scoreSection(market, config, asOf);

      it('scores both funds as the sum of the weights of their true data points, as market-note\'s own score', () => {
        for (const f of ['IWM', 'IVV']) {
          const s = score[f];
          expect(s.value.value).toBe(trendRsScore(s.components as Parameters<typeof trendRsScore>[0]));
          expect(Object.keys(s.components)).toHaveLength(13);
          expect(s.label).toBe("trend-and-RS score (market-note's own, 0–6)");
          expect(s.value).toMatchObject({ unit: 'points', to: asOf });
          expect(s.value.method).toMatch(/not a vendor's/);
          expect(s.warnings).toEqual([]);
        }
        // peers: the other size groups, one fund per index (the demo's SPY, MDY and IJR are clones of IVV, IJH, IWM)
        expect(score.IWM.benchmarks).toEqual({ market: 'RSP', peer: 'IVV+IJH' });
        expect(score.IVV.benchmarks).toEqual({ market: 'RSP', peer: 'IJH+IWM' });
        expect(score.IVV.peerGroup).toMatchObject({ keys: ['IJH', 'IWM'], average: true, source: 'sizeGroups' });
        expect(score.IVV.peerGroup.excluded.map((e) => [e.key, e.cloneOf])).toEqual([['MDY', 'IJH'], ['IJR', 'IWM']]);
      });

      it('gives the direction as the score minus the score W trading days earlier (recomputed at that date)', () => {
        const then = scoreSection(market, config, back(asOf, W)).score;
        for (const f of ['IWM', 'IVV']) {
          expect(score[f].direction.value).toBeCloseTo(score[f].value.value! - then[f].value.value!, 12);
          expect(score[f].direction.from).toBe(back(asOf, W));
        }
        const g = score.gap.IVV_IWM;
        expect(g.narrowing).toBe(g.value.value! < then.gap.IVV_IWM.value.value! - 1e-9);
      });

      it('gives the gap IVV − IWM and the last earlier day with a gap at most as large', () => {
        const g = score.gap.IVV_IWM;
        expect(g.value.value).toBeCloseTo(score.IVV.value.value! - score.IWM.value.value!, 12);
        const since = g.smallestSince.value;
        if (since === null) {
          expect(g.smallestSince.reason).toMatch(/^the as-of gap is the smallest in the available history/);
          return;
        }
        const at = scoreSection(market, config, since).score;
        expect(at.IVV.value.value! - at.IWM.value.value!).toBeLessThanOrEqual(g.value.value! + 1e-9);
        // every chart day after `since` (within the chart's year) has a larger gap
        chart!.dates.forEach((d, k) => {
          if (d > since && d < asOf) expect(chart!.largeValues[k]! - chart!.smallValues[k]!, d).toBeGreaterThan(g.value.value! + 1e-9);
        });
      });

      it('charts the last 252 trading days of both scores, ending on the as-of date', () => {
        expect(chart!.dates).toHaveLength(252);
        expect(chart!.dates.at(-1)).toBe(asOf);
        expect(chart!.smallValues.at(-1)).toBe(score.IWM.value.value);
        expect(chart!.largeValues.at(-1)).toBe(score.IVV.value.value);
        expect(chart!.small).toEqual({ key: 'IWM', name: IWM.name });
      });
    });
  }

  it('looks back past the whole chart year on the day the year\'s smallest gap is first reached', () => {
    const { chart } = scoreSection(market, config, '2025-12-12');
    const gaps = chart!.dates.map((_, k) => chart!.largeValues[k]! - chart!.smallValues[k]!);
    const k = gaps.indexOf(Math.min(...gaps));
    expect(k).toBeGreaterThan(0);
    const day = chart!.dates[k];
    const g = scoreSection(market, config, day).score.gap.IVV_IWM;
    expect(g.value.value).toBeCloseTo(gaps[k], 12);
    const since = g.smallestSince.value;
    if (since === null) expect(g.smallestSince.reason).toMatch(/smallest in the available history/);
    else {
      expect(since < chart!.dates[0]).toBe(true);
      const at = scoreSection(market, config, since).score;
      expect(at.IVV.value.value! - at.IWM.value.value!).toBeLessThanOrEqual(gaps[k] + 1e-9);
    }
  });

  it('is point-in-time: the market cut at the as-of date gives the same score facts', () => {
    const asOf = '2021-05-14';
    expect(scoreSection(cutMarket(market, asOf), config, asOf)).toEqual(scoreSection(market, config, asOf));
  });

  it('falls back to the market benchmark for the peer segment, with a warning, when no peer fund is in the data', () => {
    const series = Object.fromEntries(Object.entries(market.series).filter(([k]) => !['IVV', 'SPY', 'IJH', 'MDY'].includes(k)));
    const s = scoreSection({ ...market, series: { ...series, IVV: market.series.IVV } }, { ...config, sizeGroups: { Large: ['IVV'], Small: ['IWM', 'IJR'] }, roles: { ...config.roles, largeFund: 'IWM' } }, '2025-12-12').score.IWM;
    expect(s.benchmarks.peer).toBe('IVV');
    expect(s.peerGroup.empty).toBeNull();
    const lonely = scoreSection({ ...market, series }, { ...config, sizeGroups: { Small: ['IWM', 'IJR'] }, roles: { ...config.roles, largeFund: 'IWM' } }, '2025-12-12').score.IWM;
    expect(lonely.benchmarks.peer).toBe('RSP');
    // no other size group: the note names no peer (reading sixty-four: "the data has no peer fund" was said of a stock
    // whose note names none, in a market holding IJR)
    expect(lonely.peerGroup).toMatchObject({ keys: [], source: 'none', empty: 'notNamed' });
    expect(lonely.warnings).toEqual(['IWM: no peer fund: note.yaml names none for it (no peers entry, no other size group); RS vs the market benchmark RSP used for the peer segment']);
    // another size group, none of whose funds is in the data
    const absent = scoreSection({ ...market, series }, { ...config, sizeGroups: { Large: ['IVV'], Small: ['IWM', 'IJR'] }, roles: { ...config.roles, largeFund: 'IWM' } }, '2025-12-12').score.IWM;
    expect(absent.peerGroup).toMatchObject({ keys: [], source: 'none', empty: 'notInData' });
    expect(absent.warnings[0]).toBe('IWM: no peer fund: none that note.yaml names (peers or the other size groups) is in the market data; RS vs the market benchmark RSP used for the peer segment');
    const c = lonely.components;
    expect([c.peerRsLongBuy, c.peerRsLongX, c.peerRsNearBuy, c.peerRsNearX]).toEqual([c.marketRsLongBuy, c.marketRsLongX, c.marketRsNearBuy, c.marketRsNearX]);
  });

  it('uses the close method, with a warning, when high/low is asked for but the series has none', () => {
    const { high: _h, low: _l, ...iwm } = IWM;
    const s = scoreSection({ ...market, series: { ...market.series, IWM: iwm as Series } }, config, '2025-12-12').score.IWM;
    expect(s.warnings).toEqual(['IWM: note.yaml asks for the high/low method but IWM.csv has no High/Low columns; the close method is used']);
    expect(s.value.method).toMatch(/price chart: traditional scale, 3-box, close/);
  });

  it('gives null figures with a reason before the warm-up is over', () => {
    const s = scoreSection(market, config, '2001-06-29').score;
    expect(s.IWM.value.value).toBeNull();
    expect(s.IWM.value.reason).toMatch(/^IWM: fewer than 252 trading days of history/);
    expect(s.gap.IVV_IWM.value.value).toBeNull();
    expect(s.gap.IVV_IWM.narrowing).toBe(false);
  });
});
