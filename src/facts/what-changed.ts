/**
 * What changed since the previous note: two facts objects (the previous week's and this week's) → a list of
 * events worth a sentence. Pure and defensive: a section or field missing from either side is skipped, so it
 * works on facts from any version of the note (and on hand-made objects in tests).
 *
 *   pnf.SYM.signal / .consecutiveSignals / .lastSignalDate  → 'new-signal'
 *   pnf.SYM.trend                                           → 'trend-flip'
 *   pnf.SYM.column / columnSince (a column begun this week)  → 'column-flip'
 *   pnf.SYM.highestBox (a higher box printed)              → 'new-high'
 *   rs.A_vs_B.{nearTerm,longTerm}.column                    → 'rs-flip'
 *   rs.A_vs_B.{nearTerm,longTerm}.signal                    → 'rs-signal'
 *   breadth.U.status                                        → 'status-flip'
 *   score.SYM.value (|Δ| ≥ threshold)                       → 'score-change'
 *   score.SYM.value (a smaller move across thresholds.investableScore) → 'score-bar'
 *   rates.peak.date / yieldWatch.peak.date (a new high of the window since then)  → 'rate-high'
 *   rates.low.date / yieldWatch.low.date (a new low of the window since then)     → 'rate-low'
 */
import { isIsoDate } from '../data/calendar.js';
import type { IsoDate } from '../data/types.js';
import { BP_CHART_OPTIONS } from '../metrics/breadth.js';
import type { Facts } from './types.js';
import { previousNoteDate } from './judgements/recency.js';
import { levelText, printed } from './judgements/round.js';
import { readingDecimals, zoneOf } from './judgements/sections.js';
import { DEFAULT_THRESHOLDS } from './judgements/thresholds.js';
import { withArticle } from './article.js';

export type ChangeKind = 'new-signal' | 'status-flip' | 'score-change' | 'score-bar' | 'new-high' | 'trend-flip' | 'column-flip' | 'column-extended' | 'rs-flip' | 'rs-signal' | 'rate-high' | 'rate-low' | 'verdict' | 'weighing' | 'zone' | 'new-low';

/** One change between two facts objects; `path` is the dotted facts path that changed. */
export interface Change {
  kind: ChangeKind;
  path: string;
  from: unknown;
  to: unknown;
  /** A short plain sentence for lists and logs; templates may choose their own words from the fields. */
  text?: string;
}

export interface WhatChangedThresholds {
  /** Smallest absolute score change reported (score points); default 0.5. */
  score?: number;
  /** The P&F charts to report on (series keys); default every chart in both facts. A note reports on the charts its text reads. */
  pnfKeys?: readonly string[];
}

export const DEFAULT_SCORE_THRESHOLD = 0.5;

type Obj = Record<string, unknown>;

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A field's plain value: unwraps `{ value, … }` figures; `undefined` when the field is absent. */
function field(obj: unknown, ...path: string[]): unknown {
  let cur: unknown = obj;
  for (const p of path) {
    if (!isObj(cur) || !(p in cur)) return undefined;
    cur = cur[p];
  }
  if (isObj(cur) && 'value' in cur && ('unit' in cur || 'method' in cur)) return cur.value;
  return cur;
}

/** Keys of a section present in both objects, in the current object's order. */
function commonKeys(prev: unknown, cur: unknown, section: string): string[] {
  const a = field(prev, section);
  const b = field(cur, section);
  if (!isObj(a) || !isObj(b)) return [];
  return Object.keys(b).filter((k) => isObj(a[k]) && isObj(b[k]));
}

/** Both sides present, the new side set, and different. */
const flipped = (from: unknown, to: unknown): boolean => from !== undefined && to !== undefined && to !== null && from !== to;

const ordinal = (n: number): string => {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${s}`;
};

const nameOf = (facts: unknown, section: string, key: string): string => {
  // A universe is named by the note's universe name ("S&P 600"), never by its key.
  const u = field(facts, 'universe', 'key') === key ? field(facts, 'universe', 'name') : undefined;
  if (typeof u === 'string' && u) return u;
  const n = field(facts, section, key, 'name');
  return typeof n === 'string' && n !== key ? `${n} (${key})` : key;
};

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const ORDINAL_WORDS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const countWord = (n: number) => WORDS[n] ?? String(n);
const ordinalWord = (n: number) => ORDINAL_WORDS[n] ?? ordinal(n);

/** "10 December", with the year when it is not the year of `asOf`. */
function day(date: unknown, asOf: unknown): string {
  if (typeof date !== 'string' || !isIsoDate(date)) return 'this week';
  const [y, m, d] = date.split('-').map(Number);
  const month = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1];
  return `${d} ${month}${typeof asOf === 'string' && asOf.slice(0, 4) === date.slice(0, 4) ? '' : ` ${y}`}`;
}

function pnfChanges(prev: unknown, cur: unknown, only?: readonly string[]): Change[] {
  const out: Change[] = [];
  for (const key of commonKeys(prev, cur, 'pnf')) {
    if (only && !only.includes(key)) continue;
    const who = nameOf(cur, 'pnf', key);
    const get = (facts: unknown, f: string) => field(facts, 'pnf', key, f);
    // A new signal: the signal differs, or the same kind fired again (count or date moved).
    const [s0, s1] = [get(prev, 'signal'), get(cur, 'signal')];
    const [n0, n1] = [get(prev, 'consecutiveSignals'), get(cur, 'consecutiveSignals')];
    const [d0, d1] = [get(prev, 'lastSignalDate'), get(cur, 'lastSignalDate')];
    const again = s0 === s1 && s1 != null && ((typeof n0 === 'number' && typeof n1 === 'number' && n0 !== n1) || flipped(d0, d1));
    if (flipped(s0, s1) || again) {
      const on = day(d1, field(cur, 'asOf'));
      const n = typeof n1 === 'number' ? n1 : 1;
      const fresh = again && typeof n0 === 'number' && n > n0 ? n - n0 : 1;
      let text: string;
      if (flipped(s0, s1)) {
        // the run before: one signal or several in a row (last week's count); every signal of the new run is new
        const before = s0 == null ? '' : typeof n0 === 'number' && n0 > 1 ? `, after ${countWord(n0)} ${s0} signals in a row` : `, after a ${s0} signal`;
        text = n > 1 ? `${who}: ${countWord(n)} P&F ${s1} signals this week, the latest on ${on}${before}` : `${who}: a P&F ${s1} signal on ${on}${before}`;
      }
      else if (typeof n0 === 'number' && n <= n0 && isObj(get(cur, 'previousRun'))) {
        // the run began again: a run of the other kind came in between, all of it since the last note (2023-03-24: sell
        // on 15 March, buy on 21 March, sell on 24 March, said as "a P&F sell signal, given on 24 March")
        const pr = get(cur, 'previousRun') as { signal?: unknown; count?: unknown };
        const between = typeof pr.count === 'number' && pr.count > 1 ? `${countWord(pr.count)} ${String(pr.signal)} signals` : `a ${String(pr.signal)} signal`;
        text = `${who}: ${n > 1 ? `${countWord(n)} P&F ${s1} signals this week, the latest on ${on}` : `a P&F ${s1} signal on ${on}`}, after ${between} given since the last note`;
      } else if (fresh > 1) text = `${who}: ${countWord(fresh)} more P&F ${s1} signals, the latest on ${on}, ${n} in a row`;
      else text = `${who}: ${withArticle(`${n > 1 ? `${ordinalWord(n)} consecutive ` : ''}P&F ${s1} signal`)}, given on ${on}`;
      out.push({ kind: 'new-signal', path: `pnf.${key}.signal`, from: s0, to: s1, text });
    }
    const [t0, t1] = [get(prev, 'trend'), get(cur, 'trend')];
    const [ts0, ts1] = [get(prev, 'trendSince'), get(cur, 'trendSince')];
    const turnedOn = typeof ts1 === 'string' ? ` on ${day(ts1, field(cur, 'asOf'))}` : '';
    if (flipped(t0, t1)) out.push({ kind: 'trend-flip', path: `pnf.${key}.trend`, from: t0, to: t1, text: `${who}: P&F trend turned ${t1}${turnedOn}` });
    else if (t1 != null && t0 === t1 && typeof ts1 === 'string' && flipped(ts0, ts1) && ts1 > String(field(prev, 'asOf'))) {
      // turned and turned back within the week: the text says "turned positive on 5 May", so this box says it too
      const other = t1 === 'positive' ? 'negative' : 'positive';
      out.push({ kind: 'trend-flip', path: `pnf.${key}.trend`, from: t0, to: t1, text: `${who}: P&F trend turned ${t1} again${turnedOn}, after turning ${other} during the week` });
    }
    // A column that began since the previous note: reversed (or reversed and back) this week.
    const [k0, k1] = [get(prev, 'column'), get(cur, 'column')];
    const cs = get(cur, 'columnSince');
    if (k0 !== undefined && k1 != null && typeof cs === 'string' && cs > String(field(prev, 'asOf'))) {
      // every column begun this week, dated (2022-10-07: "into Xs and back into Os on 7 October" left the reversal of
      // 4 October undated; 2020-03-20: "reversed into Os on 18 March" hid Os on 16 March and Xs on 17 March)
      const asOf = field(cur, 'asOf');
      const recent = get(cur, 'recentColumns');
      const list = Array.isArray(recent) ? (recent as { column: string; since: string }[]) : [];
      const began = list.filter((c) => c.since > String(field(prev, 'asOf')));
      const dated = (c: { column: string; since: string }) => `${c.column}s on ${day(c.since, asOf)}`;
      const text =
        began.length < 2 && k0 === k1 ? `${who}: P&F chart reversed twice this week, into ${k1 === 'X' ? 'Os' : 'Xs'} and back into ${k1}s on ${day(cs, asOf)}`
        : began.length <= 1 ? `${who}: P&F chart reversed into ${k1}s on ${day(cs, asOf)}`
        : began.length === 2 ? `${who}: P&F chart reversed twice this week, into ${dated(began[0])} and back into ${dated(began[1])}`
        : `${who}: P&F chart reversed ${began.length === list.length ? 'at least ' : ''}${countWord(began.length)} times this week, into ${began.slice(0, -1).map(dated).join(', ')} and ${dated(began[began.length - 1])}`;
      out.push({ kind: 'column-flip', path: `pnf.${key}.column`, from: k0, to: k1, text });
    }
    const decimals = get(cur, 'levelDecimals');
    const box = (level: number) => levelText(level, typeof decimals === 'number' ? decimals : 0); // as the body prints its levels
    // A new high is a new highest box printed this week (the chart standing at an old high is not news).
    const [h0, h1] = [get(prev, 'highestBox'), get(cur, 'highestBox')];
    const newHigh = typeof h0 === 'number' && typeof h1 === 'number' && h1 > h0;
    if (newHigh) {
      out.push({ kind: 'new-high', path: `pnf.${key}.highestBox`, from: h0, to: h1, text: `${who}: a new highest box on its P&F chart, ${box(h1)}` });
    }
    // The same column grown by a reversal's worth of boxes or more (a week's fall of 15% read as "no new signal or
    // reversal" alone: ABCB, 2023-03-17); a new highest box already says the column rose.
    const extended = columnExtension(get(prev, 'columnTop'), get(prev, 'columnBottom'), get(cur, 'columnTop'), get(cur, 'columnBottom'), k1, get(cur, 'levels'));
    if (!newHigh && k0 === k1 && extended && !(typeof cs === 'string' && cs > String(field(prev, 'asOf')))) {
      out.push(columnExtended(`${who}: P&F`, `pnf.${key}`, k1, extended, box));
    }
  }
  return out;
}

/**
 * The column's end last week and now when the same column grew by at least the reversal's count of boxes: its end
 * went past the level at which it would now reverse (`levels.reversal`, that many boxes back from its end). Else null.
 * @example columnExtension(236, 220, 252, 220, 'X', { reversal: 240, reversalInto: 'O' }) //=> [236, 252]
 */
export function columnExtension(top0: unknown, bottom0: unknown, top1: unknown, bottom1: unknown, column: unknown, levels: unknown): [number, number] | null {
  const l = levels as { reversal?: unknown; reversalInto?: unknown } | null | undefined;
  if (typeof l?.reversal !== 'number') return null;
  if (column === 'X' && l.reversalInto === 'O' && typeof top0 === 'number' && typeof top1 === 'number' && top1 > top0 && l.reversal >= top0) return [top0, top1];
  if (column === 'O' && l.reversalInto === 'X' && typeof bottom0 === 'number' && typeof bottom1 === 'number' && bottom1 < bottom0 && l.reversal <= bottom0) return [bottom0, bottom1];
  return null;
}

/** The `column-extended` change of `chart`'s column `column` (X or O), grown from box `from` to box `to`, shown with `box`. */
function columnExtended(chart: string, path: string, column: unknown, [from, to]: [number, number], box: (level: number) => string): Change {
  const up = column === 'X';
  const text = `${chart} column of ${column}s ${up ? 'rose' : 'fell'} from the ${box(from)} box to the ${box(to)} box, a reversal's worth of boxes or more`;
  return { kind: 'column-extended', path: `${path}.${up ? 'columnTop' : 'columnBottom'}`, from, to, text };
}

function rsChanges(prev: unknown, cur: unknown): Change[] {
  const out: Change[] = [];
  for (const key of commonKeys(prev, cur, 'rs')) {
    const num = field(cur, 'rs', key, 'numeratorName') ?? field(cur, 'rs', key, 'numerator');
    const den = field(cur, 'rs', key, 'denominatorName') ?? field(cur, 'rs', key, 'denominator');
    const who = typeof num === 'string' && typeof den === 'string' ? `${num} vs ${den}` : key;
    // a fund's chart against its market benchmark is an input of its score: said, since the body may discuss only the
    // small-cap fund's charts (2020-01-24 listed IVV against RSP with no word on it anywhere else)
    const fund = field(cur, 'rs', key, 'numerator');
    const scored = typeof fund === 'string' && field(cur, 'score', fund, 'benchmarks', 'market') === field(cur, 'rs', key, 'denominator');
    const why = scored ? ` (an input of ${fund}'s trend-and-RS score)` : '';
    for (const side of ['nearTerm', 'longTerm'] as const) {
      const label = side === 'nearTerm' ? 'near-term' : 'long-term';
      const [c0, c1] = [field(prev, 'rs', key, side, 'column'), field(cur, 'rs', key, side, 'column')];
      if (flipped(c0, c1)) {
        const began = field(cur, 'rs', key, side, 'lastColumnChange');
        const on = typeof began === 'string' ? ` on ${day(began, field(cur, 'asOf'))}` : '';
        out.push({ kind: 'rs-flip', path: `rs.${key}.${side}.column`, from: c0, to: c1, text: `${who}: ${label} RS reversed into ${c1}s${on}${why}` });
      }
      const [s0, s1] = [field(prev, 'rs', key, side, 'signal'), field(cur, 'rs', key, side, 'signal')];
      const [d0, d1] = [field(prev, 'rs', key, side, 'lastSignalDate'), field(cur, 'rs', key, side, 'lastSignalDate')];
      const since = field(cur, 'rs', key, side, 'signalSince');
      if (flipped(s0, s1)) {
        // dated (2024-05-31: "near-term RS buy signal" stood undated beside dated items)
        const on = typeof d1 === 'string' ? `, given on ${day(d1, field(cur, 'asOf'))}` : '';
        out.push({ kind: 'rs-signal', path: `rs.${key}.${side}.signal`, from: s0, to: s1, text: `${who}: ${label} RS ${s1} signal${on}${why}` });
      } else if (s1 != null && flipped(d0, d1) && typeof d1 === 'string' && d1 > String(field(prev, 'asOf'))) {
        // the same kind again (a lead may print "on an RS sell signal since …"; the box says a new one came)
        const runFrom = typeof since === 'string' && since !== d1 ? `, on a ${s1} signal since ${day(since, field(cur, 'asOf'))}` : '';
        out.push({ kind: 'rs-signal', path: `rs.${key}.${side}.signal`, from: s0, to: s1, text: `${who}: another ${label} RS ${s1} signal, given on ${day(d1, field(cur, 'asOf'))}${runFrom}${why}` });
      }
    }
  }
  return out;
}

function breadthChanges(prev: unknown, cur: unknown): Change[] {
  const out: Change[] = [];
  for (const key of commonKeys(prev, cur, 'breadth')) {
    const [a, b] = [field(prev, 'breadth', key, 'status'), field(cur, 'breadth', key, 'status')];
    if (flipped(a, b)) {
      const was = a == null ? '' : ` (was ${a})`;
      out.push({ kind: 'status-flip', path: `breadth.${key}.status`, from: a, to: b, text: `${nameOf(cur, 'breadth', key)}: ${b}${was}` });
    }
    // a six-month low set this week (the body says "it has not been lower than …"; What changed did not), also when it
    // is above last week's six-month low, which the window has since passed (2019-08-16: 47.5% on 15 August, a week
    // after a low of 42.6% in February)
    const [l0, l1] = [field(prev, 'breadth', key, 'recentLow'), field(cur, 'breadth', key, 'recentLow')] as ({ level?: unknown; date?: unknown } | null | undefined)[];
    const prevAsOf = String(field(prev, 'asOf'));
    if (l1 && typeof l1.level === 'number' && typeof l1.date === 'string' && l1.date > prevAsOf) {
      const dec = field(cur, 'judgements', 'breadth', 'recentLow', 'decimals');
      const shown = l1.level.toFixed(typeof dec === 'number' ? dec : Number(field(cur, 'thresholds', 'breadthDecimals') ?? 1));
      out.push({ kind: 'new-low', path: `breadth.${key}.recentLow`, from: l0?.level ?? null, to: l1.level, text: `${nameOf(cur, 'breadth', key)}: bullish percent fell to a six-month low of ${shown}% on ${day(l1.date, field(cur, 'asOf'))}` });
    }
    // the same column of the BP chart grown by a reversal's worth of boxes (2020-09-25: down from the 64% box to the
    // 56% box in a week the list said nothing changed on the charts the note reads)
    const at = (facts: unknown, f: string) => field(facts, 'breadth', key, f);
    const [c0, c1] = [at(prev, 'column'), at(cur, 'column')];
    const since = (at(cur, 'reversedFrom') as { on?: unknown } | null | undefined)?.on;
    const [top1, bottom1] = [at(cur, 'columnTop'), at(cur, 'columnBottom')];
    const span = BP_CHART_OPTIONS.reversal * BP_CHART_OPTIONS.scale.fixed;
    const bpLevels = c1 === 'X' && typeof top1 === 'number' ? { reversal: top1 - span, reversalInto: 'O' } : c1 === 'O' && typeof bottom1 === 'number' ? { reversal: bottom1 + span, reversalInto: 'X' } : null;
    const grown = c0 === c1 && !(typeof since === 'string' && since > prevAsOf) ? columnExtension(at(prev, 'columnTop'), at(prev, 'columnBottom'), top1, bottom1, c1, bpLevels) : null;
    if (grown) out.push(columnExtended(`${nameOf(cur, 'breadth', key)}: bullish percent`, `breadth.${key}`, c1, grown, (level) => `${level}%`));
    // into or out of a zone, as printed (2021-06-25: 69.9% to 72.8%, back into overbought, and the box said nothing changed)
    const [v0, v1] = [field(prev, 'breadth', key, 'bullishPercent', 'value'), field(cur, 'breadth', key, 'bullishPercent', 'value')];
    const t = field(cur, 'thresholds') as { oversold?: unknown; overbought?: unknown; midline?: unknown; breadthDecimals?: unknown } | undefined;
    if (typeof v0 === 'number' && typeof v1 === 'number' && typeof t?.oversold === 'number' && typeof t.overbought === 'number' && typeof t.midline === 'number' && typeof t.breadthDecimals === 'number') {
      const [p0, p1] = [printed(v0, t.breadthDecimals), printed(v1, t.breadthDecimals)];
      const [z0, z1] = [zoneOf(p0, { oversold: t.oversold, overbought: t.overbought }), zoneOf(p1, { oversold: t.oversold, overbought: t.overbought })];
      // each reading as its own note prints it (one more decimal short of a box its column has not reached)
      const shown = (facts: unknown, v: number) => {
        const at = (k: string) => field(facts, 'breadth', key, k) as never;
        return v.toFixed(readingDecimals(v, { column: at('column'), columnTop: at('columnTop'), columnBottom: at('columnBottom') }, t.breadthDecimals as number));
      };
      const move = `${shown(cur, v1)}%, from ${shown(prev, v0)}%`;
      const mid = t.midline;
      // across the 50% line that divides bulls and bears (2020-05-22: 49.4% to 55.3%, unlisted)
      if (z0 === z1 && p0 !== mid && p1 !== mid && p0 > mid !== p1 > mid) {
        const side = p1 > mid ? 'above' : 'below';
        out.push({ kind: 'zone', path: `breadth.${key}.bullishPercent`, from: null, to: side, text: `${nameOf(cur, 'breadth', key)}: bullish percent ${side} the ${mid}% line (${move})` });
      }
      if (z0 !== z1) {
        const text = z1 !== 'middle' ? `bullish percent into the ${z1} zone (${move})` : `bullish percent out of the ${z0} zone (${move})`;
        out.push({ kind: 'zone', path: `breadth.${key}.bullishPercent`, from: z0 === 'middle' ? null : z0, to: z1 === 'middle' ? null : z1, text: `${nameOf(cur, 'breadth', key)}: ${text}` });
      }
    }
  }
  return out;
}

/**
 * Score moves of at least `threshold`, and smaller ones that cross the bar for an investable trend
 * (`thresholds.investableScore` of the facts): a fund that lost or regained that standing in the week is news however
 * little it moved (2021-07-16, IWM snapshot: 3.2 to 2.8, below the bar the weekly calls "the usual bar for an
 * investable trend", and What changed listed only the chart's reversal). A move that crosses the bar says so.
 */
function scoreChanges(prev: unknown, cur: unknown, threshold: number): Change[] {
  const out: Change[] = [];
  const barField = field(cur, 'thresholds', 'investableScore');
  const bar = typeof barField === 'number' ? barField : null;
  for (const key of commonKeys(prev, cur, 'score')) {
    const [a, b] = [field(prev, 'score', key, 'value'), field(cur, 'score', key, 'value')];
    if (typeof a !== 'number' || typeof b !== 'number' || !Number.isFinite(a) || !Number.isFinite(b)) continue;
    const delta = b - a;
    const crossed = bar !== null && a >= bar !== b >= bar;
    // Scores are multiples of 0.2: allow for float noise (0.6 − 0.1 ≠ 0.5 exactly).
    const big = Math.abs(delta) + 1e-9 >= threshold;
    if (!big && !crossed) continue;
    // one decimal, as the score section prints scores (they are multiples of 0.2, so exact); said from the one
    // score to the other ("up 0.8 to 0.8" read as a typo)
    const move = `${nameOf(cur, 'score', key)}: score ${delta > 0 ? 'up' : 'down'} from ${a.toFixed(1)} to ${b.toFixed(1)}`;
    const across = crossed ? `, ${b >= bar ? 'back at or above' : 'below'} the ${bar.toFixed(1)} that marks an investable trend` : '';
    out.push({ kind: big ? 'score-change' : 'score-bar', path: `score.${key}.value`, from: a, to: b, text: `${move}${across}` });
  }
  return out;
}

/** The yield's high (`peak`) or low of its window in both facts: where it is, its dates and levels, and how to name it. */
function rateExtreme(prev: unknown, cur: unknown, which: 'peak' | 'low') {
  const section = field(cur, 'rates', which) !== undefined ? 'rates' : field(cur, 'yieldWatch', which) !== undefined ? 'yieldWatch' : null;
  if (section === null) return null;
  const name = section === 'rates' ? field(cur, 'rates', 'yieldName') : field(cur, 'yieldWatch', 'name');
  const days = field(cur, section, 'peak', 'windowDays');
  return {
    section,
    d0: field(prev, section, which, 'date', 'value'),
    d1: field(cur, section, which, 'date', 'value'),
    since: field(prev, 'asOf'),
    level: field(cur, section, which, 'level', 'value'),
    was: field(prev, section, which, 'level', 'value'),
    /** The first day of this note's window. */
    windowFrom: field(cur, section, which, 'date', 'from'),
    who: typeof name === 'string' ? name : 'The yield',
    window: typeof days === 'number' ? `${days}-day ` : '',
    asOf: field(cur, 'asOf'),
  };
}

/**
 * A new high or low of the window. Beside an earlier one still in the window at the same printed level, it is
 * "matched" only when the two closes are equal; one beyond it by less than the printed precision is new, and said
 * as such, with the earlier one it passed (2018-11-09: "a new 200-day high of 3.23%" of a close 0.1 bp above
 * 8 October's 3.23% read as no news; 2017-03-10: "matched its 200-day high of 2.60% (set on 16 December 2016) on
 * 9 March" beside the body's "peaked at 2.60% on 9 March", 2.598 against 2.597). An earlier one that has left the
 * window was passed, not matched (2016-02-05: "matched its 200-day low of 1.85% (set on 17 April 2015)").
 */
function newExtremeText(x: NonNullable<ReturnType<typeof rateExtreme>>, what: 'high' | 'low', level: number, d1: string): string {
  const { d0, was, windowFrom, who, window, asOf } = x;
  const printedAlike = typeof was === 'number' && typeof d0 === 'string' && typeof windowFrom === 'string' && d0 >= windowFrom && was.toFixed(2) === level.toFixed(2);
  if (!printedAlike) return `${who}: a new ${window}${what} of ${level.toFixed(2)}% on ${day(d1, asOf)}`;
  if (was === level) return `${who}: matched its ${window}${what} of ${level.toFixed(2)}% (set on ${day(d0 as string, asOf)}) on ${day(d1, asOf)}`;
  return `${who}: a new ${window}${what} on ${day(d1, asOf)}, ${what === 'high' ? 'above' : 'below'} the ${level.toFixed(2)}% of ${day(d0 as string, asOf)} by less than a basis point`;
}

/**
 * The yield set a new high of its window after the previous note's date: the weekly outlook's `rates.peak`, or
 * the rates wrap's `yieldWatch.peak` (the same high), so two notes of one week list the same change.
 */
function rateHighChanges(prev: unknown, cur: unknown): Change[] {
  const x = rateExtreme(prev, cur, 'peak');
  if (x === null) return [];
  const { section, d0, d1, since, level, windowFrom, who, window, asOf } = x;
  if (typeof d1 !== 'string' || typeof since !== 'string' || d1 === d0 || typeof level !== 'number') return [];
  if (d1 <= since) {
    // an older, lower high: last week's left the window (2019-08-30: 3.23% of 8 November 2018 gave way to 3.14% of
    // 13 November 2018, and the gap to the high shrank 7 bp in a week the yield fell, unexplained)
    // (the old high's level is last week's figure, not this note's: it is dated, not quoted)
    if (typeof d0 !== 'string' || d0 >= d1 || typeof windowFrom !== 'string' || windowFrom <= d0) return [];
    return [{ kind: 'rate-high', path: `${section}.peak.date`, from: d0, to: d1, text: `${who}: its ${window}high is now ${level.toFixed(2)}% of ${day(d1, asOf)}, as the high of ${day(d0, asOf)} left the window` }];
  }
  return [{ kind: 'rate-high', path: `${section}.peak.date`, from: d0, to: d1, text: newExtremeText(x, 'high', level, d1) }];
}

/**
 * The yield set a new low of its window after the previous note's date (`rates.low` / `yieldWatch.low`): news in the
 * week it happens, as a new high is (2019-05-31: the yield closed at 2.14%, its lowest in 200 days, and What changed
 * said nothing had changed). A low that only rose because an older one left the window is not listed.
 */
function rateLowChanges(prev: unknown, cur: unknown): Change[] {
  const x = rateExtreme(prev, cur, 'low');
  if (x === null) return [];
  const { section, d0, d1, since, level } = x;
  if (typeof d1 !== 'string' || typeof since !== 'string' || d1 === d0 || d1 <= since || typeof level !== 'number') return [];
  return [{ kind: 'rate-low', path: `${section}.low.date`, from: d0, to: d1, text: newExtremeText(x, 'low', level, d1) }];
}

/**
 * Why the second half's reading moved with no figure of it moving against it: the half had run too few trading days
 * to count a week earlier and has run enough now (2024-08-02: the verdict rose to "level" on the second half's
 * reading, in a week small caps fell 6.7% against 2.1%, and only "for neither side a week earlier" was said).
 * @example h2OldEnough(prev, cur) //=> ', when the half had run too few trading days to count; 24 now, at least 20 needed'
 */
function h2OldEnough(prev: unknown, cur: unknown): string {
  const [early0, early1] = [field(prev, 'judgements', 'seasonal', 'h2', 'early'), field(cur, 'judgements', 'seasonal', 'h2', 'early')];
  const [days, needed] = [field(cur, 'lead', 'h2Days'), field(cur, 'thresholds', 'minYtdDays')];
  if (early0 !== true || early1 !== false || typeof days !== 'number' || typeof needed !== 'number') return '';
  return `, when the half had run too few trading days to count; ${days} now, at least ${needed} needed`;
}

/**
 * Why the year's returns or the second half's moved, when their gap as printed (`judgements.lead.ytd` / `.h2`) crossed
 * the bar a lead needs to count (`thresholds.evidenceMinGap`) or changed hands: both weeks' gaps, the one under the bar
 * said so. 2025-02-14: "the year's returns now count against small caps (for neither side a week earlier)", from a gap
 * of 0.3 points to 1.8, and nothing said why. `wasGap`: the week before's gap, kept with the change (a figure of the note).
 * @example gapMoved(prev, cur, 'ytd').text //=> ', when small caps trailed by 0.3 points, under the 0.5 points that count; they trail by 1.8 now'
 */
function gapMoved(prev: unknown, cur: unknown, period: 'ytd' | 'h2'): { text: string; wasGap?: number } {
  const gap = (f: unknown) => field(f, 'judgements', 'lead', period, 'gapSize');
  const leader = (f: unknown) => field(f, 'judgements', 'lead', period, 'leader');
  const [g0, g1, l0, l1] = [gap(prev), gap(cur), leader(prev), leader(cur)];
  const [bar, decimals] = [field(cur, 'thresholds', 'evidenceMinGap'), field(cur, 'thresholds', 'returnDecimals')];
  if (typeof g0 !== 'number' || typeof g1 !== 'number' || typeof bar !== 'number' || typeof decimals !== 'number') return { text: '' };
  const counts = (g: number) => g >= bar;
  if (counts(g0) === counts(g1) && l0 === l1) return { text: '' };
  const points = (g: number) => `${g.toFixed(decimals)} ${g === 1 ? 'point' : 'points'}`;
  const under = (g: number) => (g > 0 && !counts(g) ? `, under the ${points(bar)} that count` : '');
  const then = l0 === 'small' ? `small caps led by ${points(g0)}` : l0 === 'large' ? `small caps trailed by ${points(g0)}` : 'the two were level';
  const now = l1 === 'small' ? `they lead by ${g1.toFixed(decimals)} now` : l1 === 'large' ? `they trail by ${g1.toFixed(decimals)} now` : 'level now';
  return { text: `, when ${then}${under(g0)}; ${now}${under(g1)}`, wasGap: g0 };
}

/**
 * Why the rates reading moved, when the yield crossed the line between near its high and fallen from it
 * (`thresholds.fallingBp`) or the reason the reading gives changed ("", when none is known). 2017-11-17: "rates now
 * count for neither side (for small caps a week earlier)" as the yield went from 21 to 26 bp below its high, and
 * nothing said the yield had crossed the 25 bp that count as a fall. `wasBelowHighBp`: the week before's distance from the
 * high when the reason prints it (kept with the change, so it is a figure of the note).
 */
function ratesMoved(prev: unknown, cur: unknown): { text: string; wasBelowHighBp?: number } {
  const state = (f: unknown) => field(f, 'judgements', 'rates', 'peak', 'state');
  const bp = (f: unknown) => field(f, 'judgements', 'rates', 'peak', 'changeSize');
  const why = (f: unknown) => field(f, 'judgements', 'rates', 'weighing', 'why');
  const [s0, s1, b0, b1, w0, w1] = [state(prev), state(cur), bp(prev), bp(cur), why(prev), why(cur)];
  const line = field(cur, 'thresholds', 'fallingBp');
  // ties that no longer differ, or now do, decide the reading whatever the yield did (2023-07-14: the yield's crossing
  // into a fall was listed first, before the ties that had made the reading neutral)
  // not tied: neither index clears the bar of a tie, or both do alike (2021-06-04: "when the two indexes' ties to yields
  // were alike" of a week whose note said neither index showed much tie to yields)
  const loose = (f: unknown) => ['small', 'large'].every((k) => field(f, 'judgements', 'rates', 'sensitivity', k, 'reading') === 'weak');
  if (w1 === 'notTied' && w0 !== 'notTied') return { text: loose(cur) ? '; neither index shows much tie to yields now' : "; the two indexes' ties to yields no longer differ" };
  if (w0 === 'notTied' && w1 !== 'notTied') return { text: loose(prev) ? ', when neither index showed much tie to yields' : ", when the two indexes' ties to yields were alike" };
  const below = (b: unknown) => (b === 0 ? 'at its high' : typeof b === 'number' ? `${b} bp below its high` : 'near its high');
  const near = (st: unknown) => st === 'nearPeak' || st === 'atPeak';
  // what kept last week's fall from counting, and what keeps this week's (2021-10-08: the yield back within 25 bp of its
  // high, after a week its own chart's buy signal in Xs had kept a fall from counting, which the reason left out)
  const gap = field(cur, 'thresholds', 'evidenceMinGap');
  const byGap = typeof gap === 'number' ? ` by ${gap} points or more` : '';
  const held: Record<string, string> = { risingChart: 'its own chart on a buy signal in a column of Xs', notBorneOut: `the returns since its high against the tie to yields${byGap}` };
  const heldBy = (w: unknown) => (typeof w === 'string' && held[w] ? ` and ${held[w]}` : '');
  const was = typeof b0 === 'number' ? { wasBelowHighBp: b0 } : {};
  if (typeof line === 'number' && near(s0) && s1 === 'falling') {
    return { text: `, when the yield was ${below(b0)}; ${b1} bp now, ${line} bp or more counting as a fall${w1 === 'risingChart' || w1 === 'notBorneOut' ? `, with ${held[w1]}` : ''}`, ...was };
  }
  if (typeof line === 'number' && s0 === 'falling' && near(s1)) {
    return { text: `, when the yield was ${b0} bp below its high${heldBy(w0)}; ${below(b1)} now${b1 === 0 ? '' : `, less than the ${line} bp that count as a fall`}`, ...was };
  }
  if (w1 === 'notBorneOut' && w0 !== 'notBorneOut') return { text: `; the returns since the yield's high now go against the tie to yields${byGap}` };
  if (w1 === 'risingChart' && w0 !== 'risingChart') {
    // what the yield's chart did: a new buy signal, or a reversal into Xs on an old one (2024-03-15: "has since turned to
    // a buy signal" of a buy given on 13 February, the chart back in Xs on 14 March), or nothing (the fall is what is new)
    const y = field(cur, 'roles', 'yield');
    const [sig0, col0] = typeof y === 'string' ? [field(prev, 'pnf', y, 'signal'), field(prev, 'pnf', y, 'column')] : [undefined, undefined];
    if (s0 === 'falling' && sig0 === 'buy' && col0 === 'O') return { text: "; the yield's own chart, on a buy signal, has since reversed up into Xs" };
    if (s0 === 'falling' && (sig0 === 'sell' || sig0 === null)) return { text: "; the yield's own chart has since turned to a buy signal in a column of Xs" };
    return { text: "; the yield's own chart is on a buy signal in a column of Xs" };
  }
  if (w0 === 'notBorneOut') return { text: `, when the returns since the yield's high went against the tie to yields${byGap}` };
  if (w0 === 'risingChart') return { text: ", when the yield's own chart was on a buy signal in a column of Xs" };
  return { text: '' };
}

/**
 * Why the score reading moved, when it counted for neither side on one of the two dates and the reason is known (""
 * otherwise). 2020-09-11: "the score now counts against small caps (for neither side a week earlier)", the week before
 * neutral because large caps' lead on it was narrowing, and nothing said so.
 */
function scoreMoved(prev: unknown, cur: unknown): { text: string; wasGap?: number } {
  const [n0, n1] = [field(prev, 'judgements', 'score', 'neutralWhy'), field(cur, 'judgements', 'score', 'neutralWhy')];
  const bar = field(cur, 'thresholds', 'evidenceMinScoreGap');
  const under = typeof bar === 'number' ? `under ${bar} ${bar === 1 ? 'point' : 'points'}` : 'too small to count';
  const step = field(cur, 'thresholds', 'scoreNarrowPoints');
  const narrower = `narrower than six months before${typeof step === 'number' ? ` by at least the ${step} ${step === 1 ? 'point' : 'points'} that count as narrowing` : ''}`;
  // "narrowing" is against six months before, whose anchor moves every week: said as such, not as a move this week
  // (2020-07-31: "large caps' lead on it is narrowing now" of a gap of 1.2 both weeks, against 1.6 and then 2.0)
  // a gap that crossed the bar: both weeks' gaps (2021-04-01: "the gap is under 1 point" of a lead from 1.0 to 0.6)
  const gap = (f: unknown) => field(f, 'judgements', 'score', 'gapSize');
  const [g0, g1, decimals] = [gap(prev), gap(cur), field(cur, 'thresholds', 'scoreDecimals')];
  const both = typeof g0 === 'number' && typeof g1 === 'number' && typeof decimals === 'number' && g0 > 0 && g1 > 0;
  const moved = both ? `: ${g1.toFixed(decimals)} now, from ${g0.toFixed(decimals)}` : '';
  const was: Record<string, string> = { narrowing: `large caps' lead on it was ${narrower}`, smallGap: `the gap was ${under}${moved}`, level: 'the two scores were level' };
  const is: Record<string, string> = { narrowing: `large caps' lead on it is ${narrower}`, smallGap: `the gap is ${under}${moved}`, level: 'the two scores are level' };
  const wasGap = both && (n0 === 'smallGap' || n1 === 'smallGap') ? g0 : undefined;
  if (typeof n1 === 'string' && n1 !== n0 && is[n1]) return { text: `; ${is[n1]}`, wasGap };
  // the lead stops narrowing as it widens again from a recent low (2025-11-07: the reason said what had held the reading
  // a week earlier, and nothing what moved it)
  const low = field(cur, 'judgements', 'score', 'reopened', 'date', 'date');
  const reopened = n0 === 'narrowing' && n1 == null && typeof low === 'string' ? `; it has widened again since ${day(low, field(cur, 'asOf'))}` : '';
  if (typeof n0 === 'string' && n0 !== n1 && was[n0]) return { text: `, when ${was[n0]}${reopened}`, wasGap };
  return { text: '' };
}

/** The weekly's verdict headings, by standing (templates/weekly-outlook/partials/lead.hbs says them the same way). */
const STANDING: Record<string, string> = {
  smallLead: 'small caps lead',
  smallEdge: 'small caps are a contender, not yet the leader',
  level: 'small caps are a contender, level with large caps',
  largeEdge: 'the evidence leans to large caps, not decisively',
  largeLead: 'large caps lead',
};

/** The readings the verdict weighs, as What changed names them. */
const READING: Record<string, string> = {
  year: "the year's returns", lastYear: "last year's returns", h2: 'the second half so far', lastH2: "last year's second half",
  signal: "the small-cap fund's P&F signal", trend: "the small-cap fund's P&F trend", rsNear: 'near-term relative strength against the market',
  rsLong: 'long-term relative strength against the market', score: 'the score', breadth: 'breadth', ranking: 'the size ranking',
  rates: 'rates', seasonal: 'seasonality',
};
/** Readings named as they stop counting (the second half drops out at the turn of the year, not "so far"). */
const DROPPED: Record<string, string> = { h2: "the second half" };
/** Readings named in the plural ("the year's returns now count", "rates now count"). */
const PLURAL = new Set(['year', 'lastYear', 'rates']);
const LEAN: Record<string, string> = { for: 'for small caps', against: 'against small caps', neutral: 'for neither side' };

/**
 * The weekly's verdict and the weighing behind it, against the week before: the verdict when its standing changed
 * ("The verdict: small caps are a contender, not yet the leader (a week earlier: small caps lead)"), and every
 * reading whose lean changed, in one item (2019-05-17: the verdict went from "taking the lead" to "a contender"
 * as the year's returns stopped counting for small caps, and neither was said).
 */
function verdictChanges(prev: unknown, cur: unknown): Change[] {
  const [s0, s1] = [field(prev, 'judgements', 'verdict', 'standing'), field(cur, 'judgements', 'verdict', 'standing')];
  if (typeof s0 !== 'string' || typeof s1 !== 'string') return [];
  const out: Change[] = [];
  // the question turned to next year (2019-10-04: "Are small caps the star of next year?" a week after "… of this
  // year?", the answer in the same words, and nothing said the question had changed)
  // (the year asked about, not the words: December's "next year" is January's "this year")
  const [q0, q1] = [field(prev, 'judgements', 'calendar', 'season'), field(cur, 'judgements', 'calendar', 'season')];
  const asked = (q: unknown, asOf: unknown) => (typeof asOf === 'string' ? Number(asOf.slice(0, 4)) + (q === 'nextYear' ? 1 : 0) : null);
  if (typeof q0 === 'string' && typeof q1 === 'string' && asked(q0, field(prev, 'asOf')) !== asked(q1, field(cur, 'asOf'))) {
    const year = (q: string) => (q === 'nextYear' ? 'next year' : 'this year');
    out.push({ kind: 'verdict', path: 'judgements.calendar.season', from: q0, to: q1, text: `The question now looks to ${year(q1)}, and the verdict answers it (a week earlier: ${year(q0)})` });
  }
  if (s0 !== s1) {
    const [f, a] = [field(cur, 'judgements', 'verdict', 'forWeight'), field(cur, 'judgements', 'verdict', 'againstWeight')];
    const count = typeof f === 'number' && typeof a === 'number' ? `, on ${f} ${f === 1 ? 'point' : 'points'} for small caps against ${a}` : '';
    out.push({ kind: 'verdict', path: 'judgements.verdict.standing', from: s0, to: s1, text: `The verdict: ${STANDING[s1] ?? s1}${count} (a week earlier: ${STANDING[s0] ?? s0})` });
  }
  // the year's slot holds last year's returns early in the year and this year's after: one reading that changed hands
  // (2017-02-03: the verdict moved as last year's win gave way to this year's lag, and neither was said)
  const slot = (id: string) => (id === 'lastYear' ? 'year' : id);
  const before = new Map(((field(prev, 'judgements', 'evidence') as { id: string; lean: string }[] | undefined) ?? []).map((e) => [slot(e.id), e]));
  const moved = ((field(cur, 'judgements', 'evidence') as { id: string; lean: string }[] | undefined) ?? []).filter((e) => before.has(slot(e.id)) && before.get(slot(e.id))!.lean !== e.lean);
  // readings weighed a week ago and not now, or now and not then (2020-01-03: the verdict moved as the year turned,
  // 2019's second half no longer weighed beside its full year, and nothing said why)
  const now = new Set(((field(cur, 'judgements', 'evidence') as { id: string }[] | undefined) ?? []).map((e) => slot(e.id)));
  const dropped = [...before.values()].filter((e) => !now.has(slot(e.id)) && e.lean !== 'neutral');
  const added = ((field(cur, 'judgements', 'evidence') as { id: string; lean: string }[] | undefined) ?? []).filter((e) => before.size > 0 && !before.has(slot(e.id)) && e.lean !== 'neutral');
  // the figures of a week earlier the reasons print, kept with the change: the yield's distance from its high, the
  // year's, the second half's and the score's gaps
  const earlier: { ratesBelowHighBp?: number; yearGap?: number; h2Gap?: number; scoreGap?: number } = {};
  if (moved.length || dropped.length || added.length) {
    const gone = dropped.map((e) => `${DROPPED[e.id] ?? READING[e.id] ?? e.id} no longer ${PLURAL.has(e.id) ? 'count' : 'counts'} (${LEAN[e.lean]} a week earlier)`);
    const fresh = added.map((e) => `${READING[e.id] ?? e.id} now ${PLURAL.has(e.id) ? 'count' : 'counts'} ${LEAN[e.lean]} (not weighed a week earlier)`);
    const said = moved.map((e) => {
      const was = before.get(slot(e.id))!;
      const then = was.id === e.id ? LEAN[was.lean] : `${READING[was.id] ?? was.id} counted ${LEAN[was.lean]}`;
      const name = was.id !== e.id && e.id === 'year' ? "this year's returns" : READING[e.id] ?? e.id;
      const rates = e.id === 'rates' ? ratesMoved(prev, cur) : undefined;
      if (rates?.wasBelowHighBp !== undefined) earlier.ratesBelowHighBp = rates.wasBelowHighBp;
      const gap = was.id === e.id && (e.id === 'year' || e.id === 'h2') ? gapMoved(prev, cur, e.id === 'year' ? 'ytd' : 'h2') : undefined;
      if (gap?.wasGap !== undefined) earlier[e.id === 'year' ? 'yearGap' : 'h2Gap'] = gap.wasGap;
      const score = e.id === 'score' ? scoreMoved(prev, cur) : undefined;
      if (score?.wasGap !== undefined) earlier.scoreGap = score.wasGap;
      const why = e.id === 'h2' ? h2OldEnough(prev, cur) || (gap?.text ?? '') : rates ? rates.text : score ? score.text : gap?.text ?? '';
      return `${name} now ${PLURAL.has(e.id) ? 'count' : 'counts'} ${LEAN[e.lean]} (${then} a week earlier${why})`;
    });
    const text = [...said, ...gone, ...fresh].join('; ');
    const from = Object.keys(earlier).length ? earlier : null;
    out.push({ kind: 'weighing', path: 'judgements.evidence', from, to: null, text: `The weighing: ${text}` });
  }
  return out;
}

/**
 * What changed from `prev` (last week's facts) to `cur`: new P&F signals, trend flips, new all-time highs,
 * a new high or low of the yield's window, RS column and signal flips, breadth status flips and score moves of at least `thresholds.score` (0.5); P&F
 * changes only of the charts in `thresholds.pnfKeys` when given. Fields missing on either side are skipped.
 * @example whatChanged({ pnf: { RUT: { signal: 'sell' } } } as Facts, { pnf: { RUT: { signal: 'buy' } } } as Facts)
 * //=> [{ kind: 'new-signal', path: 'pnf.RUT.signal', from: 'sell', to: 'buy', text: 'RUT: a P&F buy signal this week, after a sell signal' }]
 */
export function whatChanged(prev: Facts, cur: Facts, thresholds: WhatChangedThresholds = {}): Change[] {
  const threshold = thresholds.score ?? DEFAULT_SCORE_THRESHOLD;
  if (!(threshold >= 0)) throw new RangeError(`whatChanged: thresholds.score must be a number ≥ 0, got ${thresholds.score}`);
  return [...verdictChanges(prev, cur), ...pnfChanges(prev, cur, thresholds.pnfKeys), ...rateHighChanges(prev, cur), ...rateLowChanges(prev, cur), ...rsChanges(prev, cur), ...breadthChanges(prev, cur), ...scoreChanges(prev, cur, threshold)];
}

/**
 * The as-of date to compare with: `compare` when given, else the previous note's date (the Friday of the week before,
 * read as the last trading day on or before it).
 * @example comparisonDate('2025-12-12') //=> '2025-12-05'
 * @example comparisonDate('2020-04-09') //=> '2020-04-03'
 * @example comparisonDate('2025-12-12', '2025-11-28') //=> '2025-11-28'
 */
export function comparisonDate(asOf: IsoDate, compare?: IsoDate): IsoDate {
  if (compare !== undefined) {
    if (!isIsoDate(compare)) throw new RangeError(`comparisonDate: expected YYYY-MM-DD, got "${compare}"`);
    return compare;
  }
  if (!isIsoDate(asOf)) throw new RangeError(`comparisonDate: expected YYYY-MM-DD, got "${asOf}"`);
  return previousNoteDate(asOf, DEFAULT_THRESHOLDS);
}
