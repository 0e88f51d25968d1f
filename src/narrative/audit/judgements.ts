/**
 * Rule `judgements`: every judgement in the facts agrees with the figures it summarises.
 *
 * This is a deliberate second implementation of the judgement logic of src/facts/judgements, written apart from
 * it and never importing it: each check below recomputes the decision from the raw figures of the facts object
 * and the thresholds copied into it (`facts.thresholds`), the way a reader with the methodology in hand would.
 * If the duplicate-code tool flags a likeness with src/facts/judgements, that likeness is the point: two
 * implementations that must agree. Keep them apart.
 *
 *   1. walk the facts for every object with a string `kind` (judgements nest: a signal holds a recency)
 *   2. look its kind up in JUDGEMENT_CHECKS; each check returns what disagrees, as short texts
 *   3. FIELD_CHECKS do the same for decisions stored as plain fields (`lead.ytdLeader`, `breadth.*.zone`, …)
 *
 * Kinds with no check are listed by `uncheckedKinds` so the audit can say so; a new kind of judgement should
 * get a check here.
 */
import type { Facts } from '../../facts/types.js';
import { at, daysBetween, indexFacts, plain, type FactsIndex } from './facts-index.js';
import type { Json, Violation } from './types.js';

/** The thresholds the checks read, with the documented defaults (docs/metrics.md "Judgements") as fallback. */
export interface AuditThresholds {
  returnDecimals: number;
  slightBelow: number;
  wideFrom: number;
  recentDays: number;
  noteIntervalDays: number;
  oversold: number;
  midline: number;
  overbought: number;
  breadthDecimals: number;
  investableScore: number;
  scoreDecimals: number;
  correlationDecimals: number;
  weakCorrelation: number;
  correlationDifference: number;
  yieldDecimals: number;
  fallingBp: number;
  weekRiseBp: number;
  seasonalNoiseMultiple: number;
  minYtdDays: number;
  nextYearFromMonth: number;
  verdictLeadFrom: number;
  evidenceMinGap: number;
  evidenceMinScoreGap: number;
  scoreReopenPoints: number;
  scoreNarrowPoints: number;
}

const DOCUMENTED: AuditThresholds = {
  returnDecimals: 1, slightBelow: 2, wideFrom: 5, recentDays: 92, noteIntervalDays: 7, oversold: 30, midline: 50,
  overbought: 70, breadthDecimals: 1, investableScore: 3, scoreDecimals: 1, correlationDecimals: 2,
  weakCorrelation: 0.2, correlationDifference: 0.1, yieldDecimals: 2, fallingBp: 25, weekRiseBp: 5, seasonalNoiseMultiple: 1, minYtdDays: 20,
  nextYearFromMonth: 10, verdictLeadFrom: 4, evidenceMinGap: 0.5, evidenceMinScoreGap: 1, scoreReopenPoints: 0.4, scoreNarrowPoints: 0.5,
};

export function thresholdsOf(facts: Facts): AuditThresholds {
  const t = (facts as unknown as { thresholds?: Partial<AuditThresholds> }).thresholds;
  const out = { ...DOCUMENTED };
  for (const k of Object.keys(DOCUMENTED) as (keyof AuditThresholds)[]) {
    const v = plain(t?.[k]);
    if (typeof v === 'number') out[k] = v;
  }
  return out;
}

/** A figure as printed: `toFixed` rounding, −0 → 0. */
const round = (v: number, d: number): number => {
  const r = Number(v.toFixed(d));
  return r === 0 ? 0 : r;
};
const num = (x: unknown): number | null => {
  const v = plain(x);
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};
/** The Friday of the calendar week (Monday to Sunday) `days` before `date`: the previous note's date. */
const fridayOfWeekBefore = (date: string, days: number): string => {
  const t = new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000);
  const fromMonday = (t.getUTCDay() + 6) % 7;
  return new Date(t.getTime() + (4 - fromMonday) * 86_400_000).toISOString().slice(0, 10);
};

type J = Record<string, Json>;
interface CheckContext {
  facts: Facts;
  t: AuditThresholds;
  /** Dotted path of the judgement in the facts. */
  path: string;
}
/** A check returns what disagrees (empty when all agrees). */
export type JudgementCheck = (j: J, c: CheckContext) => string[];

const differ = (what: string, has: unknown, want: unknown): string[] =>
  JSON.stringify(has) === JSON.stringify(want) ? [] : [`${what} is ${JSON.stringify(has)}, the figures say ${JSON.stringify(want)}`];

/** The P&F facts a chart judgement speaks for, found from where it sits. */
function pnfFor(c: CheckContext): Record<string, unknown> | undefined {
  const key = /(^|\.)rates\./.test(c.path) ? c.facts.roles.yield : /(^|\.)fund\./.test(c.path) ? c.facts.roles.smallFund : undefined;
  return key ? (at(c.facts, `pnf.${key}`) as Record<string, unknown> | undefined) : undefined;
}

/** The RS chart (near or long term) an rsChart judgement speaks for. */
function rsFor(c: CheckContext): Record<string, unknown> | undefined {
  const { rsSmallVsLarge, rsSmallVsMarket } = c.facts.keys ?? { rsSmallVsLarge: '', rsSmallVsMarket: '' };
  const where = /rsVsLarge/.test(c.path) ? `${rsSmallVsLarge}.nearTerm` : /rsMarket\.near/.test(c.path) ? `${rsSmallVsMarket}.nearTerm` : /rsMarket\.long/.test(c.path) ? `${rsSmallVsMarket}.longTerm` : undefined;
  return where ? (at(c.facts, `rs.${where}`) as Record<string, unknown> | undefined) : undefined;
}

function recencyAge(date: string, c: CheckContext): { days: number; age: string } {
  const days = daysBetween(date, c.facts.asOf);
  const previous = fridayOfWeekBefore(c.facts.asOf, c.t.noteIntervalDays);
  return { days, age: date > previous ? 'new' : days <= c.t.recentDays ? 'recent' : 'older' };
}

function comparisonOf(small: number | null, large: number | null, t: AuditThresholds) {
  if (small === null || large === null) return null;
  const s = round(small, t.returnDecimals);
  const l = round(large, t.returnDecimals);
  const gap = round(s - l, t.returnDecimals);
  const size = Math.abs(gap);
  return {
    gap,
    leader: gap > 0 ? 'small' : gap < 0 ? 'large' : 'tie',
    strength: size === 0 ? 'tie' : size < t.slightBelow ? 'slight' : size < t.wideFrom ? 'clear' : 'wide',
  };
}

/** Recomputations by judgement kind. */
export const JUDGEMENT_CHECKS: Record<string, JudgementCheck> = {
  recency(j, c) {
    if (typeof j.date !== 'string') return ['has no date'];
    const want = recencyAge(j.date, c);
    return [
      ...differ('days', j.days, want.days),
      ...differ('age', j.age, want.age),
      ...('recent' in j ? differ('recent', j.recent, want.age !== 'older') : []),
      ...('sameYear' in j ? differ('sameYear', j.sameYear, j.date.slice(0, 4) === c.facts.asOf.slice(0, 4)) : []),
    ];
  },
  comparison(j, c) {
    const period = String(j.period);
    // The figures it compares: the year before the as-of year sits in lead.lastYear (full year and second half;
    // period lastYear / lastH2, or a comparison under calendar.lastYear), this year's periods in returns; any
    // other comparison is checked on its own printed values.
    const last = (c.facts.lead as unknown as { lastYear?: { small: Record<string, unknown>; large: Record<string, unknown> } }).lastYear;
    const lastField = period === 'lastYear' || /calendar\.lastYear\.full$/.test(c.path) ? 'year' : period === 'lastH2' || /calendar\.lastYear\.h2$/.test(c.path) ? 'h2' : null;
    const r = (c.facts.returns as Record<string, Record<string, unknown>>)[period];
    const own = (side: unknown) => num((side as J | undefined)?.value);
    const [small, large] = lastField
      ? [num(last?.small[lastField]), num(last?.large[lastField])]
      : r
        ? [num(r[c.facts.roles.smallCap]), num(r[c.facts.roles.largeCap])]
        : [own(j.small), own(j.large)];
    const want = comparisonOf(small, large, c.t);
    if (!want) return differ('available', j.available, false);
    return [...differ('leader', j.leader, want.leader), ...differ('strength', j.strength, want.strength), ...differ('gap', j.gap, want.gap)];
  },
  calendar(j, c) {
    const ytdDays = num((c.facts.lead as unknown as { ytdDays?: unknown }).ytdDays);
    return [
      ...differ('season', j.season, Number(c.facts.asOf.slice(5, 7)) >= c.t.nextYearFromMonth ? 'nextYear' : 'thisYear'),
      ...(ytdDays === null ? [] : [...differ('ytdDays', j.ytdDays, ytdDays), ...differ('earlyYear', j.earlyYear, ytdDays < c.t.minYtdDays)]),
    ];
  },
  evidence(j, c) {
    if (/strongest/.test(c.path)) return []; // a copy of an item of the evidence list, checked there
    const read = (p: string) => at(c.facts, `judgements.${p}`);
    // a reading the facts do not hold is not checked
    const side = (leader: unknown) => (leader === undefined ? undefined : leader === 'small' ? 'for' : leader === 'large' ? 'against' : 'neutral');
    const three = (v: unknown, yes: unknown, no: unknown) => (v === undefined ? undefined : v === yes ? 'for' : v === no ? 'against' : 'neutral');
    const universe = c.facts.roles.universe;
    // A lead counts only from `evidenceMinGap` points and over at least `minYtdDays` trading days.
    const lead = (leader: unknown, gap: unknown, days: number | null) =>
      leader === undefined ? undefined : (days !== null && days < c.t.minYtdDays) || (num(gap) ?? 0) < c.t.evidenceMinGap ? 'neutral' : side(leader);
    const days = (p: string) => num(at(c.facts, p));
    const scoreGap = num(read('score.gapSize')) ?? 0;
    const higher = read('score.higher');
    const leans: Record<string, () => string | undefined> = {
      year: () => lead(read('lead.ytd.leader'), read('lead.ytd.gapSize'), days('lead.ytdDays')),
      lastYear: () => lead(read('calendar.lastYear.full.leader'), read('calendar.lastYear.full.gapSize'), null),
      h2: () => lead(read('lead.h2.leader'), read('lead.h2.gapSize'), days('lead.h2Days')),
      signal: () => three(read('fund.signal.state'), 'buy', 'sell'),
      trend: () => three(read('fund.trend.state'), 'positive', 'negative'),
      rsNear: () => three(read('fund.rsMarket.near.column'), 'X', 'O'),
      rsLong: () => three(read('fund.rsMarket.long.signal'), 'buy', 'sell'),
      breadth: () => three(universe ? at(c.facts, `breadth.${universe}.column`) : undefined, 'X', 'O'),
      score: () => (higher === undefined ? undefined : scoreGap < c.t.evidenceMinScoreGap ? 'neutral' : higher === 'small' ? 'for' : higher === 'large' && read('score.narrowing') === false ? 'against' : 'neutral'),
      // the weighing is recomputed from the figures by the ratesWeighing check; the evidence must carry its lean
      rates: () => { const lean = read('rates.weighing.lean'); return typeof lean === 'string' ? lean : undefined; },
    };
    const want = leans[String(j.id)]?.();
    return [...differ('key', j.key, `${String(j.id)}_${String(j.lean)}`), ...(want === undefined ? [] : differ('lean', j.lean, want))];
  },
  verdict(j, c) {
    const items = at(c.facts, 'judgements.evidence');
    if (!Array.isArray(items)) return [];
    const weight = (lean: string) => (items as J[]).filter((e) => e.lean === lean).reduce((a, e) => a + (num(e.weight) ?? 0), 0);
    const net = weight('for') - weight('against');
    const count = (lean: string) => (items as J[]).filter((e) => e.lean === lean).length;
    // the year's own returns must not point the other way for a side to "lead"
    const year = (items as J[]).find((e) => e.id === 'year' || e.id === 'lastYear')?.lean ?? 'neutral';
    const state = net >= c.t.verdictLeadFrom && year !== 'against' ? 'smallLead' : net <= -c.t.verdictLeadFrom && year !== 'for' ? 'largeLead' : 'contender';
    return [
      ...differ('net', j.net, net),
      ...differ('forCount', j.forCount, count('for')),
      ...differ('againstCount', j.againstCount, count('against')),
      ...differ('state', j.state, state),
      ...differ('standing', j.standing, state !== 'contender' ? state : net > 0 ? 'smallEdge' : net < 0 ? 'largeEdge' : 'level'),
      // "In their favour, X and Y" only when X and Y are all of them; else "Chief among …"
      ...(j.allForListed === undefined ? [] : differ('allForListed', j.allForListed, (j.strongestFor as J[] | undefined)?.length === count('for'))),
      ...(j.allAgainstListed === undefined ? [] : differ('allAgainstListed', j.allAgainstListed, (j.strongestAgainst as J[] | undefined)?.length === count('against'))),
    ];
  },
  breadthLevel(j, c) {
    const b = c.facts.roles.universe ? (c.facts.breadth as Record<string, { bullishPercent: unknown }>)[c.facts.roles.universe] : undefined;
    const v = num(b?.bullishPercent);
    if (v === null) return [];
    const p = round(v, c.t.breadthDecimals);
    return [
      ...differ('side', j.side, p === c.t.midline ? 'at' : p > c.t.midline ? 'above' : 'below'),
      ...differ('zone', j.zone, p < c.t.oversold ? 'oversold' : p > c.t.overbought ? 'overbought' : 'middle'),
    ];
  },
  status(j, c) {
    const b = c.facts.roles.universe ? (c.facts.breadth as Record<string, { status: unknown }>)[c.facts.roles.universe] : undefined;
    return b ? differ('status', j.value, b.status) : [];
  },
  scoreCompare(j, c) {
    const score = c.facts.score as Record<string, { value?: unknown }>;
    const s = num(score[c.facts.roles.smallFund]?.value);
    const l = num(score[c.facts.roles.largeFund]?.value);
    if (s === null || l === null) return [];
    const d = c.t.scoreDecimals;
    const gap = round(round(l, d) - round(s, d), d);
    const small = j.small as J | undefined;
    return [
      ...differ('gap', j.gap, gap),
      ...differ('higher', j.higher, gap > 0 ? 'large' : gap < 0 ? 'small' : 'level'),
      ...(small ? differ('small.investable', small.investable, round(s, d) >= c.t.investableScore) : []),
      // "widened": against the gap six months earlier as the note prints it
      ...(j.widened === undefined ? [] : differ('widened', j.widened, widenedFrom(gap, j.before as J | undefined, c.t.scoreNarrowPoints))),
      // "narrowing": smaller than six months ago as printed, and not widened again from its recent low by a reopening
      ...(j.narrowing === undefined ? [] : differ('narrowing', j.narrowing, narrowingOf(gap, c))),
      // "up/down from the X of six months ago": a large-cap lead then and now, across the bar of evidenceMinScoreGap
      ...(j.acrossBar === undefined ? [] : differ('acrossBar', j.acrossBar, acrossBarOf(gap, c))),
      // "The gap narrowed by N this week, from X": against the gap at the previous note's date as printed
      ...(j.gapWeek === undefined ? [] : differ('gapWeek', JSON.stringify(j.gapWeek), JSON.stringify(gapWeekOf(gap, c)))),
      // "the same lead as six months ago", "little changed from", "narrower/wider than the X of six months ago": small caps lead both times
      ...(j.smallLead === undefined ? [] : differ('smallLead', JSON.stringify(j.smallLead), JSON.stringify(smallLeadOf(gap, c)))),
      // "narrower/wider than the X of six months ago" of a small move: the way the printed gap moved
      ...(j.littleWay === undefined || j.littleWay === null ? [] : differ('littleWay', j.littleWay, littleWayOf(gap, c))),
    ];
  },
  ratesWeighing(j, c) {
    // from the rates judgements the checks above hold to the figures, and the yield's own chart (pnf.<yield>)
    const r = (c.facts as unknown as { judgements?: { rates?: { peak?: J; sensitivity?: { small?: J; large?: J; moreNegative?: unknown } } } }).judgements?.rates;
    const yieldKey = (c.facts.roles as { yield?: string }).yield;
    const chart = yieldKey ? (c.facts.pnf as unknown as Record<string, { signal?: unknown; column?: unknown }>)[yieldKey] : undefined;
    if (!r?.peak || !r.sensitivity?.small) return [];
    // relative: small caps the more negative of two correlations that differ, one of them a tie to yields, gain when yields fall
    const sens = r.sensitivity as { small: J; large?: J; moreNegative?: unknown };
    const [sr, lr, more] = [sens.small.reading, sens.large?.reading, sens.moreNegative];
    const tie = sr === 'weak' && lr === 'weak' ? null : more === 'small' ? 'fallingTied' : more === 'large' ? 'risingTied' : null;
    const how = tie === 'fallingTied' ? (sr === 'fallingHelps' ? 'moreFalling' : 'lessRising') : tie === 'risingTied' ? (sr === 'risingHelps' ? 'moreRising' : 'lessFalling') : null;
    const rising = chart?.signal === 'buy' && chart.column === 'X';
    const state = r.peak.state;
    const off = state === 'falling';
    // the returns since the yield's high against the lean: neither side
    const since = (k: string | undefined) => (k ? num((c.facts.rates?.peak as { returnSince?: Record<string, unknown> } | undefined)?.returnSince?.[k]) : null);
    const roles = c.facts.roles as { smallCap?: string; largeCap?: string };
    const [ss, ls] = [since(roles.smallCap), since(roles.largeCap)];
    const d = c.t.returnDecimals;
    const gap = ss === null || ls === null ? null : round(round(ss, d) - round(ls, d), d);
    const better = gap === null ? null : Math.abs(gap) < c.t.evidenceMinGap ? 'level' : gap > 0 ? 'small' : 'large';
    const base = tie === null ? 'notTied' : state === 'none' ? 'noPeak' : off && rising ? 'risingChart' : tie === 'fallingTied' ? (off ? 'falling' : 'nearHigh') : off ? 'risingFalling' : 'risingHigh';
    const baseLean = base === 'falling' || base === 'risingHigh' ? 'for' : base === 'nearHigh' || base === 'risingFalling' ? 'against' : 'neutral';
    const against = off && ((baseLean === 'for' && better === 'large') || (baseLean === 'against' && better === 'small'));
    const why = against ? 'notBorneOut' : base;
    const lean = against ? 'neutral' : baseLean;
    const againstLean = gap !== null && ((lean === 'for' && gap < 0) || (lean === 'against' && gap > 0));
    const sinceHighAgainst = state === 'nearPeak' && againstLean;
    const narrowlyAgainst = off && better === 'level' && againstLean;
    return [...differ('tie', j.tie, tie), ...differ('how', j.how, how), ...differ('why', j.why, why), ...differ('lean', j.lean, lean), ...differ('sinceHighAgainst', j.sinceHighAgainst, sinceHighAgainst), ...differ('narrowlyAgainst', j.narrowlyAgainst, narrowlyAgainst)];
  },
  ratePeak(j, c) {
    const bp = num(c.facts.rates?.peak?.changeBp);
    const level = num(c.facts.rates?.peak?.level);
    const current = num(c.facts.rates?.peak?.current);
    if (bp === null || level === null) return differ('state', j.state, 'none');
    // the move as printed: the printed yield less the printed peak, in whole bp
    const yd = c.t.yieldDecimals;
    const p = current === null ? round(bp, 0) : round((round(current, yd) - round(level, yd)) * 100, 0);
    const week = num((c.facts.rates as { weekChangeBp?: unknown } | undefined)?.weekChangeBp);
    return [
      ...differ('state', j.state, p <= -c.t.fallingBp ? 'falling' : p === 0 ? 'atPeak' : 'nearPeak'),
      ...differ('changeBp', j.changeBp, p),
      // up a box (weekRiseBp) or more this week, wherever the yield stands against its peak: the text must say so
      ...(j.weekRise === undefined ? [] : differ('weekRise', j.weekRise, week !== null && round(week, 0) >= c.t.weekRiseBp)),
      ...(j.weekFall === undefined ? [] : differ('weekFall', j.weekFall, week !== null && round(week, 0) <= -c.t.weekRiseBp)),
      // a peak no older than the previous note (noteIntervalDays back), the yield below it: its span is given
      ...(j.shortSince === undefined ? [] : (() => {
        const date = c.facts.rates?.peak?.date?.value;
        const days = num((c.facts.rates?.peak as { tradingDays?: unknown } | undefined)?.tradingDays);
        const fresh = typeof date === 'string' && p !== 0 && daysBetween(date, c.facts.asOf) <= c.t.noteIntervalDays;
        return differ('shortSince', j.shortSince, fresh ? days : null);
      })()),
    ];
  },
  sensitivity(j, c) {
    const corr = c.facts.correlation as unknown as Record<string, { latest?: unknown }>;
    const s = num(corr[c.facts.roles.smallCap]?.latest);
    const l = num(corr[c.facts.roles.largeCap]?.latest);
    if (s === null || l === null) return [];
    const d = c.t.correlationDecimals;
    const reading = (v: number) => (round(v, d) <= -c.t.weakCorrelation ? 'fallingHelps' : round(v, d) >= c.t.weakCorrelation ? 'risingHelps' : 'weak');
    const diff = round(round(s, d) - round(l, d), d);
    const similar = Math.abs(diff) < c.t.correlationDifference;
    // similar, one clears the bar and the other leans the same way without clearing it
    const [rs, rl] = [reading(s), reading(l)];
    const strong = rs !== 'weak' && rl === 'weak' ? { side: 'small', v: s, w: l, r: rs } : rl !== 'weak' && rs === 'weak' ? { side: 'large', v: l, w: s, r: rl } : null;
    const lean = similar && strong && round(strong.w, d) !== 0 && Math.sign(round(strong.w, d)) === Math.sign(round(strong.v, d)) ? { side: strong.side, reading: strong.r } : null;
    // "The one-year averages show no such difference / point the other way": the same rule on the one-year averages
    const ys = num((corr[c.facts.roles.smallCap] as { mean252?: unknown } | undefined)?.mean252);
    const yl = num((corr[c.facts.roles.largeCap] as { mean252?: unknown } | undefined)?.mean252);
    const yDiff = ys === null || yl === null ? null : round(round(ys, d) - round(yl, d), d);
    const yMore = yDiff === null ? null : Math.abs(yDiff) < c.t.correlationDifference ? 'similar' : yDiff < 0 ? 'small' : 'large';
    const more = similar ? 'similar' : diff < 0 ? 'small' : 'large';
    return [
      ...(j.yearDiffers === undefined ? [] : differ('yearDiffers', j.yearDiffers, yMore !== null && yMore !== more ? yMore : null)),
      ...differ('small.reading', (j.small as J | undefined)?.reading, rs),
      ...differ('large.reading', (j.large as J | undefined)?.reading, rl),
      ...differ('moreNegative', j.moreNegative, more),
      ...differ('closeLean', JSON.stringify(j.closeLean ?? null), JSON.stringify(lean)),
    ];
  },
  ranking(j, c) {
    const groups = (c.facts.ranking?.sizeGroups ?? []) as { group: string; tally: number }[];
    const top = groups.length ? Math.max(...groups.map((g) => g.tally)) : 0;
    const first = groups.filter((g) => g.tally === top).map((g) => g.group);
    const state = groups.length === 0 || top === 0 ? 'none' : first.length === 1 ? 'leader' : 'tie';
    return [...differ('state', j.state, state), ...differ('leader', j.leader, state === 'leader' ? first[0] : null)];
  },
  h2Record(j, c) {
    const year = Number(c.facts.asOf.slice(0, 4));
    const inH2 = c.facts.asOf.slice(5) > '06-30';
    const h2 = (c.facts.returns?.h2 ?? {}) as Record<string, unknown>;
    // a second half shorter than minYtdDays trading days is not read yet
    const early = inH2 && Number((c.facts.lead as { h2Days?: unknown } | undefined)?.h2Days ?? 0) < c.t.minYtdDays;
    const cmp = inH2 && !early ? comparisonOf(num(h2[c.facts.roles.smallCap]), num(h2[c.facts.roles.largeCap]), c.t) : null;
    const years = Array.isArray(j.streakYears) ? (j.streakYears as number[]) : [];
    // a lead under evidenceMinGap is "too little to count either way": level, and not in the streak
    const negligible = cmp !== null && cmp.leader !== 'tie' && Math.abs(cmp.gap) < c.t.evidenceMinGap;
    return [
      ...differ('current', j.current, cmp ? cmp.leader : null),
      ...differ('streak', j.streak, years.length),
      ...differ('includesCurrent', j.includesCurrent, years.includes(year) && cmp?.leader === 'small' && !negligible),
      ...(j.negligible === undefined ? [] : differ('negligible', j.negligible, negligible)),
      ...differ('early', j.early, early),
    ];
  },
  seasonalLean(j, c) {
    const rows = (c.facts.charts as { seasonal?: { rows: { beat: boolean; nextYear: number }[] } }).seasonal?.rows ?? [];
    const beat = rows.filter((r) => r.beat).map((r) => r.nextYear);
    const lag = rows.filter((r) => !r.beat).map((r) => r.nextYear);
    const out = differ('yearsAfterWin', j.yearsAfterWin, (c.facts.seasonal?.nextYear?.afterH2Beat?.years ?? []).map((y: number) => y + 1));
    if (beat.length < 2 || lag.length < 2) return [...out, ...differ('state', j.state, 'none')];
    const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
    const se2 = (a: number[]) => a.reduce((x, y) => x + (y - mean(a)) ** 2, 0) / (a.length - 1) / a.length;
    const diff = mean(beat) - mean(lag);
    const noise = Math.sqrt(se2(beat) + se2(lag));
    return [...out, ...differ('state', j.state, Math.abs(diff) > c.t.seasonalNoiseMultiple * noise ? (diff > 0 ? 'beat' : 'lag') : 'none')];
  },
  signal(j, c) {
    const p = pnfFor(c);
    return p ? [...differ('state', j.state, p.signal ?? 'none'), ...differ('consecutive', j.consecutive, p.signal ? p.consecutiveSignals : 0)] : [];
  },
  trend(j, c) {
    const p = pnfFor(c);
    return p ? differ('state', j.state, p.trend ?? 'none') : [];
  },
  high(j, c) {
    const p = pnfFor(c);
    if (!p) return [];
    const date = typeof p.highestBoxDate === 'string' ? p.highestBoxDate : null;
    const isNew = date !== null && recencyAge(date, c).age === 'new';
    return differ('state', j.state, p.atAllTimeHigh ? (isNew ? 'new' : 'at') : 'below');
  },
  rsChart(j, c) {
    const r = rsFor(c);
    if (!r) return [];
    // close to reversing: the ratio within one of its boxes (CLOSE_TO_REVERSAL_BOXES, docs/metrics.md), and within 3.25%, of the reversal level, toward the other column
    const d = typeof r.reversalDistance === 'number' ? r.reversalDistance : null;
    const box = typeof r.boxPercent === 'number' ? r.boxPercent : 0;
    const close = r.column != null && d !== null && box > 0 && Math.abs(d) < Math.min(box, 3.25);
    const into = close ? (r.column === 'X' ? 'O' : 'X') : null;
    return [...differ('column', j.column, r.column ?? null), ...differ('signal', j.signal, r.signal ?? 'none'), ...differ('closeToReversal', (j.closeToReversal as J | null)?.into ?? null, into)];
  },
};

/** Decisions stored as plain fields of the facts: name, where the prose shows it, and its recomputation. */
export interface FieldCheck {
  name: string;
  section: string;
  /** The facts paths of the decision: with the claims of a render at hand, it is checked only if the note read one. */
  uses(facts: Facts): string[];
  check(facts: Facts, t: AuditThresholds): string[];
}

export const FIELD_CHECKS: FieldCheck[] = [
  {
    // a highest box first printed after the previous note's date, the chart still at it: "reaches its highest box this week"
    name: 'new highest box',
    section: 'chart',
    uses: (f) => Object.keys(f.pnf ?? {}).map((k) => `pnf.${k}.highestBoxNew`),
    check(f, t) {
      const out: string[] = [];
      for (const [key, p] of Object.entries(f.pnf as unknown as Record<string, { highestBoxNew?: unknown; highestBoxDate?: unknown; atAllTimeHigh?: unknown }>)) {
        if (p.highestBoxNew === undefined) continue;
        const date = typeof p.highestBoxDate === 'string' ? p.highestBoxDate : null;
        const since = f.changes.since ?? null;
        const fresh = date !== null && (since !== null ? date > since : daysBetween(date, f.asOf) < t.noteIntervalDays);
        out.push(...differ(`pnf.${key}.highestBoxNew`, p.highestBoxNew, p.atAllTimeHigh === true && fresh));
      }
      return out;
    },
  },
  {
    name: 'breadth zone',
    section: 'breadth',
    uses: (f) => Object.keys(f.breadth ?? {}).map((k) => `breadth.${k}.zone`),
    check(f, t) {
      const out: string[] = [];
      for (const [key, b] of Object.entries(f.breadth as Record<string, { bullishPercent: unknown; zone?: unknown }>)) {
        const v = num(b.bullishPercent);
        if (v === null || b.zone === undefined) continue;
        out.push(...differ(`breadth.${key}.zone`, b.zone, v > t.overbought ? 'overbought' : v < t.oversold ? 'oversold' : 'neutral'));
      }
      return out;
    },
  },
  {
    name: 'ranking leader',
    section: 'conclusion',
    uses: () => ['ranking.leader'],
    check(f) {
      const r = f.ranking as unknown as { leader?: unknown; sizeGroups?: { group: string; tally: number }[] } | undefined;
      if (!r || !r.leader || !r.sizeGroups) return [];
      const top = Math.max(...r.sizeGroups.map((g) => g.tally));
      const first = r.sizeGroups.filter((g) => g.tally === top);
      if (top === 0) return [`ranking.leader is "${String(r.leader)}" with no relative-strength buy signal in any group`];
      return first.length > 1 ? [`ranking.leader is "${String(r.leader)}" on a tie of ${top} signals (${first.map((g) => g.group).join(', ')})`] : [];
    },
  },
  {
    name: 'seasonal lean',
    section: 'seasonality',
    uses: () => ['seasonal.betterAfter'],
    check(f) {
      const s = f.seasonal as unknown as { betterAfter?: unknown; nextYear?: { afterH2Beat: { mean: unknown }; afterH2Lag: { mean: unknown } } } | undefined;
      if (!s?.nextYear || s.betterAfter === undefined) return [];
      const b = num(s.nextYear.afterH2Beat.mean);
      const l = num(s.nextYear.afterH2Lag.mean);
      return differ('seasonal.betterAfter', s.betterAfter, b === null || l === null ? null : b > l ? 'beat' : 'lag');
    },
  },
];

/** Every facts path the note's templates read, when the facts carry the claims of the render. */
function claimedPaths(facts: Facts): Set<string> | undefined {
  const claims = (facts as unknown as { claims?: Record<string, unknown> }).claims;
  if (!claims || typeof claims !== 'object') return undefined;
  return new Set(Object.values(claims).flatMap((c) => (Array.isArray(c) ? c.map(String) : c && typeof c === 'object' ? Object.keys(c) : [])));
}

/** Where a judgement shows in the note: the section of the facts it sits under. */
const SECTION: Record<string, string> = { seasonal: 'seasonality', ranking: 'conclusion', evidence: 'conclusion', verdict: 'conclusion', calendar: 'lead' };
export function sectionOfPath(path: string): string {
  const parts = path.replace(/\[\d+\]/g, '').split('.');
  const top = parts[0] === 'judgements' ? parts[1] : parts[0];
  return SECTION[top] ?? top ?? 'note';
}

const describe = (j: J): string => {
  const main = ['state', 'leader', 'age', 'value', 'zone', 'higher', 'moreNegative', 'current', 'signal'].find((k) => k in j);
  return main ? `${String(j.kind)} ${main} ${JSON.stringify(j[main])}` : String(j.kind);
};

export function judgementsRule(_html: string, facts: Facts, index: FactsIndex = indexFacts(facts)): Violation[] {
  const t = thresholdsOf(facts);
  const out: Violation[] = [];
  for (const { path, judgement } of index.judgements) {
    const check = JUDGEMENT_CHECKS[String(judgement.kind)];
    if (!check) continue;
    for (const detail of check(judgement, { facts, t, path })) {
      out.push({ date: facts.asOf, section: sectionOfPath(path), sentence: `${path}: ${describe(judgement)}`, rule: 'judgements', detail });
    }
  }
  const claimed = claimedPaths(facts);
  for (const fc of FIELD_CHECKS) {
    if (claimed && !fc.uses(facts).some((u) => claimed.has(u))) continue;
    for (const detail of fc.check(facts, t)) out.push({ date: facts.asOf, section: fc.section, sentence: fc.name, rule: 'judgements', detail });
  }
  return out;
}

/** Kinds of judgement the facts hold that no check covers (the audit lists them in its summary). */
export function uncheckedKinds(index: FactsIndex): string[] {
  return [...new Set(index.judgements.map((j) => String(j.judgement.kind)).filter((k) => !(k in JUDGEMENT_CHECKS)))].sort();
}

/** The score gap is narrowing: a large-cap lead at least `scoreNarrowPoints` below the gap six months earlier, and not up `scoreReopenPoints` from its low of the last two months (all as printed). */
function narrowingOf(gap: number, c: CheckContext): boolean {
  const g = (c.facts.score as { gap?: Record<string, { before?: unknown; lowLately?: unknown }> }).gap?.[c.facts.keys?.scoreGap ?? ''];
  const before = num(g?.before);
  const low = num(g?.lowLately);
  const d = c.t.scoreDecimals;
  if (before === null || !(gap > 0) || !(round(round(before, d) - gap, d) >= c.t.scoreNarrowPoints)) return false;
  return !(gap > 0 && low !== null && round(gap - round(low, d), d) >= c.t.scoreReopenPoints);
}

/** The printed large-cap lead crossed evidenceMinScoreGap since six months ago (a lead both times) by less than scoreNarrowPoints. */
function acrossBarOf(gap: number, c: CheckContext): 'up' | 'down' | null {
  const g = (c.facts.score as { gap?: Record<string, { before?: unknown }> }).gap?.[c.facts.keys?.scoreGap ?? ''];
  const raw = num(g?.before);
  if (raw === null) return null;
  const before = round(raw, c.t.scoreDecimals);
  const bar = c.t.evidenceMinScoreGap;
  if (!(before > 0 && gap > 0) || round(Math.abs(gap - before), c.t.scoreDecimals) >= c.t.scoreNarrowPoints) return null;
  return before < bar && gap >= bar ? 'up' : gap < bar && before >= bar ? 'down' : null;
}

/** Which way the printed gap's size moved from six months earlier: narrower or wider (null: no earlier gap, or no move). */
function littleWayOf(gap: number, c: CheckContext): 'narrower' | 'wider' | null {
  const g = (c.facts.score as { gap?: Record<string, { before?: unknown }> }).gap?.[c.facts.keys?.scoreGap ?? ''];
  const raw = num(g?.before);
  if (raw === null) return null;
  const before = round(raw, c.t.scoreDecimals);
  return Math.abs(gap) < Math.abs(before) ? 'narrower' : Math.abs(gap) > Math.abs(before) ? 'wider' : null;
}

/** How a small-cap lead (a negative gap, now and six months earlier, as printed) moved: same, little (under scoreNarrowPoints, the bar not crossed), narrower or wider. */
function smallLeadOf(gap: number, c: CheckContext): { change: string; acrossBar: boolean } | null {
  const g = (c.facts.score as { gap?: Record<string, { before?: unknown }> }).gap?.[c.facts.keys?.scoreGap ?? ''];
  const raw = num(g?.before);
  if (raw === null) return null;
  const before = round(raw, c.t.scoreDecimals);
  if (!(gap < 0 && before < 0)) return null;
  const bar = c.t.evidenceMinScoreGap;
  const acrossBar = -gap >= bar !== -before >= bar;
  const move = round(Math.abs(gap - before), c.t.scoreDecimals);
  return { change: move === 0 ? 'same' : move < c.t.scoreNarrowPoints && !acrossBar ? 'little' : -gap < -before ? 'narrower' : 'wider', acrossBar };
}

/** The printed large-cap lead moved scoreNarrowPoints or more since the previous note's date, or across evidenceMinScoreGap (a lead both times). */
function gapWeekOf(gap: number, c: CheckContext): { direction: string; size: number; from: number; acrossBar: boolean } | null {
  const g = (c.facts.score as { gap?: Record<string, { weekMove?: { from?: unknown } | null }> }).gap?.[c.facts.keys?.scoreGap ?? ''];
  const raw = num(g?.weekMove?.from);
  if (raw === null) return null;
  const from = round(raw, c.t.scoreDecimals);
  const size = round(Math.abs(gap - from), c.t.scoreDecimals);
  const bar = c.t.evidenceMinScoreGap;
  const acrossBar = from < bar !== gap < bar;
  if (!(from > 0 && gap > 0) || size === 0 || (size < c.t.scoreNarrowPoints && !acrossBar)) return null;
  return { direction: gap < from ? 'narrower' : 'wider', size, from, acrossBar };
}

/** Large caps lead by at least `by` points more than the printed gap six months earlier (`before`: its side and size), or from level. */
function widenedFrom(gap: number, before: J | undefined, by: number): boolean {
  const size = num(before?.gapSize);
  if (gap <= 0 || size === null) return false;
  return before?.higher === 'level' ? gap >= by : before?.higher === 'large' && round(gap - size, 1) >= by;
}
