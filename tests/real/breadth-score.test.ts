/**
 * Breadth, score and ranking on the real data as of 2025-12-12, each checked against an independent computation
 * from the raw CSV rows: a tiny close-only double-top loop on the traditional ladder for the S&P 600 members and
 * the BP chart, and the 13 score data points recomputed by hand from pointAndFigure / relativeStrength outputs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMarket } from '../../src/data/load-market.js';
import type { Market } from '../../src/data/types.js';
import { breadthSection } from '../../src/facts/sections/breadth.js';
import { rankingSection } from '../../src/facts/sections/ranking.js';
import { scoreSection } from '../../src/facts/sections/score.js';
import { bullishPercentHistory } from '../../src/metrics/breadth.js';
import { pointAndFigure, relativeStrength } from '../../src/metrics/pnf/index.js';
import { loadNote, type NoteConfig } from '../../src/note/load-note.js';
import { REAL } from '../helpers/cli.js';
import { HAS_REAL, rawCloses, writeRealMarketYaml } from '../helpers/real-market.js';

const AS_OF = '2025-12-12';
if (!HAS_REAL) console.warn(`real data folder ${REAL} is absent: skipping the real-data breadth, score and ranking tests`);

// ── an independent close-only P&F loop on the traditional ladder, in 1/16 ticks (exact integers) ──────────────
const BANDS: [number, number][] = [
  [0, 0.0625], [0.25, 0.125], [1, 0.25], [5, 0.5], [20, 1], [100, 2], [200, 4], [500, 5], [1000, 10], [2500, 50], [25000, 500],
].map(([b, s]) => [b * 16, s * 16]);
const stepAbove = (t: number) => BANDS.filter(([b]) => b <= t).at(-1)![1]; // box above a level t
const stepBelow = (t: number) => BANDS.filter(([b]) => b < t).at(-1)![1]; // box below a level t
const floorLevel = (t: number) => {
  const [b, s] = BANDS.filter(([x]) => x <= t + 1e-6).at(-1)!;
  return b + Math.floor((t - b) / s + 1e-7) * s;
};
const ceilLevel = (t: number) => {
  const [b, s] = BANDS.filter(([x]) => x < t - 1e-6).at(-1) ?? BANDS[0];
  return b + Math.ceil((t - b) / s - 1e-7) * s;
};
const down3 = (t: number) => {
  for (let k = 0; k < 3; k++) t -= stepBelow(t);
  return t;
};
const up3 = (t: number) => {
  for (let k = 0; k < 3; k++) t += stepAbove(t);
  return t;
};

/** Per-day signal (+1 buy / −1 sell / 0 none) of a close-only 3-box chart: double top / double bottom breakouts. */
function myStates(close: ArrayLike<number>): Int8Array {
  const out = new Int8Array(close.length);
  let phase = 0; // 0 nothing, 1 anchored, 2 X, 3 O
  let top = 0;
  let bot = 0;
  let lastTop: number | null = null;
  let lastBot: number | null = null;
  let state = 0;
  for (let i = 0; i < close.length; i++) {
    const v = close[i];
    if (Number.isFinite(v) && v > 0) {
      const t = v * 16;
      if (phase === 0) {
        top = floorLevel(t);
        bot = ceilLevel(t);
        phase = 1;
      } else if (phase === 1) {
        if (t >= top + stepAbove(top) - 1e-6) [top, phase] = [floorLevel(t), 2];
        else if (t <= bot - stepBelow(bot) + 1e-6) [bot, phase] = [ceilLevel(t), 3];
      } else if (phase === 2) {
        if (t >= top + stepAbove(top) - 1e-6) {
          top = floorLevel(t);
          if (lastTop !== null && top > lastTop) state = 1;
        } else if (t <= down3(top) + 1e-6) {
          [lastTop, bot, phase] = [top, ceilLevel(t), 3];
          if (lastBot !== null && bot < lastBot) state = -1;
        }
      } else if (t <= bot - stepBelow(bot) + 1e-6) {
        bot = ceilLevel(t);
        if (lastBot !== null && bot < lastBot) state = -1;
      } else if (t >= up3(bot) - 1e-6) {
        [lastBot, top, phase] = [bot, floorLevel(t), 2];
        if (lastTop !== null && top > lastTop) state = 1;
      }
    }
    out[i] = state;
  }
  return out;
}

/** The wide constituents file read straight from the text: rows ≤ AS_OF, empty cell = NaN. */
function readWide(): { dates: string[]; members: string[]; closes: Float64Array[] } {
  const lines = readFileSync(join(REAL, 'dsturdy-Factor_Attribution/sp600_constituents_close_2015_2026.csv'), 'utf8').trim().split(/\r?\n/);
  const members = lines[0].split(',').slice(1);
  const rows = lines.slice(1).map((l) => l.split(',')).filter((c) => c[0] <= AS_OF);
  const closes = members.map((_, m) => Float64Array.from(rows, (c) => (c[m + 1] === '' ? NaN : Number(c[m + 1]))));
  return { dates: rows.map((c) => c[0]), members, closes };
}

/** An independent BP chart (2-point boxes, 6-point reversal) with the §4.3 status of every day. */
function myBpChart(values: number[]) {
  const cols: { type: 'X' | 'O'; lo: number; hi: number; start: number; end: number }[] = [];
  const status: (string | null)[] = [];
  let anchor: number | null = null;
  let signal = 0;
  let bullAlert = false;
  values.forEach((v, d) => {
    if (!Number.isNaN(v)) {
      const fl = 2 * Math.floor(v / 2 + 1e-9);
      const ce = 2 * Math.ceil(v / 2 - 1e-9);
      const c = cols.at(-1);
      const open = (type: 'X' | 'O', lo: number, hi: number) => {
        cols.push({ type, lo, hi, start: d, end: d });
        bullAlert = false;
      };
      if (!c) {
        if (anchor === null) anchor = v;
        else if (fl >= 2 * Math.floor(anchor / 2 + 1e-9) + 2) open('X', 2 * Math.floor(anchor / 2 + 1e-9), fl);
        else if (ce <= 2 * Math.ceil(anchor / 2 - 1e-9) - 2) open('O', ce, 2 * Math.ceil(anchor / 2 - 1e-9));
      } else if (c.type === 'X') {
        if (fl >= c.hi + 2) [c.hi, c.end] = [fl, d];
        else if (ce <= c.hi - 6) open('O', ce, c.hi - 2);
      } else if (ce <= c.lo - 2) [c.lo, c.end] = [ce, d];
      else if (fl >= c.lo + 6) open('X', c.lo + 2, fl);
      const n = cols.length;
      const cur = cols[n - 1];
      if (n >= 3 && cur?.type === 'X' && cur.hi > cols[n - 3].hi) signal = 1;
      if (n >= 3 && cur?.type === 'O' && cur.lo < cols[n - 3].lo) signal = -1;
    }
    const n = cols.length;
    const cur = cols[n - 1];
    let s: string | null = null;
    if (cur && signal !== 0) {
      const prev = cols[n - 2];
      if (cur.type === 'X') s = signal === 1 ? 'Bull Confirmed' : prev.lo <= 30 || bullAlert ? 'Bull Alert' : 'Bear Correction';
      else s = signal === -1 ? 'Bear Confirmed' : prev.hi >= 70 && cur.lo <= 68 ? 'Bear Alert' : 'Bull Correction';
    }
    if (s === 'Bull Alert') bullAlert = true;
    status.push(s);
  });
  return { cols, status };
}

describe.skipIf(!HAS_REAL)('breadth, score and ranking on real data, as of 2025-12-12', () => {
  const market: Market = HAS_REAL ? loadMarket(writeRealMarketYaml()) : ({} as Market);
  const config: NoteConfig = loadNote('weekly-outlook').config;

  describe('S&P 600 bullish percent', () => {
    const wide = HAS_REAL ? readWide() : { dates: [], members: [], closes: [] };
    const my = wide.closes.map(myStates);

    it('agrees with an independent double-top loop on a subset of 40 members, day by day', () => {
      const subset = wide.closes.map((_, m) => m).filter((m) => m % 15 === 7).slice(0, 40);
      expect(subset).toHaveLength(40);
      const h = bullishPercentHistory({ dates: wide.dates, closes: subset.map((m) => wide.closes[m]) }, { minCoverage: 0 });
      const buys = wide.dates.map((_, d) => subset.filter((m) => my[m][d] === 1).length);
      const members = wide.dates.map((_, d) => subset.filter((m) => my[m][d] !== 0).length);
      expect(Array.from(h.buys)).toEqual(buys);
      expect(Array.from(h.members)).toEqual(members);
      const last = wide.dates.length - 1;
      expect(h.values[last]).toBeCloseTo((buys[last] / members[last]) * 100, 12); // the subset's buy share
    });

    it('gives the as-of value, column, status and reversal of an independent count and BP chart of all members', () => {
      const n = wide.dates.length;
      const firstClose = wide.closes.map((c) => c.findIndex(Number.isFinite));
      const values: number[] = [];
      for (let d = 0; d < n; d++) {
        let b = 0;
        let m = 0;
        let listed = 0;
        for (let k = 0; k < my.length; k++) {
          if (my[k][d] !== 0) m++;
          if (my[k][d] === 1) b++;
          if (firstClose[k] >= 0 && firstClose[k] <= d) listed++;
        }
        values.push(m > 0 && m >= 0.5 * listed ? (b * 100) / m : NaN);
      }
      const { breadth } = breadthSection(market, config, AS_OF);
      const bp = breadth.SP600;
      expect(wide.dates.at(-1)).toBe(AS_OF);
      expect(bp.bullishPercent.value).toBeCloseTo(values[n - 1], 10);
      const chart = myBpChart(values);
      const cur = chart.cols.at(-1)!;
      const prev = chart.cols.at(-2)!;
      expect([bp.column, bp.columnBottom, bp.columnTop]).toEqual([cur.type, cur.lo, cur.hi]);
      expect(bp.reversedFrom).toEqual({ level: cur.type === 'X' ? prev.lo : prev.hi, date: wide.dates[prev.end], on: wide.dates[cur.start] });
      expect(bp.status).toBe(chart.status[n - 1]);
      let since = n - 1;
      while (since > 0 && chart.status[since - 1] === chart.status[n - 1]) since--;
      expect(bp.statusSince).toBe(wide.dates[since]);
      console.log(
        `real S&P 600 BP on ${AS_OF}: ${bp.bullishPercent.value!.toFixed(2)}% of ${bp.members} members with a signal, ` +
          `${bp.column}[${bp.columnBottom}-${bp.columnTop}], ${bp.signal} signal, ${bp.status} since ${bp.statusSince}, ` +
          `reversed from ${bp.reversedFrom!.level} on ${bp.reversedFrom!.date}; 6-month low ${bp.recentLow!.level.toFixed(2)} on ${bp.recentLow!.date}`,
      );
    });
  });

  describe('trend-and-RS scores of IWM and IVV (market benchmark RSP)', () => {
    const raw = (file: string) => {
      const rows = rawCloses(readFileSync(join(REAL, 'dsturdy-Factor_Attribution', file), 'utf8')).filter((r) => r.date <= AS_OF);
      return { dates: rows.map((r) => r.date), close: Float64Array.from(rows, (r) => r.close) };
    };
    const mean = (a: Float64Array, k: number) => a.subarray(a.length - k).reduce((s, x) => s + x, 0) / k;

    /** Equal-weighted average of closes, rebalanced daily, on the dates every fund has (computed here, not by the engine). */
    const average = (files: string[]) => {
      const series = files.map(raw);
      const maps = series.map((x) => new Map(x.dates.map((d, i) => [d, x.close[i]])));
      const dates = series[0].dates.filter((d) => maps.every((m) => m.has(d)));
      const close = new Float64Array(dates.length);
      dates.forEach((d, k) => {
        const now = maps.map((m) => m.get(d)!);
        close[k] = k === 0 ? now.reduce((a, b) => a + b) / now.length : close[k - 1] * (1 + now.reduce((a, v, i) => a + v / maps[i].get(dates[k - 1])! - 1, 0) / now.length);
      });
      return { dates, close };
    };

    /** The 13 data points recomputed by hand from chart outputs, summed with the §5.2 weights. */
    function byHand(fund: string, peers: string[]) {
      const f = raw(`${fund}.csv`);
      const price = pointAndFigure(f, { scale: 'traditional', method: 'close' });
      const last = f.close[f.close.length - 1];
      const peer = peers.length === 1 ? raw(`${peers[0]}.csv`) : average(peers.map((p) => `${p}.csv`));
      const rsState = (b: { dates: string[]; close: Float64Array }, percent: number) => {
        const c = relativeStrength(f, b, { percent, asOf: AS_OF });
        return { buy: c.current.signal === 'buy', x: c.current.column === 'X' && c.columns.length >= 2 };
      };
      const rsp = raw('RSP.csv');
      const [ml, mn, pl, pn] = [rsState(rsp, 6.5), rsState(rsp, 3.25), rsState(peer, 6.5), rsState(peer, 3.25)];
      const c = {
        trendPositive: price.trend.state === 'positive',
        priceBuySignal: price.current.signal === 'buy',
        priceInXs: price.current.column === 'X' && price.columns.length >= 2,
        aboveSma50: last > mean(f.close, 50),
        aboveSma200: last > mean(f.close, 200),
        marketRsLongBuy: ml.buy, marketRsLongX: ml.x, marketRsNearBuy: mn.buy, marketRsNearX: mn.x,
        peerRsLongBuy: pl.buy, peerRsLongX: pl.x, peerRsNearBuy: pn.buy, peerRsNearX: pn.x,
      };
      const w = [1, 0.4, 0.2, 0.2, 0.2, 0.8, 0.4, 0.4, 0.4, 0.8, 0.4, 0.4, 0.4];
      const score = Object.values(c).reduce((s, on, i) => s + (on ? w[i] : 0), 0);
      return { c, score };
    }

    it('matches the components and scores recomputed by hand against the peer groups, and their gap', () => {
      const { score } = scoreSection(market, config, AS_OF);
      // peers: the other size groups without the market benchmark (RSP, a large-cap proxy of the ranking)
      expect(score.IWM.peerGroup).toMatchObject({ keys: ['IVV'], source: 'sizeGroups' });
      expect(score.IWM.peerGroup.excluded).toEqual([]);
      expect(score.IVV.peerGroup).toMatchObject({ keys: ['IWM', 'IJR'], average: true, excluded: [] });
      const iwm = byHand('IWM', ['IVV']);
      const ivv = byHand('IVV', ['IWM', 'IJR']);
      expect(score.IWM.components).toEqual(iwm.c);
      expect(score.IVV.components).toEqual(ivv.c);
      expect(score.IWM.value.value).toBeCloseTo(iwm.score, 10);
      expect(score.IVV.value.value).toBeCloseTo(ivv.score, 10);
      const gap = score.gap.IVV_IWM;
      expect(gap.value.value).toBeCloseTo(ivv.score - iwm.score, 10);
      // the close method is used (the dsturdy files have closes only) and said so
      expect(score.IWM.warnings[0]).toMatch(/has no High\/Low columns; the close method is used$/);
      // "smallest since": the gap on that date was at most today's
      const since = gap.smallestSince.value;
      if (since !== null) {
        const then = scoreSection(market, config, since).score;
        expect(then.IVV.value.value! - then.IWM.value.value!).toBeLessThanOrEqual(gap.value.value! + 1e-9);
      }
      console.log(
        `real scores on ${AS_OF}: IWM ${score.IWM.value.value} (direction ${score.IWM.direction.value}), IVV ${score.IVV.value.value} ` +
          `(direction ${score.IVV.direction.value}); gap IVV − IWM ${gap.value.value}, smallest since ${since ?? 'the start of the history'}, ` +
          `narrowing ${gap.narrowing}`,
      );
    });

    it('refuses SPY as a peer of IVV: a clone whose RS charts never reversed (the ratio stayed within 0.98–1.04)', () => {
      const f = raw('IVV.csv');
      const s = raw('SPY.csv');
      const ratio = f.close.map((v, i) => v / s.close[s.dates.indexOf(f.dates[i])]).filter(Number.isFinite);
      expect(Math.min(...ratio)).toBeGreaterThan(0.98);
      expect(Math.max(...ratio)).toBeLessThan(1.04);
      for (const percent of [6.5, 3.25]) expect(relativeStrength(f, s, { percent, asOf: AS_OF }).columns.length).toBeLessThan(2);
      // declared index (market.yaml) and, without it, the daily-return correlation both tell the clone
      expect(() => scoreSection(market, { ...config, peers: { IVV: 'SPY' } }, AS_OF)).toThrow(/^SPY cannot be a peer of IVV: it is a clone of IVV \(both track S&P 500/);
      const undeclared = { ...market, series: { ...market.series, SPY: { ...market.series.SPY, index: undefined } } };
      expect(() => scoreSection(undeclared, { ...config, peers: { IVV: 'SPY' } }, AS_OF)).toThrow(/their daily returns correlate at 0\.99\d over \d+ days/);
    });
  });

  it('ranks large against small caps and leaves out the absent mid caps with a warning', () => {
    const { ranking } = rankingSection(market, config, AS_OF);
    expect(ranking.warnings).toEqual(['size group "Mid caps" is left out: IJH, MDY not in the market data']);
    // two proxies of different indexes per group (SPY, the S&P 500 again beside IVV, counted it twice: 2025-08-22)
    expect(ranking.sizeGroups.map((g) => g.members)).toEqual(expect.arrayContaining([['IVV', 'RSP'], ['IWM', 'IJR']]));
    expect(ranking.excluded).toEqual([]);
    const withSpy = rankingSection(market, { ...config, sizeGroups: { 'Large caps': ['IVV', 'SPY'], 'Small caps': ['IWM', 'IJR'] } }, AS_OF).ranking;
    expect(withSpy.excluded).toEqual([
      { group: 'Large caps', key: 'SPY', reason: 'a clone of IVV: both track S&P 500 (market.yaml index)' },
      { group: 'Small caps', key: 'IJR', reason: 'left out so that every group ranks on 1 proxy' },
    ]);
    console.log(`real size-group ranking on ${AS_OF}: ${ranking.sizeGroups.map((g) => `${g.group} tally ${g.tally} xrank ${g.xrank}`).join('; ')}`);
  });
});
