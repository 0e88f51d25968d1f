/**
 * Facts: market + note config + as-of date → one typed, JSON-serialisable object. Only the sections the note
 * declares (note.yaml `sections`) are computed, for the roles they name: a rates wrap computes no breadth.
 *
 *   1. resolve roles (optional ones missing from the market are dropped, with the reason) and check every series
 *      the declared sections read exists and covers the as-of date
 *   2. cut nothing: every metric reads only rows ≤ asOf itself (point-in-time)
 *   3. returns (§10) → lead comparison
 *   4. P&F and relative strength (§1–§3), rates, correlation, seasonality (§10), performance, yield watch
 *   5. chart data of the charts the note asks for
 *   6. what changed since the previous week (facts of the comparison date, diffed)
 */
import type { IsoDate, Market, Series } from '../data/types.js';
import { requireHistory, requireSeries, resolveAsOf, type HistoryNeed } from '../data/require.js';
import { h1Return, h2Return, h2ReturnOfYear, periodReturn, ytdReturn } from '../metrics/returns.js';
import { previousNoteDate } from './judgements/recency.js';
import { DEFAULT_THRESHOLDS } from './judgements/thresholds.js';
import { basename } from 'node:path';
import { longDate } from '../data/calendar.js'; // `12 December 2025`, without date-fns' modules
import { datesAfterUpTo, daysBetween, lastCloseIndexOnOrBefore, lastIndexOnOrBefore, midYear, yearEnd, yearOf } from '../metrics/calendar.js';
import type { NoteConfig } from '../config/note-config.js';
import { figure, type Figure } from './provenance.js';
import { comparisonDate, whatChanged } from './what-changed.js';
import { marketStatsSection } from './sections/market-stats.js';
import { isAdjusted, pnfSection, priceBasisOf } from './sections/pnf.js';
import { breadthSection } from './sections/breadth.js';
import { rankingSection } from './sections/ranking.js';
import { scoreSection } from './sections/score.js';
import type { ChartData, DatedValues, ExtraChartData, Facts, LeadFacts, Roles, SeriesInfo, WeeklyFacts } from './types.js';
import type { SectionName, SectionRequest } from '../config/note-config.js';
import { fail } from '../errors/market-note-error.js';
import { configuredChart, pnfChartData, pnfFacts, rsFacts } from './sections/pnf.js';
import { performanceFacts } from './sections/performance.js';
import { yieldWatchSection } from './sections/yield-watch.js';
import { fundScoreSection, type FundScore } from './sections/score.js';
import { judgeFacts, printedGap, thresholdsWith } from './judgements/index.js';

export interface BuildFactsOptions {
  asOf?: IsoDate;
  noteName?: string;
  /** A per-symbol note: this series plays the role `config.each` (the fund snapshot's `--symbols`, `--each`). */
  symbol?: string;
  /** Date to compare with for "what changed" (default: a week before the as-of date); false: no comparison. */
  compare?: IsoDate | false;
  /** Build even when a required series ends before the as-of date, marking it stale (otherwise an error). */
  allowStale?: boolean;
  /**
   * false: leave `changes` empty for the caller to fill with {@link factsChanges} (a worker sends the facts on at
   * once and computes the comparison week while the charts are drawn). The facts are otherwise the same.
   */
  changes?: boolean;
}

interface Measured {
  value: number | null;
  from: IsoDate | null;
  to: IsoDate | null;
  reason?: string;
}

/** Roles each section reads when note.yaml names none (the weekly outlook's). */
const WEEKLY_ROLES: Record<SectionName, string[]> = {
  lead: ['smallCap', 'largeCap', 'smallFund', 'largeFund'],
  pnf: ['smallFund', 'largeFund', 'smallCap', 'largeCap', 'yield'],
  rs: ['smallFund', 'largeFund', 'marketBenchmark'],
  rates: ['yield', 'smallCap', 'largeCap', 'smallFund', 'largeFund'],
  correlation: ['yield', 'smallCap', 'largeCap', 'smallFund', 'largeFund'],
  seasonal: ['yield', 'smallCap', 'largeCap', 'smallFund', 'largeFund'],
  breadth: [],
  score: ['smallFund', 'largeFund', 'marketBenchmark'],
  ranking: [],
  performance: [],
  yieldWatch: ['yield', 'equity'],
  changes: [],
};

/** The roles a declared section reads: the ones it names (`rs` pairs split), else the weekly outlook's. */
export function sectionRoles(s: SectionRequest): string[] {
  if (s.roles) return [...new Set(s.roles.flatMap((r) => r.split('/')))].concat(s.name === 'score' ? ['marketBenchmark'] : []);
  return WEEKLY_ROLES[s.name];
}

/** The series keys a note needs, in note.yaml's order of roles: the roles its declared sections read (universes are checked by breadth). */
export function requiredSeries(config: Pick<NoteConfig, 'roles' | 'sections'>): string[] {
  const read = new Set(config.sections.flatMap(sectionRoles));
  return [...new Set(Object.entries(config.roles).filter(([role]) => read.has(role)).map(([, key]) => key))];
}

/** A role every declared section needs but note.yaml leaves out: one clear error. */
function requireRoles(config: NoteConfig, roles: Roles, who: string): void {
  for (const s of config.sections) {
    for (const role of sectionRoles(s)) {
      if (roles[role] === undefined && !config.optionalRoles.includes(role)) {
        fail('CONFIG', `${who}: the section "${s.name}" reads the role "${role}", which note.yaml's roles does not define`, {
          hint: `Add \`${role}: SYMBOL\` under roles in note.yaml, or name the roles the section reads: \`- ${s.name}: [ROLE]\`.`,
        });
      }
    }
  }
}

/**
 * The history each section needs, so a series too short fails as one data error naming it: the correlation
 * window (plus the day before it) of the yield and the two indexes, and a year (252 trading days, the score's
 * warm-up) of each fund, its peer and the market benchmark.
 */
export function historyNeeds(config: NoteConfig): HistoryNeed[] {
  const r = config.roles;
  const { correlationWindow } = config.settings;
  const known = (k: string | undefined): k is string => k !== undefined;
  const funds = [r.smallFund, r.largeFund].filter(known);
  // each fund's peers: note.yaml peers, else the funds of the other size groups (as the score reads them)
  const peersOf = (f: string) => (config.peers[f] !== undefined ? [config.peers[f]].flat() : Object.values(config.sizeGroups).filter((g) => !g.includes(f)).flat());
  const scoreKeys = [...funds, r.marketBenchmark, ...funds.flatMap(peersOf)].filter(known);
  return [
    ...[r.yield, r.largeCap, r.smallCap].filter(known).map((key) => ({ key, rows: correlationWindow + 1, section: 'rates and correlation' })),
    ...[...new Set(scoreKeys)].map((key) => ({ key, rows: SCORE_WARMUP_DAYS, section: 'score' })),
  ];
}

/** Trading days before the score is defined (metrics/score.ts warm-up). */
const SCORE_WARMUP_DAYS = 252;

const METHODS = {
  ytd: 'close on the as-of date / last close of the prior calendar year − 1, in percent (methodology §10)',
  h1: 'last close on or before 30 June / last close of the prior year − 1, in percent; to date while the as-of date is in H1',
  h2: 'last close of the year (or the as-of close, in H2 to date) / last close on or before 30 June − 1, in percent',
  week: "close on the as-of date / last close on or before the previous note's date (the Friday of the week before) − 1, in percent",
};

function returnFigure(m: Measured, s: Series, method: string): Figure {
  return figure(m.value, { unit: 'percent', from: m.from, to: m.to, inputs: [`${s.key} (${s.file})`], method, reason: m.reason });
}

/** Who leads on the returns as the note prints them: the same rule as the `comparison` judgement, so the plain
 * field and the judgement never disagree (a tie is equal printed returns). */
function leader(small: number | null, large: number | null, decimals: number): 'small' | 'large' | 'tie' | null {
  if (small === null || large === null) return null;
  const gap = printedGap(small, large, decimals);
  return gap === 0 ? 'tie' : gap > 0 ? 'small' : 'large';
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

/**
 * Compute the facts of a note for one as-of date: only the sections it declares, for the roles they name. The
 * comparison week's facts (what changed) are started before this date's universe sections, and both are finished
 * after: `market-note facts` may still be reading the universe files in a worker (data/load-market.ts), and this
 * thread computes everything else of both dates meanwhile.
 */
export function buildFacts(market: Market, config: NoteConfig, options: BuildFactsOptions = {}): Facts {
  const started = startFacts(market, config, options);
  const comparison = options.changes === false ? undefined : startComparison(market, config, started.facts, options);
  const facts = started.finish();
  // 6. what changed since the comparison date
  if (options.changes !== false) facts.changes = factsChanges(market, config, facts, options, comparison);
  return facts;
}

/**
 * The facts of a note for one date in two steps: `startFacts` computes every section that reads no universe and
 * returns those facts so far; `finish` adds the universe's (breadth), the data notes and the judgements, and
 * remembers the facts for a later comparison. Without `finish` the facts are not complete.
 */
function startFacts(market: Market, config: NoteConfig, options: BuildFactsOptions): { facts: Facts; finish: () => Facts } {
  // 1. roles and coverage
  const who = `note "${options.noteName ?? 'weekly-outlook'}"${options.symbol ? ` for ${options.symbol}` : ''}`;
  const roles: Roles = { ...config.roles };
  if (options.symbol !== undefined) {
    if (!config.each) fail('USAGE', `${who}: the note is not built per symbol (note.yaml has no \`each\` role)`, { hint: 'Drop --symbols/--each, or add `each: ROLE` to note.yaml.' });
    roles[config.each] = options.symbol;
  }
  const missing: Facts['missing'] = [];
  for (const role of config.optionalRoles) {
    const key = roles[role];
    if (key !== undefined && !(key in market.series) && !(key in market.universes)) {
      delete roles[role];
      missing.push({ section: `roles.${role}`, reason: `${key} (role ${role}) is not in the market data` });
    }
  }
  requireRoles(config, roles, who);
  const declared = new Map(config.sections.map((s) => [s.name, s] as const));
  const has = (n: SectionName) => declared.has(n);
  const needed = requiredSeries({ roles, sections: config.sections });
  requireSeries(market, needed, who);
  // The note's calendar: its large-cap index when it has one, else its first series.
  const choice = resolveAsOf(market, needed, roles.largeCap ?? needed[0], options.asOf, { allowStale: options.allowStale });
  const asOf = choice.asOf;
  // the note's own date only: a comparison week short of history just has fewer changes to report
  if (options.compare !== false && has('score') && has('correlation')) requireHistory(market, historyNeeds(cfgOf(config, roles)), asOf);
  const S = (key: string): Series => market.series[key];
  const cfg: NoteConfig = { ...config, roles };
  const wanted = new Set(config.charts.map((c) => c.kind));
  const charts: ChartData = {};
  const facts = {
    asOf,
    note: { name: options.noteName ?? 'weekly-outlook', title: seasonTitle(config, asOf), standfirst: config.standfirst ?? '', desk: config.desk },
    data: {
      source: market.source, demo: market.source === 'demo', series: {} as Record<string, SeriesInfo>, caveats: [] as string[],
      reference: choice.reference, requestedAsOf: choice.requested, rolledBack: choice.rolledBack,
      ...(choice.limitedBy ? { limitedBy: choice.limitedBy } : {}),
      stale: choice.stale.map((x) => ({ key: x.key, name: S(x.key).name, lastDate: x.lastDate })),
    },
    roles,
    symbol: options.symbol ?? null,
  } as Facts;

  // 3. returns for the series the narrative compares
  if (has('lead')) {
    const returnKeys = [...new Set([roles.smallCap, roles.largeCap, roles.smallFund, roles.largeFund])];
    const returns: NonNullable<Facts['returns']> = { ytd: {}, h1: {}, h2: {}, week: {} };
    for (const key of returnKeys) {
      const s = S(key);
      returns.ytd[key] = returnFigure(ytdReturn(s, asOf), s, METHODS.ytd);
      returns.h1[key] = returnFigure(h1Return(s, asOf), s, METHODS.h1);
      returns.h2[key] = returnFigure(h2Return(s, asOf), s, METHODS.h2);
      returns.week[key] = returnFigure(periodReturn(s, previousNoteDate(asOf, DEFAULT_THRESHOLDS), asOf), s, METHODS.week);
    }
    const side = (key: string) => ({ key, name: S(key).name, ytd: returns.ytd[key], h1: returns.h1[key], h2: returns.h2[key], week: returns.week[key] });
    const small = side(roles.smallCap);
    const large = side(roles.largeCap);
    const inH2 = asOf.slice(5) > '06-30';
    const decimals = thresholdsWith(config.thresholds).returnDecimals;
    const h1Leader = leader(small.h1.value, large.h1.value, decimals);
    const h2Leader = inH2 ? leader(small.h2.value, large.h2.value, decimals) : null;
    facts.returns = returns;
    facts.lead = {
      small,
      large,
      ytdLeader: leader(small.ytd.value, large.ytd.value, decimals),
      ytdGap: gapFigure(small.ytd, large.ytd, 'YTD'),
      inH2,
      h1Leader,
      h2Leader,
      h2Gap: gapFigure(small.h2, large.h2, 'H2'),
      h2Reversed: h1Leader !== null && h2Leader !== null && h1Leader !== 'tie' && h2Leader !== 'tie' && h1Leader !== h2Leader,
      ytdDays: datesAfterUpTo(S(roles.largeCap).dates, yearEnd(yearOf(asOf) - 1), asOf),
      h2Days: datesAfterUpTo(S(roles.largeCap).dates, midYear(yearOf(asOf)), asOf),
      lastYear: lastYearReturns(S(roles.smallCap), S(roles.largeCap), asOf),
    } satisfies LeadFacts;
    if (wanted.has('ytd')) {
      charts.ytd = [
        { key: large.key, name: large.name, role: 'largeCap', series: rebasedYtd(S(large.key), asOf) },
        { key: small.key, name: small.name, role: 'smallCap', series: rebasedYtd(S(small.key), asOf) },
      ];
    }
  }

  // 4. P&F, RS, rates, correlation, seasonality
  const pnfReq = declared.get('pnf');
  const rsReq = declared.get('rs');
  if (pnfReq && !pnfReq.roles && rsReq && !rsReq.roles) {
    // the weekly outlook's P&F and RS, with the small-cap fund's chart
    const pnf = pnfSection(market, cfg, asOf);
    facts.pnf = pnf.pnf;
    facts.rs = pnf.rs;
    if (wanted.has('pnf')) charts.pnf = pnf.chart;
  } else {
    if (pnfReq) {
      facts.pnf = {};
      for (const key of keysOf(pnfReq, roles)) facts.pnf[key] = pnfFacts(S(key), cfg, asOf).facts;
    }
    if (rsReq) {
      facts.rs = {};
      for (const pair of rsReq.roles ?? []) {
        const [a, b] = pair.split('/').map((r) => roles[r]);
        if (a === undefined || b === undefined) continue;
        facts.rs[`${a}_vs_${b}`] = rsFacts(S(a), S(b), asOf);
      }
    }
  }
  if (has('rates') || has('correlation') || has('seasonal')) {
    const stats = marketStatsSection(market, cfg, asOf);
    if (has('rates')) {
      facts.rates = stats.rates;
      if (wanted.has('rates')) charts.rates = stats.charts.rates;
    }
    if (has('correlation')) {
      facts.correlation = stats.correlation;
      if (wanted.has('correlation')) charts.correlation = stats.charts.correlation;
    }
    if (has('seasonal')) {
      facts.seasonal = stats.seasonal;
      if (wanted.has('seasonal')) charts.seasonal = stats.charts.seasonal;
    }
  }
  //    breadth (§4), score (§5.2), size-group ranking (§6.2); the breadth is computed last of the three (below), as
  //    `market-note facts` reads the universe in a worker meanwhile, but its chart keeps its place among the charts
  if (has('breadth') && wanted.has('breadth')) charts.breadth = undefined;
  const scoreReq = declared.get('score');
  const scoreHistory: Record<string, DatedValues> = {};
  if (scoreReq && !scoreReq.roles) {
    const score = scoreSection(market, cfg, asOf);
    for (const g of Object.values(score.score.gap)) {
      const d = g.smallestSince.value;
      g.smallestSinceNotable = g.value.value !== null && (d === null || daysBetween(d, asOf) >= 90);
    }
    facts.score = score.score;
    if (wanted.has('score')) charts.score = score.chart;
  } else if (scoreReq) {
    const funds: Record<string, NonNullable<Facts['score']>[string]> = {};
    for (const key of keysOf(scoreReq, roles)) {
      const one = fundScoreSection(market, cfg, key, asOf);
      funds[key] = one.score;
      scoreHistory[key] = one.history;
      // the score's warnings (a high/low method on closes only, no peer fund) are the operator's, in score.<key>.warnings;
      // the note says in its own words what they change (the disclaimer's closes line, the benchmark standing in for peers)
      if (one.score.value.value === null) missing.push({ section: 'score', reason: one.score.value.reason ?? `no score for ${key}` });
    }
    facts.score = Object.assign(funds, { gap: {} }) as NonNullable<Facts['score']>;
  }
  if (has('ranking')) facts.ranking = rankingSection(market, cfg, asOf).ranking;
  return { facts, finish: finishFacts };

  function finishFacts(): Facts {
    if (has('breadth')) {
      const breadth = breadthSection(market, cfg, asOf);
      facts.universe = universeInfo(market, roles.universe);
      facts.breadth = breadth.breadth;
      if (wanted.has('breadth')) charts.breadth = breadth.chart;
    }
    const perfReq = declared.get('performance');
    if (perfReq) {
      facts.performance = {};
      for (const key of keysOf(perfReq, roles)) {
        const p = performanceFacts(S(key), asOf);
        facts.performance[key] = p;
        for (const period of ['twelveMonths', 'threeMonths', 'month'] as const) {
          if (p[period].value === null) missing.push({ section: `performance.${period}`, reason: p[period].reason ?? `no ${period} return for ${key}` });
        }
      }
    }
    const ywReq = declared.get('yieldWatch');
    if (ywReq) {
      const [y, eq] = keysOf(ywReq, roles);
      facts.yieldWatch = yieldWatchSection(S(y), S(eq), cfg.settings, asOf);
    }
    if (has('lead')) {
      facts.keys = {
        rsSmallVsMarket: `${roles.smallFund}_vs_${roles.marketBenchmark}`,
        rsLargeVsMarket: `${roles.largeFund}_vs_${roles.marketBenchmark}`,
        rsSmallVsLarge: `${roles.smallFund}_vs_${roles.largeFund}`,
        scoreGap: `${roles.largeFund}_${roles.smallFund}`,
      };
    }

    // 5. chart data of the charts asked for by id (the weekly kinds above are keyed by their kind)
    const extra: Record<string, ExtraChartData> = {};
    for (const c of config.charts) {
      const key = c.series?.[0] !== undefined ? roles[c.series[0]] : undefined;
      if (key === undefined) continue;
      const s = S(key);
      if (c.kind === 'pnf') {
        const data = pnfChartData(key, s.name, configuredChart(s, cfg, asOf).chart, c.window ?? 48);
        if (data) extra[c.id] = { kind: 'pnf', data };
      } else if (c.kind === 'level') {
        extra[c.id] = { kind: 'level', key, name: s.name, unit: s.kind === 'yield' ? 'percent-yield' : 'price', series: lastRows(s, asOf, c.window ?? 252) };
      } else if (c.kind === 'scoreHistory' && scoreHistory[key]) {
        const h = scoreHistory[key];
        const n = Math.min(h.dates.length, c.window ?? 252);
        const sc = facts.score?.[key] as FundScore | undefined;
        const compared = sc ? [...new Set([sc.benchmarks.market, ...sc.peerGroup.keys])].filter((k) => k !== key) : [];
        extra[c.id] = { kind: 'scoreHistory', key, name: s.name, compared, series: { dates: h.dates.slice(-n), values: h.values.slice(-n) } };
      }
    }
    if (Object.keys(extra).length) charts.extra = extra;
    facts.charts = charts;

    const series = facts.data.series;
    const caveats = facts.data.caveats;
    const staleKeys = new Set(choice.stale.map((x) => x.key));
    for (const key of needed) if (market.series[key]) series[key] = seriesInfo(S(key), asOf, cfg, staleKeys.has(key));
    // series read beyond the roles: the score's peer funds and the size groups' funds of the ranking
    const peerKeys = Object.values(facts.score ?? {}).flatMap((v) => (v as { peerGroup?: { keys?: string[] } } | undefined)?.peerGroup?.keys ?? []);
    const groupKeys = (facts.ranking?.sizeGroups ?? []).flatMap((g) => g.members);
    const read = [...new Set([...needed, ...[...peerKeys, ...groupKeys].filter((k) => market.series[k])])];
    for (const key of read) series[key] ??= seriesInfo(S(key), asOf, cfg, staleKeys.has(key));
    if (has('breadth') && roles.universe && market.universes[roles.universe]) {
      const u = market.universes[roles.universe];
      const last = lastIndexOnOrBefore(u.dates, asOf);
      series[u.key] = {
        key: u.key, name: `${u.name}, ${u.members.length} members`, file: basename(u.file), firstDate: u.dates[0], lastDate: u.dates[Math.max(0, last)],
        priceField: null, adjusted: false, highLowFallback: false, priceBasis: 'closing prices', stale: false,
      };
    }
    // in the client's words: what the figures are, not how the note is configured (warnings tell the desk that); one
    // line per reason, naming every series it concerns
    const named = (keys: string[]) => keys.map((k) => (series[k].name === k ? k : `${series[k].name} (${k})`)).join(', ');
    const adjusted = read.filter((k) => series[k]?.adjusted);
    const closesOnly = read.filter((k) => series[k]?.highLowFallback);
    if (adjusted.length) caveats.push(`Dividend-adjusted closes: ${named(adjusted)}; levels and highs sit below the prices ${adjusted.length > 1 ? 'they' : 'it'} traded at.`);
    // a per-symbol note on a stock's plain closes, compared with dividend-adjusted funds (2022-10-14: ABCB's returns and
    // its relative strength against RSP, with nothing saying that only one side counts dividends)
    const sym = options.symbol;
    if (sym && series[sym] && !series[sym].adjusted && adjusted.length) {
      caveats.push(`${named([sym])}: closing prices, not adjusted for dividends; its returns, and its relative strength against the dividend-adjusted ${adjusted.length > 1 ? 'funds' : 'fund'} above, leave out its dividends.`);
    }
    if (closesOnly.length) caveats.push(`Closes only, so the Point & Figure ${closesOnly.length > 1 ? 'charts use' : 'chart uses'} closing prices rather than daily highs and lows: ${named(closesOnly)}.`);
    for (const x of choice.stale) {
      caveats.push(`${series[x.key].name} (${x.key}): the data ends on ${longDate(x.lastDate)}, before the as-of date ${longDate(asOf)}; the series is stale and its figures are as of its last date.`);
    }
    const bp = roles.universe && facts.breadth ? facts.breadth[roles.universe] : undefined;
    if (bp && bp.membersListed !== bp.members && bp.bullishPercent.value !== null) {
      caveats.push(
        `${market.universes[roles.universe!].name}: ${bp.members} of the ${bp.membersListed} listed members have a Point & Figure signal on ${longDate(asOf)} ` +
          `and make up the bullish percent (${bp.membersWithData} have a close that day).`,
      );
    }
    facts.changes = { since: null, items: [] };
    facts.missing = missing;
    facts.thresholds = thresholdsWith(config.thresholds as Parameters<typeof thresholdsWith>[0]);
    // the weekly outlook's wording decisions (they read its lead, RS and score sections)
    if (isWeekly(facts)) facts.judgements = judgeFacts(facts, facts.thresholds);
    ordered(facts);

    remember(market, config, asOf, facts, options.symbol);
    return facts;
  }
}

/**
 * What changed since the comparison date (step 6 of {@link buildFacts}): the facts of that date (only rows ≤ it;
 * remembered ones are reused) diffed with `facts`. `options` are those `facts` were built with.
 */
export function factsChanges(
  market: Market,
  config: NoteConfig,
  facts: Facts,
  options: BuildFactsOptions = {},
  started: StartedComparison | undefined = startComparison(market, config, facts, options),
): Facts['changes'] {
  if (!started) return { since: null, items: [] };
  const prev = started.recalled ?? started.facts!.finish();
  // P&F changes of the charts the note's text reads: the roles `changes` names (all charts when it names none)
  const changesReq = config.sections.find((s) => s.name === 'changes')!;
  const pnfKeys = changesReq.roles ? keysOf(changesReq, facts.roles) : undefined;
  return { since: started.prevDate, items: whatChanged(prev, facts, { pnfKeys }) };
}

/** The comparison date's facts: remembered, or started ({@link startFacts}) and still to finish. */
interface StartedComparison {
  prevDate: IsoDate;
  recalled?: Facts;
  facts?: { finish: () => Facts };
}

/**
 * The comparison date of `facts` (whose date, roles and reference calendar are set: they may be started only) and its
 * facts, remembered or started; undefined when the note reports no changes or has no comparison date.
 */
function startComparison(market: Market, config: NoteConfig, facts: Facts, options: BuildFactsOptions): StartedComparison | undefined {
  const changesReq = config.sections.find((s) => s.name === 'changes');
  if (options.compare === false || !changesReq) return undefined;
  const asOf = facts.asOf;
  const target = comparisonDate(asOf, options.compare || undefined);
  const trading = market.series[facts.data.reference].dates;
  const i = lastIndexOnOrBefore(trading, target);
  const prevDate = i >= 0 ? trading[i] : null;
  const needed = requiredSeries({ roles: facts.roles, sections: config.sections });
  if (!prevDate || prevDate >= asOf || prevDate < firstCommonDate(market, needed)) return undefined;
  const recalledFacts = recalled(market, config, prevDate, options.symbol);
  if (recalledFacts) return { prevDate, recalled: recalledFacts };
  return { prevDate, facts: startFacts(market, config, { ...options, asOf: prevDate, compare: false }) };
}

/**
 * The last few facts built per market and note config, so a batch of consecutive weeks computes each week once:
 * week N's facts are week N+1's comparison. Bounded (memory stays flat over long batches); facts are pure
 * functions of (market, config, as-of), so a remembered object is exactly what a rebuild would give.
 */
const memory = new WeakMap<Market, WeakMap<NoteConfig, Map<IsoDate, Facts>>>();
const MEMORY_SIZE = 4;

function remember(market: Market, config: NoteConfig, asOf: IsoDate, facts: Facts, symbol = ''): void {
  asOf = `${symbol}@${asOf}`;
  let byConfig = memory.get(market);
  if (!byConfig) memory.set(market, (byConfig = new WeakMap()));
  let byDate = byConfig.get(config);
  if (!byDate) byConfig.set(config, (byDate = new Map()));
  byDate.delete(asOf);
  byDate.set(asOf, facts);
  if (byDate.size > MEMORY_SIZE) byDate.delete(byDate.keys().next().value as IsoDate);
}

function recalled(market: Market, config: NoteConfig, asOf: IsoDate, symbol = ''): Facts | undefined {
  return memory.get(market)?.get(config)?.get(`${symbol}@${asOf}`);
}

/** The first date on which every required series has a row. */
function firstCommonDate(market: Market, keys: string[]): IsoDate {
  return keys.map((k) => market.series[k].dates[0]).sort().pop() ?? '';
}

/** Series keys of the roles a section names (roles dropped as missing are skipped). */
function keysOf(req: SectionRequest, roles: Roles): string[] {
  return [...new Set((req.roles ?? WEEKLY_ROLES[req.name]).map((r) => roles[r]).filter((k): k is string => k !== undefined))];
}

/** The last `n` closes on or before the as-of date, as chart points. */
function lastRows(s: Series, asOf: IsoDate, n: number): DatedValues {
  const end = lastCloseIndexOnOrBefore(s, asOf);
  const dates: IsoDate[] = [];
  const values: (number | null)[] = [];
  for (let i = Math.max(0, end - n + 1); i <= end; i++) {
    if (!Number.isFinite(s.close[i])) continue;
    dates.push(s.dates[i]);
    values.push(s.close[i]);
  }
  return { dates, values };
}

/** Key order of the facts object (the JSON file and the generated dictionary follow it). */
const FACTS_ORDER = ['asOf', 'note', 'data', 'roles', 'keys', 'returns', 'lead', 'pnf', 'rs', 'rates', 'correlation', 'seasonal', 'universe', 'breadth', 'score', 'ranking', 'performance', 'yieldWatch', 'changes', 'charts', 'judgements', 'thresholds', 'symbol', 'missing'];

/** Put the facts' keys in FACTS_ORDER, in place (sections not computed stay absent). */
function ordered(facts: Facts): void {
  const f = facts as unknown as Record<string, unknown>;
  const copy = { ...f };
  for (const k of Object.keys(f)) delete f[k];
  for (const k of FACTS_ORDER) if (copy[k] !== undefined) f[k] = copy[k];
}

/** The facts hold every section the weekly judgements read (correlation included). */
function isWeekly(f: Facts): f is WeeklyFacts {
  return Boolean(f.keys && f.returns && f.lead && f.pnf && f.rs && f.correlation && f.universe && f.breadth && f.score);
}

/** The config with the roles in force (a per-symbol run replaces one). */
function cfgOf(config: NoteConfig, roles: Roles): NoteConfig {
  return { ...config, roles };
}
