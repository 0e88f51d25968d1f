/**
 * The synthetic indexes, yield and funds of the demo market.
 *
 * 1. Daily shocks: one market shock `m`, one small-cap shock `eS`, one yield shock `eY` (plus tiny fund noise).
 * 2. Large caps (SPX) and the small-cap factor (RUT) are Brownian bridges in log space through a list of
 *    anchor levels (bear markets, crashes, recoveries), driven by `m` and `ρ·m + √(1−ρ²)·eS`; the yield is a
 *    bridge in level space whose shocks load on `m` with a time-varying weight and on `eS` with a fixed negative
 *    weight, so equity/yield correlations differ between large and small caps.
 * 3. Mid caps, the equal-weight index and the S&P 600-like index are blends of the two equity paths.
 * 4. Funds track an index at a fixed ratio with a small tracking difference; OHLC bars are drawn around closes.
 */
import type { IsoDate } from '../types.js';
import { type Anchor, type Step, bridgePath, anchorLine, stepValues } from './bridge-path.js';
import { type Bars, ohlcBars, roundTo, trackingBars } from './ohlc-bars.js';
import { rng, seedOf } from './random.js';

const SPX_ANCHORS: Anchor[] = [
  { date: '2001-01-02', value: 1252.37 },
  { date: '2001-06-29', value: 1225 },
  { date: '2001-09-21', value: 950 },
  { date: '2002-01-04', value: 1165 },
  { date: '2002-07-23', value: 800 },
  { date: '2002-10-09', value: 780 },
  { date: '2004-03-05', value: 1150 },
  { date: '2004-08-12', value: 1065 },
  { date: '2007-10-09', value: 1560 },
  { date: '2008-03-10', value: 1275 },
  { date: '2008-05-19', value: 1420 },
  { date: '2008-11-20', value: 760 },
  { date: '2009-01-06', value: 930 },
  { date: '2009-03-09', value: 690 },
  { date: '2010-04-23', value: 1215 },
  { date: '2010-07-02', value: 1025 },
  { date: '2011-04-29', value: 1360 },
  { date: '2011-10-03', value: 1100 },
  { date: '2012-04-02', value: 1415 },
  { date: '2012-06-01', value: 1280 },
  { date: '2015-05-21', value: 2125 },
  { date: '2015-08-25', value: 1870 },
  { date: '2015-11-03', value: 2105 },
  { date: '2015-12-31', value: 2045 },
  { date: '2016-02-11', value: 1830 },
  { date: '2018-01-26', value: 2870 },
  { date: '2018-02-08', value: 2585 },
  { date: '2018-06-29', value: 2720 },
  { date: '2018-09-20', value: 2925 },
  { date: '2018-12-24', value: 2355 },
  { date: '2019-06-28', value: 2940 },
  { date: '2019-12-31', value: 3230 },
  { date: '2020-02-19', value: 3380 },
  { date: '2020-03-23', value: 2240 },
  { date: '2020-09-02', value: 3575 },
  { date: '2020-10-30', value: 3270 },
  { date: '2021-06-30', value: 4300 },
  { date: '2022-01-03', value: 4790 },
  { date: '2022-06-16', value: 3670 },
  { date: '2022-08-16', value: 4300 },
  { date: '2022-10-12', value: 3580 },
  { date: '2023-07-31', value: 4585 },
  { date: '2023-10-27', value: 4120 },
  { date: '2024-07-16', value: 5660 },
  { date: '2024-08-05', value: 5190 },
  { date: '2024-12-06', value: 6085 },
  { date: '2025-04-08', value: 4985 },
  { date: '2025-10-28', value: 6880 },
  { date: '2025-11-20', value: 6540 },
  { date: '2025-12-12', value: 6827.43 },
];

const RUT_ANCHORS: Anchor[] = [
  { date: '2001-01-02', value: 484.71 },
  { date: '2001-05-22', value: 520 },
  { date: '2001-06-29', value: 510 },
  { date: '2001-09-21', value: 380 },
  { date: '2002-04-16', value: 520 },
  { date: '2002-10-09', value: 330 },
  { date: '2004-01-23', value: 600 },
  { date: '2004-08-12', value: 520 },
  { date: '2006-05-05', value: 780 },
  { date: '2006-07-21', value: 670 },
  { date: '2007-07-13', value: 855 },
  { date: '2008-01-22', value: 665 },
  { date: '2008-06-05', value: 760 },
  { date: '2008-11-20', value: 385 },
  { date: '2009-01-06', value: 510 },
  { date: '2009-03-09', value: 345 },
  { date: '2010-04-23', value: 740 },
  { date: '2010-07-06', value: 590 },
  { date: '2011-04-29', value: 865 },
  { date: '2011-10-03', value: 610 },
  { date: '2012-03-26', value: 845 },
  { date: '2012-06-04', value: 735 },
  { date: '2014-03-04', value: 1205 },
  { date: '2014-10-13', value: 1050 },
  { date: '2015-06-23', value: 1295 },
  { date: '2015-12-31', value: 1135 },
  { date: '2016-02-11', value: 955 },
  { date: '2018-06-29', value: 1645 },
  { date: '2018-08-31', value: 1740 },
  { date: '2018-12-24', value: 1270 },
  { date: '2019-05-03', value: 1610 },
  { date: '2019-06-28', value: 1565 },
  { date: '2019-12-31', value: 1670 },
  { date: '2020-02-20', value: 1705 },
  { date: '2020-03-18', value: 995 },
  { date: '2021-03-15', value: 2355 },
  { date: '2021-06-30', value: 2310 },
  { date: '2021-11-08', value: 2440 },
  { date: '2022-06-16', value: 1650 },
  { date: '2022-08-16', value: 2020 },
  { date: '2022-10-13', value: 1700 },
  { date: '2023-02-02', value: 1990 },
  { date: '2023-10-27', value: 1640 },
  { date: '2024-07-31', value: 2265 },
  { date: '2024-08-07', value: 2030 },
  { date: '2024-11-25', value: 2465 },
  { date: '2025-04-08', value: 1735 },
  { date: '2025-09-19', value: 2460 },
  { date: '2025-11-20', value: 2340 },
  { date: '2025-12-12', value: 2573.86 },
];

/** 10-year yield in percent; kept inside ~1.5 %–5 %, with a peak in May 2025 and a decline into December. */
const TNX_ANCHORS: Anchor[] = [
  { date: '2001-01-02', value: 4.953 },
  { date: '2001-11-07', value: 4.3 },
  { date: '2002-04-01', value: 5.1 },
  { date: '2003-06-13', value: 3.15 },
  { date: '2003-09-02', value: 4.6 },
  { date: '2004-03-16', value: 3.7 },
  { date: '2004-06-14', value: 4.7 },
  { date: '2005-06-01', value: 3.9 },
  { date: '2006-06-28', value: 4.95 },
  { date: '2007-06-12', value: 5.0 },
  { date: '2008-03-17', value: 3.35 },
  { date: '2008-06-13', value: 4.25 },
  { date: '2008-12-18', value: 2.1 },
  { date: '2009-06-10', value: 3.95 },
  { date: '2010-04-05', value: 4.0 },
  { date: '2010-10-08', value: 2.4 },
  { date: '2011-02-08', value: 3.7 },
  { date: '2012-07-24', value: 1.65 },
  { date: '2013-12-31', value: 3.0 },
  { date: '2015-01-30', value: 1.75 },
  { date: '2015-06-10', value: 2.5 },
  { date: '2016-07-08', value: 1.65 },
  { date: '2016-12-15', value: 2.6 },
  { date: '2018-10-05', value: 3.2 },
  { date: '2019-09-03', value: 1.7 },
  { date: '2020-01-17', value: 1.85 },
  { date: '2020-03-09', value: 1.6 },
  { date: '2020-08-04', value: 1.65 },
  { date: '2021-03-31', value: 1.9 },
  { date: '2021-12-31', value: 2.0 },
  { date: '2022-06-14', value: 3.45 },
  { date: '2022-08-01', value: 2.65 },
  { date: '2022-10-21', value: 4.25 },
  { date: '2023-04-06', value: 3.3 },
  { date: '2023-10-19', value: 4.95 },
  { date: '2023-12-27', value: 3.8 },
  { date: '2024-04-25', value: 4.7 },
  { date: '2024-09-16', value: 3.65 },
  { date: '2025-01-14', value: 4.78 },
  { date: '2025-04-04', value: 4.0 },
  { date: '2025-05-21', value: 4.62 },
  { date: '2025-09-16', value: 4.03 },
  { date: '2025-10-28', value: 3.98 },
  { date: '2025-12-12', value: 4.163 },
];

/** Daily volatility of the large-cap index (log-return), by regime. Small caps run at 1.3 ×. */
const SPX_VOL: Step[] = [
  { from: '2001-01-01', value: 0.014 },
  { from: '2003-04-01', value: 0.01 },
  { from: '2004-01-01', value: 0.007 },
  { from: '2007-07-01', value: 0.011 },
  { from: '2008-09-01', value: 0.028 },
  { from: '2009-04-01', value: 0.015 },
  { from: '2010-01-01', value: 0.011 },
  { from: '2011-08-01', value: 0.018 },
  { from: '2011-12-01', value: 0.008 },
  { from: '2015-01-01', value: 0.009 },
  { from: '2017-01-01', value: 0.005 },
  { from: '2018-01-15', value: 0.011 },
  { from: '2019-01-15', value: 0.008 },
  { from: '2020-02-20', value: 0.035 },
  { from: '2020-05-01', value: 0.013 },
  { from: '2021-01-01', value: 0.008 },
  { from: '2022-01-01', value: 0.014 },
  { from: '2023-01-01', value: 0.009 },
  { from: '2024-01-01', value: 0.008 },
  { from: '2025-03-25', value: 0.02 },
  { from: '2025-05-15', value: 0.008 },
];

/** Weight of the market shock in yield changes: stocks and yields rose together until 2021, less so after. */
const YIELD_MARKET_LOADING: Step[] = [
  { from: '2001-01-01', value: 0.35 },
  { from: '2022-01-01', value: -0.15 },
  { from: '2024-01-01', value: 0.1 },
];
/** Weight of the small-cap shock in yield changes: higher yields hurt small caps. */
const YIELD_SMALL_LOADING = -0.55;
/** Correlation of small-cap and large-cap daily shocks. */
const RHO = 0.85;

/** Everything the demo market is built from, on one calendar. */
export interface DemoIndexes {
  bars: Record<string, Bars>;
  /** Log level of the small-cap factor (unrounded RUT), which also drives the S&P 600-like members. */
  smallFactor: Float64Array;
}

const log = (anchors: Anchor[]): Anchor[] => anchors.map((a) => ({ date: a.date, value: Math.log(a.value) }));

/** Cumulative log path starting at log(start) with the given daily log changes. */
function blend(start: number, steps: (i: number) => number, n: number): Float64Array {
  const out = new Float64Array(n);
  out[0] = Math.log(start);
  for (let i = 1; i < n; i++) out[i] = out[i - 1] + steps(i);
  return out;
}

const expAll = (xs: Float64Array): Float64Array => xs.map(Math.exp);

/** Builds every demo index and fund on `dates` (the demo calendar from 2001-01-02). */
export function demoIndexes(dates: IsoDate[]): DemoIndexes {
  const n = dates.length;
  const shocks = rng(seedOf('demo:shocks'));
  const m = new Float64Array(n);
  const eS = new Float64Array(n);
  const eY = new Float64Array(n);
  const eMid = new Float64Array(n);
  const eEqual = new Float64Array(n);
  const eSml = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    m[i] = shocks.normal();
    eS[i] = shocks.normal();
    eY[i] = shocks.normal();
    eMid[i] = shocks.normal();
    eEqual[i] = shocks.normal();
    eSml[i] = shocks.normal();
  }

  // 2. Anchored equity paths and the yield.
  const volL = stepValues(dates, SPX_VOL);
  const volS = volL.map((v) => 1.3 * v);
  const incL = new Float64Array(n);
  const incS = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    incL[i] = volL[i] * m[i];
    incS[i] = volS[i] * (RHO * m[i] + Math.sqrt(1 - RHO * RHO) * eS[i]);
  }
  const logL = bridgePath(dates, log(SPX_ANCHORS), incL);
  const logS = bridgePath(dates, log(RUT_ANCHORS), incS);

  const yieldLine = anchorLine(dates, TNX_ANCHORS);
  const loadM = stepValues(dates, YIELD_MARKET_LOADING);
  const volY = yieldLine.map((y) => 0.03 * Math.sqrt(y));
  const incY = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const own = Math.sqrt(1 - loadM[i] * loadM[i] - YIELD_SMALL_LOADING * YIELD_SMALL_LOADING);
    incY[i] = volY[i] * (loadM[i] * m[i] + YIELD_SMALL_LOADING * eS[i] + own * eY[i]);
  }
  const tnx = bridgePath(dates, TNX_ANCHORS, incY, 1 / 40);

  // 3. Blends: mid caps, equal weight, S&P 600-like.
  const dL = (i: number): number => logL[i] - logL[i - 1];
  const dS = (i: number): number => logS[i] - logS[i - 1];
  const logMid = blend(480, (i) => 0.5 * dL(i) + 0.5 * dS(i) + 0.0015 * eMid[i], n);
  const logEqual = blend(26, (i) => 0.75 * dL(i) + 0.25 * dS(i) + 0.0012 * eEqual[i], n);
  const logSml = blend(230, (i) => 0.92 * dS(i) + 0.08 * dL(i) + 0.0015 * eSml[i], n);
  const volMid = volL.map((v) => 1.15 * v);

  // 4. Bars. Each series draws its intraday shape from its own stream.
  const bars = (label: string, logClose: Float64Array, vol: Float64Array): Bars =>
    ohlcBars(expAll(logClose), vol, rng(seedOf(`demo:bars:${label}`)), 2);
  const spx = bars('SPX', logL, volL);
  spx.volume = spxVolume(dates, logL, volL);
  const rut = bars('RUT', logS, volS);
  const tnxBars = ohlcBars(tnx, volY, rng(seedOf('demo:bars:TNX')), 3, true);
  const mid = bars('MID', logMid, volMid);
  const sml = bars('SML', logSml, volS);
  const track = (label: string, index: Bars, ratio: number, noise: number): Bars =>
    trackingBars(index, ratio, noise, rng(seedOf(`demo:track:${label}`)), 2);

  return {
    bars: {
      SPX: spx,
      RUT: rut,
      TNX: tnxBars,
      IVV: track('IVV', spx, 0.1, 0.0004),
      SPY: track('SPY', spx, 0.0995, 0.0004),
      RSP: bars('RSP', logEqual, volMid),
      IJH: track('IJH', mid, 0.024, 0.0005),
      MDY: track('MDY', mid, 0.22, 0.0005),
      IWM: track('IWM', rut, 0.1, 0.0006),
      IJR: track('IJR', sml, 0.095, 0.0005),
    },
    smallFactor: logS,
  };
}

/** Share volume of the large-cap index: a rising trend, busier on big moves. Whole numbers. */
function spxVolume(dates: IsoDate[], logL: Float64Array, vol: Float64Array): Float64Array {
  const r = rng(seedOf('demo:volume:SPX'));
  const n = dates.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const trend = Math.log(1.2e9) + (Math.log(4.5e9) - Math.log(1.2e9)) * (i / (n - 1));
    const move = i === 0 ? 0 : Math.abs(logL[i] - logL[i - 1]) / vol[i];
    out[i] = roundTo(Math.exp(trend + 0.2 * r.normal()) * (1 + 0.35 * move), 0);
  }
  return out;
}
