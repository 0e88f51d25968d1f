/**
 * Every chart of the note, from the facts alone:
 *
 *   facts.charts.<id> ──spec builder──▶ Vega-Lite spec (data inlined) ──toSvg──▶ static SVG
 *                     └─ alt text (the key numbers in a sentence) and the "Source: …; data through …" line
 *
 * A chart whose data is absent from the facts is left out (the template decides whether it needs it).
 */
import type { ChartData, ExtraChartData, Facts, LeadFacts } from '../facts/types.js';
import { levelLineSpec } from './level-line.js';
import { breadthChartSpec, type BreadthData } from './breadth-chart.js';
import { correlationChartSpec, type CorrelationData } from './correlation-chart.js';
import { num, shortDate, signed } from './format.js';
import { pnfChartSpec } from './pnf-chart.js';
import { ratesChartSpec, type RatesData } from './rates-chart.js';
import { scoreLinesSpec, type ScoreData } from './score-lines.js';
import { seasonalBarsSpec, type SeasonalData } from './seasonal-bars.js';
import { toSvg } from './to-svg.js';
import { ytdLinesSpec } from './ytd-lines.js';
import type { TopLevelSpec } from 'vega-lite';

/** A rendered chart: static SVG plus the words around it. */
export interface RenderedChart {
  id: string;
  svg: string;
  /** Plain-text description for alt text and the e-mail edition: a sentence with the key numbers. */
  alt: string;
  /** "Source: …; data through …" */
  source: string;
}

export type Figures = Record<string, RenderedChart>;

/** The ids of the charts a note can have, in the order they are built. */
export const CHART_IDS = ['ytd', 'pnf', 'score', 'breadth', 'rates', 'correlation', 'seasonal'] as const;

/**
 * A figure for every chart id (default: the weekly outlook's) without drawing anything: for checks of wording,
 * where the charts do not matter.
 */
export function placeholderFigures(make?: (id: string) => RenderedChart): Figures;
export function placeholderFigures(ids: readonly string[], make?: (id: string) => RenderedChart): Figures;
export function placeholderFigures(a?: readonly string[] | ((id: string) => RenderedChart), b?: (id: string) => RenderedChart): Figures {
  const ids = Array.isArray(a) ? a : CHART_IDS;
  const make = (typeof a === 'function' ? a : b) ?? ((id: string) => ({ id, svg: '', alt: id, source: '' }));
  return Object.fromEntries(ids.map((id) => [id, make(id)]));
}
export type ChartId = (typeof CHART_IDS)[number];

/** A chart before rendering: its spec and its words. */
export interface ChartPlan {
  /** A weekly chart's kind, or the id a note gave a chart in note.yaml `charts`. */
  id: ChartId | string;
  spec: TopLevelSpec;
  alt: string;
  source: string;
}

/** Every chart of the note, from the facts alone, rendered to SVG in Node. */
export async function buildCharts(facts: Facts): Promise<Figures> {
  const figures: Figures = {};
  for (const plan of chartPlans(facts)) {
    figures[plan.id] = { id: plan.id, svg: await toSvg(plan.spec), alt: plan.alt, source: plan.source };
  }
  return figures;
}

/**
 * The spec, alt text and source line of every chart whose data the facts carry (pure: no rendering).
 * @example chartPlans(facts).map((p) => p.id) //=> ['ytd', 'pnf', 'score', 'breadth', 'rates', 'correlation', 'seasonal']
 */
export function chartPlans(facts: Facts): ChartPlan[] {
  const c: ChartData = facts.charts;
  const plans: ChartPlan[] = [];
  if (c.ytd && facts.lead) plans.push(ytdPlan(facts, c.ytd, facts.lead));
  if (c.pnf) plans.push(pnfPlan(facts, c.pnf));
  if (c.score) plans.push(scorePlan(facts, c.score));
  if (c.breadth) plans.push(breadthPlan(facts, c.breadth));
  if (c.rates) plans.push(ratesPlan(facts, c.rates));
  if (c.correlation) plans.push(correlationPlan(facts, c.correlation));
  if (c.seasonal) plans.push(seasonalPlan(facts, c.seasonal));
  for (const [id, e] of Object.entries(c.extra ?? {})) plans.push(extraPlan(facts, id, e));
  return plans;
}

/** The last date of the data a chart draws, never after the as-of date. */
function through(facts: Facts, ...dateLists: string[][]): string {
  let last = '';
  for (const ds of dateLists) for (const d of ds) if (d > last && d <= facts.asOf) last = d;
  return last || facts.asOf;
}

/** The last date of the named series (the earliest of their last dates), never after the as-of date. */
function seriesThrough(facts: Facts, keys: string[]): string {
  const lasts = keys.map((k) => facts.data.series[k]?.lastDate).filter((d): d is string => Boolean(d)).sort();
  const last = lasts[0] ?? facts.asOf;
  return last < facts.asOf ? last : facts.asOf;
}

/** `iShares Russell 2000 ETF (IWM)`, or just `IWM` when the data gives no other name. */
function named(name: string, key: string): string {
  return name === key ? key : `${name} (${key})`;
}

function nameOf(facts: Facts, key: string): string {
  return facts.data.series[key]?.name ?? key;
}

function source(what: string, date: string, note?: string, facts?: Facts, keys: string[] = []): string {
  return `Source: ${what}${note ? `; ${note}` : ''}; data through ${shortDate(date)}${facts ? staleNote(facts, keys) : ''}.`;
}

/** `; TNX stale: data ends 10 Dec 2025` for each of `keys` the facts mark stale (built with --allow-stale). */
function staleNote(facts: Facts, keys: string[]): string {
  return keys
    .map((k) => facts.data.series[k])
    .filter((s) => s?.stale)
    .map((s) => `; ${s.key} stale: data ends ${shortDate(s.lastDate)}`)
    .join('');
}

/**
 * "S&P 500 daily closes, iShares Russell 2000 ETF dividend-adjusted daily closes": the names of `keys` (in order)
 * grouped by whether their closes are dividend-adjusted.
 */
function closesOf(facts: Facts, keys: string[], names: string[]): string {
  const adjusted = (k: string) => facts.data.series[k]?.adjusted === true;
  const plain = names.filter((_, i) => !adjusted(keys[i]));
  const adj = names.filter((_, i) => adjusted(keys[i]));
  return [plain.length ? `${plain.join(', ')} daily closes` : '', adj.length ? `${adj.join(', ')} dividend-adjusted daily closes` : '']
    .filter(Boolean)
    .join('; ');
}

function pct(v: number | null): string {
  return v === null ? 'n/a' : `${signed(v)}%`;
}

function ytdPlan(facts: Facts, ytd: NonNullable<ChartData['ytd']>, lead: LeadFacts): ChartPlan {
  const lines = ytd.map((l) => ({
    key: l.key,
    name: l.name,
    role: l.role,
    ytd: (l.key === lead.small.key ? lead.small : lead.large).ytd.value,
    points: l.series.dates.flatMap((d, i) => {
      const v = l.series.values[i];
      return v === null || !Number.isFinite(v) ? [] : [{ date: d, value: v }];
    }),
  }));
  const { small, large } = lead;
  return {
    id: 'ytd',
    spec: ytdLinesSpec(lines),
    alt: `Year-to-date paths rebased to 100 at the prior year-end: ${small.name} ${pct(small.ytd.value)}, ${large.name} ${pct(large.ytd.value)}.`,
    source: source(closesOf(facts, [large.key, small.key], [large.name, small.name]), through(facts, ...ytd.map((l) => l.series.dates)), undefined, facts, [large.key, small.key]),
  };
}

/** A chart a note asked for by id: a P&F chart, a level line or a score history of one series. */
function extraPlan(facts: Facts, id: string, e: ExtraChartData): ChartPlan {
  if (e.kind === 'pnf') return { ...pnfPlan(facts, e.data), id };
  const last = lastFinite(e.series);
  const since = e.series.dates[0];
  if (e.kind === 'scoreHistory') {
    return {
      id,
      spec: levelLineSpec(e.series, { title: 'Trend-and-RS score', label: (v) => `${e.key} ${num(v, 1)}`, domain: [0, 6] }),
      alt: `Trend-and-RS score of ${e.name}${since ? ` since ${shortDate(since)}` : ''}${last ? `: ${num(last.value, 1)} on ${shortDate(last.date)}` : ''}.`,
      source: source(
        closesOf(facts, [e.key, ...e.compared], [named(e.name, e.key), ...e.compared.map((k) => named(nameOf(facts, k), k))]),
        through(facts, e.series.dates),
        `score: this project's trend-and-RS measure of ${e.key} against ${e.compared.join(' and ') || 'no benchmark'}`,
        facts,
        [e.key, ...e.compared],
      ),
    };
  }
  const yieldLine = e.unit === 'percent-yield';
  const fmt = (v: number) => (yieldLine ? `${v.toFixed(2)}%` : num(v, 2));
  return {
    id,
    spec: levelLineSpec(e.series, { title: yieldLine ? `${e.name}, %` : `${e.name}, close`, label: (v) => `${e.key} ${fmt(v)}`, color: yieldLine ? 'rates' : 'smallCap' }),
    alt: `${e.name} daily close${since ? ` since ${shortDate(since)}` : ''}${last ? `: ${fmt(last.value)} on ${shortDate(last.date)}` : ''}.`,
    source: source(`${named(e.name, e.key)} daily closes`, through(facts, e.series.dates)),
  };
}

function pnfPlan(facts: Facts, d: NonNullable<ChartData['pnf']>): ChartPlan {
  const cols = d.columns;
  const last = cols[cols.length - 1];
  const lvl = (k: number) => d.levels[k - d.minIndex];
  const parts = [`Point and figure chart of ${d.name}, box size ${d.boxLabel}, ${count(cols.length, 'column')}`];
  // the last column's end is the day its last box printed, not the chart's last day (2022-01-14: "to 1 Dec 2021")
  if (cols.length) parts[0] += ` from ${shortDate(cols[0].start)}, the last box printed on ${shortDate(last.end)}`;
  if (last) parts.push(last.type === 'X' ? `the last column is Xs rising to ${lvl(last.highIndex)}` : `the last column is Os falling to ${lvl(last.lowIndex)}`);
  if (d.lastSignal) parts.push(`the last signal is a ${d.lastSignal.type} signal at ${d.lastSignal.level} on ${shortDate(d.lastSignal.date)}`);
  if (d.trendLine) parts.push(d.trendLine.type === 'BSL' ? 'the bullish support line is in force' : 'the bearish resistance line is in force');
  return {
    id: 'pnf',
    spec: pnfChartSpec(d),
    alt: `${parts.join('; ')}.`,
    // the chart reads every day up to the as-of date, even if no box printed on the last ones
    source: source(`${named(d.name, d.key)} ${facts.data.series[d.key]?.priceBasis ?? 'daily prices'}`, seriesThrough(facts, [d.key]), `P&F box ${d.boxLabel}`, facts, [d.key]),
  };
}

function scorePlan(facts: Facts, d: ScoreData): ChartPlan {
  let i = d.dates.length - 1;
  while (i >= 0 && (d.smallValues[i] === null || d.largeValues[i] === null)) i--;
  let alt = `Trend-and-RS score of ${d.small.name} and ${d.large.name} over the last year`;
  if (i >= 0) {
    const s = d.smallValues[i] as number;
    const l = d.largeValues[i] as number;
    // Who is ahead is the note's own judgement (on the printed scores), so the alt text says what the text says.
    const j = facts.judgements?.score;
    const who = j ? (j.higher === 'small' ? `${d.small.key} ahead by ${num(j.gapSize ?? 0)}` : j.higher === 'large' ? `${d.large.key} ahead by ${num(j.gapSize ?? 0)}` : 'level')
      : s > l ? `${d.small.key} ahead by ${num(s - l)}` : s < l ? `${d.large.key} ahead by ${num(l - s)}` : 'level';
    alt += `: on ${shortDate(d.dates[i])} ${d.small.key} ${num(s)} and ${d.large.key} ${num(l)}, ${who}`;
  }
  return {
    id: 'score',
    spec: scoreLinesSpec(d),
    alt: `${alt}.`,
    source: scoreSource(facts, d),
  };
}

/**
 * The score chart's source: the two funds and every series their scores read (the market benchmark and the peer
 * funds), as the facts list them (every weekly named only the two funds, though the scores read RSP and IJR too).
 */
function scoreSource(facts: Facts, d: ScoreData): string {
  const read = [d.small.key, d.large.key].flatMap((k) => {
    const s = facts.score?.[k] as { benchmarks?: { market: string }; peerGroup?: { keys: string[] } } | undefined;
    return [k, ...(s?.benchmarks ? [s.benchmarks.market] : []), ...(s?.peerGroup?.keys ?? [])];
  });
  const keys = [...new Set([d.small.key, d.large.key, ...read])].filter((k) => facts.data.series[k]);
  return source(closesOf(facts, keys, keys.map((k) => (k === d.small.key || k === d.large.key ? nameOf(facts, k) : named(nameOf(facts, k), k)))), through(facts, d.dates), "score: this project's trend-and-RS measure", facts, keys);
}

function breadthPlan(facts: Facts, d: BreadthData): ChartPlan {
  const vals = d.series.values.filter((v): v is number => v !== null && Number.isFinite(v));
  let k = d.series.values.length - 1;
  while (k >= 0 && (d.series.values[k] === null || !Number.isFinite(d.series.values[k] as number))) k--;
  let alt = `Bullish percent of the ${d.name}`;
  // as the text prints it: 49.5 is below the 50% line, 50 is not; one more decimal short of a box not reached
  const decimals = facts.judgements?.breadth?.level.decimals ?? facts.thresholds.breadthDecimals;
  // the reading as the text prints it (the chart's series is stored rounded: 74.053 kept as 74.05 printed 74.0)
  const latest = facts.judgements?.breadth?.level.value ?? null;
  if (k >= 0) alt += `: ${num(latest ?? (d.series.values[k] as number), decimals)}% of members on a point and figure buy signal on ${shortDate(d.series.dates[k])}`;
  if (d.status) alt += ` (status: ${d.status})`;
  if (vals.length) alt += `; range over the chart ${num(Math.min(...vals), 0)}–${num(Math.max(...vals), 0)}%, zones below ${d.lower}% and above ${d.upper}%`;
  return {
    id: 'breadth',
    spec: breadthChartSpec(d, decimals, latest),
    alt: `${alt}.`,
    source: source(`${d.name} member daily closes`, through(facts, d.series.dates), 'bullish percent: members on a P&F buy signal'),
  };
}

function ratesPlan(facts: Facts, d: RatesData): ChartPlan {
  const y = lastFinite(d.yield);
  const s = lastFinite(d.small.series);
  const parts: string[] = [];
  const j = facts.judgements?.rates?.peak;
  // as the text words it: a high the yield stands at, or one at the window's edge, is no peak (2018-01-12: "peaked at
  // 2.55% … 0 bp from the peak … 0.0% since the peak" beside "no peak has formed yet")
  const atHigh = j?.state === 'atPeak';
  const days = facts.rates?.peak?.windowDays;
  // the yield's high is "the peak" only when it is a turning point the yield stands below
  const high = atHigh || j?.atWindowStart ? `${days}-day high` : 'peak';
  if (d.peak) {
    parts.push(
      atHigh ? `${d.yieldName} is at its ${days}-day high, ${d.peak.level.toFixed(2)}% on ${shortDate(d.peak.date)}`
        : j?.atWindowStart ? `${d.yieldName}'s ${days}-day high is ${d.peak.level.toFixed(2)}% on ${shortDate(d.peak.date)}, in the window's first month`
        : `${d.yieldName} peaked at ${d.peak.level.toFixed(2)}% on ${shortDate(d.peak.date)}`,
    );
  }
  const bp = j?.changeBp ?? (d.peak && y ? (y.value - d.peak.level) * 100 : null);
  const yieldNow = facts.rates?.peak?.current?.value ?? null; // the facts' figure, as the text prints it
  if (y && !atHigh) parts.push(`it is ${(yieldNow ?? y.value).toFixed(2)}% on ${shortDate(y.date)}${d.peak && bp !== null ? ` (${signed(bp, 0)} bp from ${high === 'peak' ? 'the peak' : `its ${high}`})` : ''}`);
  // the facts' change since the peak (what the text prints), rounded once; the chart's last point only without it
  const since = facts.rates?.peak?.returnSince[d.small.key]?.value ?? (s ? s.value - 100 : null);
  // the yield's high, named as such: "since its 200-day high" read as the index's own high (2020-02-21)
  if (since !== null && !atHigh) parts.push(`the ${d.small.name} is ${signed(since)}% since the yield's ${high}`);
  return {
    id: 'rates',
    spec: ratesChartSpec(d, { smallSince: since, yieldNow, peakIsOnlyHigh: (facts.judgements?.rates?.peak.atWindowStart || facts.judgements?.rates?.peak.state === 'atPeak') ?? false }),
    alt: `${parts.join('; ') || `${d.yieldName} and ${d.small.name}`}.`,
    source: source(closesOf(facts, [d.yieldKey, d.small.key], [d.yieldName, d.small.name]), through(facts, d.yield.dates, d.small.series.dates), undefined, facts, [d.yieldKey, d.small.key]),
  };
}

function correlationPlan(facts: Facts, d: CorrelationData): ChartPlan {
  const ends = d.lines.map((l) => ({ l, e: lastFinite(l.series) })).filter((x) => x.e);
  const at = ends[0]?.e?.date;
  const alt = `${d.window}-day rolling correlation of daily returns with daily changes in the ${nameOf(facts, facts.roles.yield)}${
    at ? ` on ${shortDate(at)}: ${ends.map(({ l, e }) => `${l.name} ${num(e!.value, 2)}`).join(', ')}` : ''
  }.`;
  const names = [...d.lines.map((l) => l.name), nameOf(facts, facts.roles.yield)];
  return {
    id: 'correlation',
    spec: correlationChartSpec(d),
    alt,
    source: source(closesOf(facts, [...d.lines.map((l) => l.key), facts.roles.yield], names), through(facts, ...d.lines.map((l) => l.series.dates)), undefined, facts, [...d.lines.map((l) => l.key), facts.roles.yield]),
  };
}

function seasonalPlan(facts: Facts, d: SeasonalData): ChartPlan {
  const beat = d.rows.filter((r) => r.beat).length;
  const lag = d.rows.length - beat;
  const years = d.rows.map((r) => r.year).sort((a, b) => a - b);
  const small = nameOf(facts, facts.roles.smallCap);
  const large = nameOf(facts, facts.roles.largeCap);
  const alt = `${small} return in the year after each sample year${years.length ? ` ${years[0]}–${years[years.length - 1]}` : ''}: mean ${pct(d.meanAfterBeat)} after the ${count(beat, 'year')} when small caps beat large caps in the second half, ${pct(d.meanAfterLag)} after the ${count(lag, 'year')} when they lagged.`;
  return {
    id: 'seasonal',
    spec: seasonalBarsSpec(d),
    alt,
    source: source(closesOf(facts, [facts.roles.smallCap, facts.roles.largeCap], [small, large]), seriesThrough(facts, [facts.roles.smallCap, facts.roles.largeCap]), 'calendar-year and second-half returns', facts, [facts.roles.smallCap, facts.roles.largeCap]),
  };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function lastFinite(s: { dates: string[]; values: (number | null)[] }): { date: string; value: number } | null {
  for (let i = s.values.length - 1; i >= 0; i--) {
    const v = s.values[i];
    if (v !== null && Number.isFinite(v)) return { date: s.dates[i], value: v };
  }
  return null;
}
