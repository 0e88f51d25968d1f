/**
 * Facts: market + note config + as-of date → one typed, JSON-serialisable object.
 *
 *   1. resolve roles and check every series the note needs exists and covers the as-of date
 *   2. cut nothing: every metric reads only rows ≤ asOf itself (point-in-time)
 *   3. returns (§10) → lead comparison
 *   4. P&F and relative strength (§1–§3), rates, correlation, seasonality (§10)
 *   5. chart data
 *   6. what changed since the previous week (facts of the comparison date, diffed)
 */
import type { IsoDate, Market, Series } from '../data/types.js';
import { requireHistory, requireSeries, resolveAsOf, type HistoryNeed } from '../data/require.js';
import { h1Return, h2Return, h2ReturnOfYear, periodReturn, ytdReturn } from '../metrics/returns.js';
import { basename } from 'node:path';
import { format, parseISO } from 'date-fns';
import { daysBetween, lastCloseIndexOnOrBefore, lastIndexOnOrBefore } from '../metrics/calendar.js';
import type { NoteConfig } from '../note/load-note.js';
import { figure, type Figure } from './provenance.js';
import { comparisonDate, whatChanged } from './what-changed.js';
import { marketStatsSection } from './sections/market-stats.js';
import { isAdjusted, pnfSection, priceBasisOf } from './sections/pnf.js';
import { breadthSection } from './sections/breadth.js';
import { rankingSection } from './sections/ranking.js';
import { scoreSection } from './sections/score.js';
import { judgeFacts, thresholdsWith } from './judgements/index.js';
import type { ChartData, DatedValues, Facts, LeadFacts, Roles, SeriesInfo } from './types.js';

export interface BuildFactsOptions {
  asOf?: IsoDate;
  noteName?: string;
  /** Date to compare with for "what changed" (default: a week before the as-of date); false: no comparison. */
  compare?: IsoDate | false;
  /** Build even when a required series ends before the as-of date, marking it stale (otherwise an error). */
  allowStale?: boolean;
}

interface Measured {
  value: number | null;
  from: IsoDate | null;
  to: IsoDate | null;
  reason?: string;
}

/** The series keys a note needs, from its roles and P&F settings. */
export function requiredSeries(config: NoteConfig): string[] {
  const r = config.roles;
  return [r.largeCap, r.smallCap, r.yield, r.smallFund, r.largeFund, r.marketBenchmark];
}

/**
 * The history each section needs, so a series too short fails as one data error naming it: the correlation
 * window (plus the day before it) of the yield and the two indexes, and a year (252 trading days, the score's
 * warm-up) of each fund, its peer and the market benchmark.
 */
export function historyNeeds(config: NoteConfig): HistoryNeed[] {
  const r = config.roles;
  const { correlationWindow } = config.settings;
  const scoreKeys = [r.smallFund, r.largeFund, r.marketBenchmark, ...[r.smallFund, r.largeFund].flatMap((f) => [config.peers[f] ?? []].flat())];
  return [
    ...[r.yield, r.largeCap, r.smallCap].map((key) => ({ key, rows: correlationWindow + 1, section: 'rates and correlation' })),
    ...[...new Set(scoreKeys)].map((key) => ({ key, rows: SCORE_WARMUP_DAYS, section: 'score' })),
  ];
}

/** Trading days before the score is defined (metrics/score.ts warm-up). */
const SCORE_WARMUP_DAYS = 252;

const METHODS = {
  ytd: 'close on the as-of date / last close of the prior calendar year − 1, in percent (methodology §10)',
  h1: 'last close on or before 30 June / last close of the prior year − 1, in percent; to date while the as-of date is in H1',
  h2: 'last close of the year (or the as-of close, in H2 to date) / last close on or before 30 June − 1, in percent',
};

function returnFigure(m: Measured, s: Series, method: string): Figure {
  return figure(m.value, { unit: 'percent', from: m.from, to: m.to, inputs: [`${s.key} (${s.file})`], method, reason: m.reason });
}

function leader(small: number | null, large: number | null): 'small' | 'large' | 'tie' | null {
  if (small === null || large === null) return null;
  if (Math.abs(small - large) < 0.05) return 'tie';
  return small > large ? 'small' : 'large';
}

function gapFigure(a: Figure, b: Figure, what: string): Figure {
  const v = a.value === null || b.value === null ? null : a.value - b.value;
  return figure(v, {
    unit: 'percentage points',
    from: a.from,
    to: a.to,
    inputs: [...a.inputs, ...b.inputs],
    method: `${what}: small-cap return minus large-cap return`,
    reason: v === null ? 'one of the two returns is missing' : undefined,
  });
}

/** The note's title for the season of the as-of date (note.yaml `titles`), else its `title`. */
function seasonTitle(config: NoteConfig, asOf: IsoDate): string {
  const season = Number(asOf.slice(5, 7)) >= thresholdsWith(config.thresholds).nextYearFromMonth ? 'nextYear' : 'thisYear';
  return config.titles?.[season] ?? config.title;
}

/** Full-year and second-half returns of the year before the as-of year, for both sides of the lead. */
function lastYearReturns(small: Series, large: Series, asOf: IsoDate): LeadFacts['lastYear'] {
  const year = Number(asOf.slice(0, 4)) - 1;
  const side = (s: Series) => ({
    year: returnFigure(periodReturn(s, `${year - 1}-12-31`, `${year}-12-31`), s, `last close of ${year} / last close of ${year - 1} − 1, in percent`),
    h2: returnFigure(h2ReturnOfYear(s, year, asOf), s, `last close of ${year} / last close on or before 30 June ${year} − 1, in percent`),
  });
  return { year, small: side(small), large: side(large) };
}

/** A series as the note's sources list names it: file name, first date, last date used (≤ as-of), price basis. */
function seriesInfo(s: Series, asOf: IsoDate, config: NoteConfig, stale: boolean): SeriesInfo {
  const last = lastCloseIndexOnOrBefore(s, asOf);
  const adjusted = isAdjusted(s);
  const hasHL = s.high !== undefined && s.low !== undefined;
  const asked = config.pnf[s.key]?.method;
  const highLowFallback = asked === 'highlow' && !hasHL;
  const method = highLowFallback ? 'close' : (asked ?? (hasHL ? 'highlow' : 'close'));
  const priceBasis = priceBasisOf(s, method);
  return { key: s.key, name: s.name, file: basename(s.file), firstDate: s.dates[0], lastDate: s.dates[Math.max(0, last)], priceField: s.priceField ?? null, adjusted, highLowFallback, priceBasis, stale };
}

/** Closes from the prior year-end to the as-of date, rebased to 100 at the prior year-end. */
function rebasedYtd(s: Series, asOf: IsoDate): DatedValues {
  const end = lastCloseIndexOnOrBefore(s, asOf);
  const base = lastCloseIndexOnOrBefore(s, `${Number(asOf.slice(0, 4)) - 1}-12-31`);
  if (end < 0 || base < 0) return { dates: [], values: [] };
  const dates: IsoDate[] = [];
  const values: (number | null)[] = [];
  const b = s.close[base];
  for (let i = base; i <= end; i++) {
    const v = s.close[i];
    if (!Number.isFinite(v)) continue;
    dates.push(s.dates[i]);
    values.push(Math.round((v / b) * 100 * 100) / 100);
  }
  return { dates, values };
}

function universeInfo(market: Market, key: string | undefined): Facts['universe'] {
  const u = key ? market.universes[key] : undefined;
  return { key: key ?? '', name: u?.name ?? '', members: u?.members.length ?? 0 };
}

/** `12 December 2025` */
const longDate = (d: IsoDate): string => format(parseISO(d), 'd MMMM yyyy');

/** Compute every fact of a note for one as-of date. */
export function buildFacts(market: Market, config: NoteConfig, options: BuildFactsOptions = {}): Facts {
  // 1. roles and coverage
  const roles: Roles = { ...config.roles };
  const needed = requiredSeries(config);
  const who = `note "${options.noteName ?? 'weekly-outlook'}"`;
  requireSeries(market, needed, who);
  const choice = resolveAsOf(market, needed, roles.largeCap, options.asOf, { allowStale: options.allowStale });
  const asOf = choice.asOf;
  // the note's own date only: a comparison week short of history just has fewer changes to report
  if (options.compare !== false) requireHistory(market, historyNeeds(config), asOf);
  const S = (key: string): Series => market.series[key];

  // 3. returns for the series the narrative compares
  const returnKeys = [...new Set([roles.smallCap, roles.largeCap, roles.smallFund, roles.largeFund])];
  const returns: Facts['returns'] = { ytd: {}, h1: {}, h2: {} };
  for (const key of returnKeys) {
    const s = S(key);
    returns.ytd[key] = returnFigure(ytdReturn(s, asOf), s, METHODS.ytd);
    returns.h1[key] = returnFigure(h1Return(s, asOf), s, METHODS.h1);
    returns.h2[key] = returnFigure(h2Return(s, asOf), s, METHODS.h2);
  }
  const side = (key: string) => ({ key, name: S(key).name, ytd: returns.ytd[key], h1: returns.h1[key], h2: returns.h2[key] });
  const small = side(roles.smallCap);
  const large = side(roles.largeCap);
  const inH2 = asOf.slice(5) > '06-30';
  const h1Leader = leader(small.h1.value, large.h1.value);
  const h2Leader = inH2 ? leader(small.h2.value, large.h2.value) : null;
  const lead: LeadFacts = {
    small,
    large,
    ytdLeader: leader(small.ytd.value, large.ytd.value),
    ytdGap: gapFigure(small.ytd, large.ytd, 'YTD'),
    inH2,
    h1Leader,
    h2Leader,
    h2Gap: gapFigure(small.h2, large.h2, 'H2'),
    h2Reversed: h1Leader !== null && h2Leader !== null && h1Leader !== 'tie' && h2Leader !== 'tie' && h1Leader !== h2Leader,
    ytdDays: S(roles.largeCap).dates.filter((d) => d.slice(0, 4) === asOf.slice(0, 4) && d <= asOf).length,
    lastYear: lastYearReturns(S(roles.smallCap), S(roles.largeCap), asOf),
  };

  // 4. P&F, RS, rates, correlation, seasonality
  const pnf = pnfSection(market, config, asOf);
  const stats = marketStatsSection(market, config, asOf);
  //    breadth (§4), score (§5.2), size-group ranking (§6.2)
  const breadth = breadthSection(market, config, asOf);
  const score = scoreSection(market, config, asOf);
  for (const g of Object.values(score.score.gap)) {
    const d = g.smallestSince.value;
    g.smallestSinceNotable = g.value.value !== null && (d === null || daysBetween(d, asOf) >= 90);
  }
  const { ranking } = rankingSection(market, config, asOf);

  // 5. chart data
  const charts: ChartData = {
    ytd: [
      { key: large.key, name: large.name, role: 'largeCap', series: rebasedYtd(S(large.key), asOf) },
      { key: small.key, name: small.name, role: 'smallCap', series: rebasedYtd(S(small.key), asOf) },
    ],
    pnf: pnf.chart,
    ...stats.charts,
    score: score.chart,
    breadth: breadth.chart,
  };

  const staleKeys = new Set(choice.stale.map((x) => x.key));
  const series: Record<string, SeriesInfo> = {};
  for (const key of needed) series[key] = seriesInfo(S(key), asOf, config, staleKeys.has(key));
  if (roles.universe && market.universes[roles.universe]) {
    const u = market.universes[roles.universe];
    const last = lastIndexOnOrBefore(u.dates, asOf);
    series[u.key] = {
      key: u.key, name: `${u.name} members (${u.members.length})`, file: basename(u.file), firstDate: u.dates[0], lastDate: u.dates[Math.max(0, last)],
      priceField: null, adjusted: false, highLowFallback: false, priceBasis: 'closing prices', stale: false,
    };
  }
  const caveats: string[] = [];
  for (const key of needed) {
    const info = series[key];
    const why: string[] = [];
    if (info.adjusted) why.push(`its closes are dividend-adjusted (${info.priceField && /adj/i.test(info.priceField) ? info.priceField : 'market.yaml adjusted: true'}), so levels and highs sit below the prices it traded at`);
    if (info.highLowFallback) why.push(`note.yaml asks for the high/low method, but ${info.file} has closes only, so its Point & Figure chart uses closing prices`);
    if (why.length) caveats.push(`${info.name} (${key}): ${why.join('; ')}.`);
  }
  for (const x of choice.stale) {
    caveats.push(`${series[x.key].name} (${x.key}): the data ends on ${longDate(x.lastDate)}, before the as-of date ${longDate(asOf)}; the series is stale and its figures are as of its last date.`);
  }
  const bp = roles.universe ? breadth.breadth[roles.universe] : undefined;
  if (bp && bp.membersListed !== bp.members && bp.bullishPercent.value !== null) {
    caveats.push(
      `${market.universes[roles.universe!].name}: ${bp.members} of the ${bp.membersListed} listed members have a Point & Figure signal on ${longDate(asOf)} ` +
        `and make up the bullish percent (${bp.membersWithData} have a close that day).`,
    );
  }

  const facts: Facts = {
    asOf,
    note: { name: options.noteName ?? 'weekly-outlook', title: seasonTitle(config, asOf), standfirst: config.standfirst ?? '', desk: config.desk },
    data: {
      source: market.source, series, caveats, reference: choice.reference, requestedAsOf: choice.requested, rolledBack: choice.rolledBack,
      ...(choice.limitedBy ? { limitedBy: choice.limitedBy } : {}),
      stale: choice.stale.map((x) => ({ key: x.key, name: S(x.key).name, lastDate: x.lastDate })),
    },
    roles,
    keys: {
      rsSmallVsMarket: `${roles.smallFund}_vs_${roles.marketBenchmark}`,
      rsLargeVsMarket: `${roles.largeFund}_vs_${roles.marketBenchmark}`,
      rsSmallVsLarge: `${roles.smallFund}_vs_${roles.largeFund}`,
      scoreGap: `${roles.largeFund}_${roles.smallFund}`,
    },
    returns,
    lead,
    pnf: pnf.pnf,
    rs: pnf.rs,
    rates: stats.rates,
    correlation: stats.correlation,
    seasonal: stats.seasonal,
    universe: universeInfo(market, roles.universe),
    breadth: breadth.breadth,
    score: score.score,
    ranking,
    changes: { since: null, items: [] },
    charts,
    judgements: undefined as never,
    thresholds: thresholdsWith(config.thresholds),
  };
  facts.judgements = judgeFacts(facts, facts.thresholds);

  remember(market, config, asOf, facts);

  // 6. what changed since the comparison date (its facts use only rows ≤ that date)
  if (options.compare !== false) {
    const target = comparisonDate(asOf, options.compare || undefined);
    const trading = S(roles.largeCap).dates;
    const i = lastIndexOnOrBefore(trading, target);
    const prevDate = i >= 0 ? trading[i] : null;
    if (prevDate && prevDate < asOf && prevDate >= firstCommonDate(market, needed)) {
      const prev = recalled(market, config, prevDate) ?? buildFacts(market, config, { ...options, asOf: prevDate, compare: false });
      facts.changes = { since: prevDate, items: whatChanged(prev, facts) };
    }
  }
  return facts;
}

/**
 * The last few facts built per market and note config, so a batch of consecutive weeks computes each week once:
 * week N's facts are week N+1's comparison. Bounded (memory stays flat over long batches); facts are pure
 * functions of (market, config, as-of), so a remembered object is exactly what a rebuild would give.
 */
const memory = new WeakMap<Market, WeakMap<NoteConfig, Map<IsoDate, Facts>>>();
const MEMORY_SIZE = 4;

function remember(market: Market, config: NoteConfig, asOf: IsoDate, facts: Facts): void {
  let byConfig = memory.get(market);
  if (!byConfig) memory.set(market, (byConfig = new WeakMap()));
  let byDate = byConfig.get(config);
  if (!byDate) byConfig.set(config, (byDate = new Map()));
  byDate.delete(asOf);
  byDate.set(asOf, facts);
  if (byDate.size > MEMORY_SIZE) byDate.delete(byDate.keys().next().value as IsoDate);
}

function recalled(market: Market, config: NoteConfig, asOf: IsoDate): Facts | undefined {
  return memory.get(market)?.get(config)?.get(asOf);
}

/** The first date on which every required series has a row. */
function firstCommonDate(market: Market, keys: string[]): IsoDate {
  return keys.map((k) => market.series[k].dates[0]).sort().pop() ?? '';
}
