/**
 * Facts section `score.*` (methodology §5.2): market-note's own trend-and-RS score (0–6) of the small-cap and the
 * large-cap fund, its direction over `settings.scoreDirectionWindow` trading days, the large-minus-small gap with
 * "smallest since", and the chart data of the last 252 trading days. Never a vendor's score.
 *
 *   1. per fund: price P&F chart (config.pnf[fund]) and four RS charts (6.5% / 3.25% vs the market benchmark and
 *      vs the peer group: config.peers, else the other size groups; clones refused), all on rows ≤ asOf
 *   2. daily components from the charts' daily arrays (dailyScore) → value, direction, components
 *   3. gap = large − small on common dates → value, smallest since, narrowing
 *   4. chart data
 */
import type { IsoDate, Market, Series } from '../../data/types.js';
import { DEFAULT_MAX_STALE_DAYS, anchorOnOrBefore, lastIndexOnOrBefore } from '../../metrics/calendar.js';
import { relativeStrength, type PnfOptions } from '../../metrics/pnf/index.js';
import { fail } from '../../errors/market-note-error.js';
import * as msg from '../../errors/messages.js';
import {
  CLONE_CORRELATION,
  CLONE_MIN_RETURNS,
  SCORE_LABEL,
  dailyReturnCorrelation,
  peerIndex,
  componentsAt,
  dailyScore,
  firstDays,
  scoreGap,
  smallestSince,
  unitsToPoints,
  type DailyScore,
  type ScoreComponents,
} from '../../metrics/score.js';
import type { NoteConfig } from '../../config/note-config.js';
import { previousNoteDate } from '../judgements/recency.js';
import { DEFAULT_THRESHOLDS } from '../judgements/thresholds.js';
import { figure, type Figure } from '../provenance.js';
import { DEFAULT_SCORE_THRESHOLD } from '../what-changed.js';
import type { ChartData } from '../types.js';
import { seriesChart } from './pnf.js';
import { objectMemo } from '../../metrics/memo.js';

export interface FundScore {
  value: Figure;
  /** score(t) − score(t − W), W = settings.scoreDirectionWindow trading days of the fund. */
  direction: Figure;
  components: ScoreComponents;
  label: string;
  /**
   * Benchmarks used: the market benchmark and the peer benchmark, the keys of the peer group joined by `+`
   * (the market benchmark again when the group is empty).
   */
  benchmarks: { market: string; peer: string };
  /** The distinct funds the peer segment compares against (their equal-weighted average when several). */
  peerGroup: PeerGroup;
  /** Fallbacks taken (peer absent, high/low asked but missing); empty when none. */
  warnings: string[];
  /** Single-fund notes: 'up' / 'down' / 'flat' (a change under 0.1 point, which prints as 0.0) of `direction`; null when it is missing. */
  trend?: 'up' | 'down' | 'flat' | null;
  /**
   * The score moved by What changed's {@link DEFAULT_SCORE_THRESHOLD} (half a point) or more since the previous note's date (the last row on or before
   * it, a week earlier): the score then, the move and its size. Null otherwise. A decision stored with the facts:
   * "unchanged over the last six months" hid a fall from 3.6 to 2.8, below the bar of 3, in the week (2021-05-14).
   */
  weekMove: { from: number; change: number; size: number; direction: 'up' | 'down' } | null;
}

export interface PeerGroup {
  keys: string[];
  names: string[];
  /** More than one member: the peer benchmark is their equal-weighted average. */
  average: boolean;
  /** `peers`: note.yaml `peers[FUND]`; `sizeGroups`: the funds of the other size groups; `none`: no peer found. */
  source: 'peers' | 'sizeGroups' | 'none';
  /** Candidates left out because they are clones of a member listed before them. */
  excluded: { key: string; cloneOf: string; reason: string }[];
  method: string;
  /**
   * Why the group is empty (null when it has members): `notNamed`, note.yaml names no peer fund for this fund (no
   * `peers` entry, no other size group); `notInData`, none of the funds it names is in the market data.
   */
  empty: 'notNamed' | 'notInData' | null;
}

export interface ScoreGap {
  value: Figure;
  /** Last prior date with gap ≤ today's; null = the smallest in the available history. */
  smallestSince: Figure<IsoDate>;
  /** The gap is smaller than W trading days ago. */
  narrowing: boolean;
  /** The gap W trading days (settings.scoreDirectionWindow) before the as-of row, points. */
  before: Figure;
  /** "Smallest since" is worth saying: the gap is the smallest ever, or since a date at least 90 days back (set by buildFacts). */
  smallestSinceNotable?: boolean;
  /**
   * The first day of the run of days, up to the as-of row, on which the same fund scored higher (or the two the same)
   * as on the as-of row; null when the run reaches back to the first day of the gap's history.
   */
  leaderSince: Figure<IsoDate>;
  /** The smallest gap of the last {@link LATELY_DAYS} trading days up to the as-of row, and the latest day it stood there. */
  lowLately: Figure;
  lowLatelyDate: Figure<IsoDate>;
  /**
   * The gap changed since the previous note's date (the last common row on or before it): the gap then and the change
   * (negative: narrower). Null when it did not. The judgements say a move of half a point or more, or one across the
   * bar under which the gap counts for neither side (2025-07-03: the gap fell from 4.2 to 3.2 in the week, unsaid beside
   * "little changed from the 2.8 of six months ago"; 2019-06-28: 0.8 to 1.2, and the score counted against small caps).
   */
  weekMove: { from: number; change: number } | null;
}

/** Trading days (about two months) over which the score gap's recent low is taken: a six-month narrowing that has
 * reopened since is not called narrowing (judgements `scoreReopenPoints`). */
export const LATELY_DAYS = 42;

export type ScoreFacts = Record<string, FundScore> & { gap: Record<string, ScoreGap> };

export interface ScoreSection {
  score: ScoreFacts;
  chart: ChartData['score'];
}

/** Trading days shown on the score chart. */
const CHART_DAYS = 252;

interface FundDaily {
  key: string;
  series: Series;
  daily: DailyScore;
  /** Row of the as-of date in `daily` (last close on or before it, not stale), or -1. */
  row: number;
  /** `row` when the score is defined there, else -1 with a reason. */
  index: number;
  reason?: string;
  market: string;
  peer: string;
  peerGroup: PeerGroup;
  warnings: string[];
  inputs: string[];
  method: string;
}

const describeScale = (o: Required<PnfOptions>): string =>
  `${typeof o.scale === 'string' ? o.scale : 'fixed' in o.scale ? `fixed ${o.scale.fixed}` : `${o.scale.percent}%`} scale, ${o.reversal}-box, ${o.method}`;

/** Why `b` is a clone of `a` (same declared index, or daily returns correlated ≥ CLONE_CORRELATION), else null. */
export function cloneReason(a: Series, b: Series, asOf: IsoDate): string | null {
  const norm = (x: string | undefined) => x?.trim().toLowerCase();
  if (a.index && norm(a.index) === norm(b.index)) return `both track ${a.index} (market.yaml index)`;
  const c = dailyReturnCorrelation(a, b, asOf);
  if (c.value !== null && c.n >= CLONE_MIN_RETURNS && c.value >= CLONE_CORRELATION) {
    return `their daily returns correlate at ${c.value.toFixed(3)} over ${c.n} days to ${asOf} (clone threshold ${CLONE_CORRELATION})`;
  }
  return null;
}

/**
 * The peer group of `fund` (methodology §5.2): note.yaml `peers[fund]` (one key or a list) when given, else every
 * fund of the size groups the fund is not in, in listed order, where present in the market, except the market
 * benchmark (the score already counts relative strength against it). A clone of the fund is refused (CONFIG
 * error); a clone of a member listed before it is left out (`excluded`).
 */
export function peerGroupOf(market: Market, config: NoteConfig, fund: string, asOf: IsoDate, warnings: string[]): PeerGroup {
  const s = market.series[fund];
  const given = config.peers[fund];
  const source: PeerGroup['source'] = given !== undefined ? 'peers' : 'sizeGroups';
  let candidates: string[];
  let named = 0; // peer funds note.yaml names for it, in the data or not
  if (given !== undefined) {
    named = typeof given === 'string' ? 1 : given.length;
    candidates = [];
    for (const k of typeof given === 'string' ? [given] : given) {
      if (market.series[k]) candidates.push(k);
      else warnings.push(`${fund}: peer ${k} is not in the market data; it is left out of the peer group`);
    }
  } else {
    const groups = Object.values(config.sizeGroups).filter((g) => !g.includes(fund));
    const inGroups = [...new Set(groups.flat())].filter((k) => k !== fund && k !== config.roles.marketBenchmark);
    named = inGroups.length;
    candidates = inGroups.filter((k) => market.series[k] !== undefined);
  }
  const keys: string[] = [];
  const excluded: PeerGroup['excluded'] = [];
  for (const k of candidates) {
    if (k === fund || keys.includes(k)) continue;
    const own = cloneReason(s, market.series[k], asOf);
    if (own !== null) {
      const p = msg.peerIsClone(fund, k, own, source === 'peers' ? `peers.${fund}` : 'sizeGroups');
      fail('CONFIG', p.message, { hint: p.hint });
    }
    const twin = keys.map((m) => ({ m, why: cloneReason(market.series[m], market.series[k], asOf) })).find((x) => x.why !== null);
    if (twin) excluded.push({ key: k, cloneOf: twin.m, reason: `${k} is a clone of ${twin.m}: ${twin.why}` });
    else keys.push(k);
  }
  const names = keys.map((k) => market.series[k].name);
  const method = keys.length === 0
    ? 'no peer: the market benchmark stands in'
    : keys.length === 1
      ? `peer benchmark ${keys[0]} (${source === 'peers' ? 'note.yaml peers' : 'the other size groups'}); clones refused (same index, or daily-return correlation ≥ ${CLONE_CORRELATION})`
      : `equal-weighted average of ${keys.join(', ')} (daily-rebalanced mean of their daily returns, on the dates all have a close; ${source === 'peers' ? 'note.yaml peers' : 'the funds of the other size groups'}); clones refused (same index, or daily-return correlation ≥ ${CLONE_CORRELATION})`;
  return { keys, names, average: keys.length > 1, source: keys.length ? source : 'none', excluded, method, empty: keys.length ? null : named === 0 ? 'notNamed' : 'notInData' };
}

/**
 * The daily scores last computed per fund, market benchmark and peer series (the objects, held weakly) and price-chart
 * options, with how many of the fund's rows they cover. A day's score reads only rows on or before it (the point-in-time
 * tests of tests/metrics/score.test.ts), so an earlier as-of date's scores, such as the comparison week's, are the first
 * rows of a later date's: no second price chart and daily walk. Eight at most: a note scores one or two funds, and a
 * batch over a universe's members would otherwise keep one per member.
 */
const dailyScores = objectMemo<{ rows: number; options: Required<PnfOptions>; daily: DailyScore }>(1, 8);

/** The fund's daily scores on `fund`'s rows (the fund's first rows up to the as-of date) and the price chart's options. */
function scoreDays(
  s: Series,
  bench: Series,
  peerSeries: { dates: IsoDate[]; close: ArrayLike<number> },
  fund: { dates: IsoDate[]; close: Float64Array },
  method: 'highlow' | 'close',
  options: PnfOptions,
  asOf: IsoDate,
): { options: Required<PnfOptions>; daily: DailyScore } {
  // the fund's rows up to asOf: the P&F section's chart of the fund on the same date, built once for both
  const price = seriesChart(s, fund.dates.length, { scale: options.scale, reversal: options.reversal ?? 3, method }).chart;
  // the whole series with asOf (same rows as `fund`): RS charts are shared with the other sections
  const rs = (b: { dates: IsoDate[]; close: ArrayLike<number> }, percent: number) => relativeStrength(s, b, { percent, asOf });
  const daily = dailyScore({
    ...fund,
    price,
    market: { long: rs(bench, 6.5), near: rs(bench, 3.25) },
    peer: { long: rs(peerSeries, 6.5), near: rs(peerSeries, 3.25) },
  });
  return { options: price.options, daily };
}

function fundDaily(market: Market, config: NoteConfig, fund: string, asOf: IsoDate): FundDaily {
  const warnings: string[] = [];
  const s = market.series[fund];
  const marketKey = config.roles.marketBenchmark;
  const bench = market.series[marketKey];
  if (!s) throw new RangeError(`score: no series ${fund} in the market`);
  if (!bench) throw new RangeError(`score: no market benchmark series ${marketKey} in the market`);
  const peerGroup = peerGroupOf(market, config, fund, asOf, warnings);
  if (peerGroup.keys.length === 0) {
    const why = peerGroup.empty === 'notNamed' ? 'note.yaml names none for it (no peers entry, no other size group)' : 'none that note.yaml names (peers or the other size groups) is in the market data';
    warnings.push(`${fund}: no peer fund: ${why}; RS vs the market benchmark ${marketKey} used for the peer segment`);
  }
  const peer = peerGroup.keys.length ? peerGroup.keys.join('+') : marketKey;
  const n = lastIndexOnOrBefore(s.dates, asOf) + 1;
  const dates = s.dates.slice(0, n);
  const cut = (a: Float64Array | undefined) => a?.subarray(0, n);
  const cfg = config.pnf[fund];
  const hasHL = s.high !== undefined && s.low !== undefined;
  let method = cfg?.method ?? (hasHL ? 'highlow' : 'close');
  if (method === 'highlow' && !hasHL) {
    warnings.push(`${fund}: note.yaml asks for the high/low method but ${s.file} has no High/Low columns; the close method is used`);
    method = 'close';
  }
  const fundInput = { dates, close: cut(s.close)! };
  const peerSeries = peerGroup.keys.length ? peerIndex(peerGroup.keys.map((k) => market.series[k]), asOf) : bench; // rows ≤ asOf are read
  const options: PnfOptions = { scale: cfg?.scale ?? 'traditional', method, reversal: cfg?.reversal ?? 3 };
  const memoKeys = [s, bench, peerSeries];
  const memoKey = JSON.stringify(options);
  const known = dailyScores.peek(memoKeys, memoKey);
  const scored =
    known && known.rows >= n
      ? { options: known.options, daily: firstDays(known.daily, n) }
      : dailyScores.set(memoKeys, memoKey, { rows: n, ...scoreDays(s, bench, peerSeries, fundInput, method, options, asOf) });
  const daily = scored.daily;
  const anchor = anchorOnOrBefore(fundInput, asOf, DEFAULT_MAX_STALE_DAYS);
  const row = anchor.index;
  let index = row;
  let reason = anchor.reason === undefined ? undefined : `${fund}: ${anchor.reason}`;
  if (index >= 0 && daily.units[index] < 0) {
    reason = `${fund}: fewer than 252 trading days of history for the fund or one of its RS charts on ${dates[index]}`;
    index = -1;
  }
  const inputs = [...new Set([fund, marketKey, ...peerGroup.keys])].map((k) => `${k} (${market.series[k].file})`);
  const scoreMethod =
    `sum of 13 binary data points (methodology §5.2): trend 2.0 (P&F trend 1.0, buy signal 0.4, Xs 0.2, close > SMA50 0.2, ` +
    `close > SMA200 0.2; price chart: ${describeScale(scored.options)}), RS vs ${marketKey} 2.0 and RS vs ${peerGroup.keys.length > 1 ? `the equal-weighted average of ${peerGroup.keys.join(', ')}` : peer} 2.0 ` +
    `(6.5% chart buy 0.8, Xs 0.4; 3.25% chart buy 0.4, Xs 0.4); market-note's own score, not a vendor's`;
  return { key: fund, series: s, daily, row, index, reason, market: marketKey, peer, peerGroup, warnings, inputs, method: scoreMethod };
}

const points = (u: number): number | null => (u < 0 ? null : unitsToPoints(u));

function fundScore(f: FundDaily, window: number, asOf: IsoDate): FundScore {
  const { daily, index: i } = f;
  const from = f.series.dates[0];
  const value = figure(i >= 0 ? points(daily.units[i]) : null, {
    unit: 'points', from, to: i >= 0 ? daily.dates[i] : null, inputs: f.inputs, method: f.method, reason: f.reason,
  });
  let dir: number | null = null;
  let reason: string | undefined = f.reason;
  const j = i - window;
  if (i >= 0) {
    if (j < 0 || daily.units[j] < 0) reason = `no score ${window} trading days before ${daily.dates[i]}`;
    else dir = unitsToPoints(daily.units[i] - daily.units[j]);
  }
  const direction = figure(dir, {
    unit: 'points', from: j >= 0 && i >= 0 ? daily.dates[j] : null, to: i >= 0 ? daily.dates[i] : null, inputs: f.inputs,
    method: `score on the as-of date minus the score ${window} trading days earlier (settings.scoreDirectionWindow)`, reason,
  });
  // the data points are reported on the as-of row even during the warm-up (all false without a row)
  const components = componentsAt(daily, f.row);
  let weekMove: FundScore['weekMove'] = null;
  if (i >= 0) {
    const w = lastIndexOnOrBefore(daily.dates, previousNoteDate(asOf, DEFAULT_THRESHOLDS));
    if (w >= 0 && daily.units[w] >= 0) {
      const change = unitsToPoints(daily.units[i] - daily.units[w]);
      if (Math.abs(change) >= DEFAULT_SCORE_THRESHOLD) weekMove = { from: unitsToPoints(daily.units[w]), change, size: Math.abs(change), direction: change > 0 ? 'up' : 'down' };
    }
  }
  return { value, direction, components, label: SCORE_LABEL, benchmarks: { market: f.market, peer: f.peer }, peerGroup: f.peerGroup, warnings: f.warnings, weekMove };
}

function gapFacts(large: FundDaily, small: FundDaily, window: number, asOf: IsoDate): ScoreGap {
  const g = scoreGap(large.daily, small.daily);
  const inputs = [...new Set([...large.inputs, ...small.inputs])];
  const date = large.index >= 0 ? large.daily.dates[large.index] : null;
  const k = date !== null && small.index >= 0 && small.daily.dates[small.index] === date ? lastIndexOnOrBefore(g.dates, date) : -1;
  const ok = k >= 0 && g.dates[k] === date;
  const reason = ok ? undefined : large.reason ?? small.reason ?? `${large.key} and ${small.key} have no score on the same as-of row`;
  const what = `${large.key} score minus ${small.key} score`;
  const value = figure(ok ? unitsToPoints(g.units[k]) : null, {
    unit: 'points', from: g.dates[0] ?? null, to: ok ? g.dates[k] : null, inputs, method: `${what}, on the as-of date`, reason,
  });
  const since = ok ? smallestSince(g.dates, g.units, k) : null;
  const smallest = figure<IsoDate>(since, {
    unit: 'date', from: g.dates[0] ?? null, to: ok ? g.dates[k] : null, inputs,
    method: `last prior date on which ${what} was ≤ the as-of gap, over the whole daily history of both scores (methodology §10)`,
    reason: ok ? `the as-of gap is the smallest in the available history (since ${g.dates[0]})` : reason,
  });
  const narrowing = ok && k - window >= 0 && g.units[k] < g.units[k - window];
  const before = figure(ok && k - window >= 0 ? unitsToPoints(g.units[k - window]) : null, {
    unit: 'points', from: ok && k - window >= 0 ? g.dates[k - window] : null, to: ok && k - window >= 0 ? g.dates[k - window] : null, inputs,
    method: `${what}, ${window} trading days before the as-of date (settings.scoreDirectionWindow)`,
    reason: ok ? (k - window >= 0 ? undefined : `no gap ${window} trading days before ${g.dates[k]}`) : reason,
  });
  let low = -1;
  if (ok) for (let m = Math.max(0, k - LATELY_DAYS + 1); m <= k; m++) if (low < 0 || g.units[m] <= g.units[low]) low = m;
  const lateFrom = ok ? g.dates[Math.max(0, k - LATELY_DAYS + 1)] : null;
  const lowMethod = `the smallest ${what} over the last ${LATELY_DAYS} trading days up to the as-of date`;
  const lowLately = figure(low >= 0 ? unitsToPoints(g.units[low]) : null, { unit: 'points', from: lateFrom, to: ok ? g.dates[k] : null, inputs, method: lowMethod, reason });
  const lowLatelyDate = figure<IsoDate>(low >= 0 ? g.dates[low] : null, { unit: 'date', from: lateFrom, to: ok ? g.dates[k] : null, inputs, method: `the latest day of ${lowMethod}`, reason });
  let run = k;
  if (ok) while (run > 0 && Math.sign(g.units[run - 1]) === Math.sign(g.units[k])) run--;
  const leaderSince = figure<IsoDate>(ok && run > 0 ? g.dates[run] : null, {
    unit: 'date', from: g.dates[0] ?? null, to: ok ? g.dates[k] : null, inputs,
    method: `first day of the run of days up to the as-of date on which ${what} had the sign it has on the as-of date`,
    reason: ok ? (run > 0 ? undefined : `the same fund has scored higher since the first day of both scores (${g.dates[0]})`) : reason,
  });
  let weekMove: ScoreGap['weekMove'] = null;
  const w = ok ? lastIndexOnOrBefore(g.dates, previousNoteDate(asOf, DEFAULT_THRESHOLDS)) : -1;
  if (w >= 0 && w < k) {
    const change = unitsToPoints(g.units[k] - g.units[w]);
    if (change !== 0) weekMove = { from: unitsToPoints(g.units[w]), change };
  }
  return { value, smallestSince: smallest, narrowing, before, leaderSince, lowLately, lowLatelyDate, weekMove };
}

/**
 * Score facts of `roles.smallFund` and `roles.largeFund` as of `asOf`, with RS vs `roles.marketBenchmark` and
 * the peers of `config.peers`.
 * @example scoreSection(loadMarket(), config, '2025-12-12').score.IWM.value.value //=> 4.4
 */
export function scoreSection(market: Market, config: NoteConfig, asOf: IsoDate): ScoreSection {
  const { smallFund, largeFund } = config.roles;
  const window = config.settings.scoreDirectionWindow;
  const small = fundDaily(market, config, smallFund, asOf);
  const large = largeFund === smallFund ? small : fundDaily(market, config, largeFund, asOf);
  const funds: Record<string, FundScore> = {};
  for (const f of [small, large]) funds[f.key] = fundScore(f, window, asOf);
  const score = Object.assign(funds, { gap: { [`${largeFund}_${smallFund}`]: gapFacts(large, small, window, asOf) } }) as ScoreFacts;

  // chart: the small fund's last 252 rows ≤ asOf, the large fund's score looked up by date
  const end = small.daily.dates.length - 1;
  const start = Math.max(0, end - CHART_DAYS + 1);
  const largeAt = (d: IsoDate): number => {
    const j = lastIndexOnOrBefore(large.daily.dates, d);
    return j >= 0 && large.daily.dates[j] === d ? large.daily.units[j] : -1;
  };
  const dates = small.daily.dates.slice(start, end + 1);
  const chart: ChartData['score'] = {
    small: { key: smallFund, name: small.series.name },
    large: { key: largeFund, name: large.series.name },
    dates,
    smallValues: dates.map((_, k) => points(small.daily.units[start + k])),
    largeValues: dates.map((d) => points(largeAt(d))),
  };
  return { score, chart };
}

/**
 * The score of one fund (`fund` = a series key) with its daily history over the last 252 rows ≤ asOf, for notes
 * about a single symbol. RS is read against `roles.marketBenchmark` and the fund's peer from `config.peers` (the
 * market benchmark again, with a warning, when it has none).
 */
export function fundScoreSection(market: Market, config: NoteConfig, fund: string, asOf: IsoDate): { score: FundScore; history: { dates: IsoDate[]; values: (number | null)[] } } {
  const f = fundDaily(market, config, fund, asOf);
  const score = fundScore(f, config.settings.scoreDirectionWindow, asOf);
  const d = score.direction.value;
  score.trend = d === null ? null : Math.abs(d) < 0.1 ? 'flat' : d > 0 ? 'up' : 'down';
  const end = f.daily.dates.length - 1;
  const start = Math.max(0, end - CHART_DAYS + 1);
  const dates = f.daily.dates.slice(start, end + 1);
  return { score, history: { dates, values: dates.map((_, k) => points(f.daily.units[start + k])) } };
}
