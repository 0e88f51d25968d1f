/**
 * Rule `recency`: "new", "newly" and "just" need an event of the week; "lately" and "recently" one of the last
 * three months. The backing is a recency judgement (`{ kind: 'recency', date, days, age: 'new'|'recent'|'older' }`)
 * or an event judged new (`state: 'new'`):
 *
 *   - when the facts carry claims for the section's template (`claims[template]`: the fact paths its text read),
 *     one of the judgements it read must back the word;
 *   - otherwise any recency judgement of the facts whose date lies in the window backs the word: new = after the
 *     previous note's date (`changes.since`) or within a week, recent = within three months;
 *   - in the what-changed box, which lists only the changes since the previous note (or says there are none), that
 *     list backs "new";
 *   - whatever backs it, a date printed in the same sentence must not lie wholly before the window ("lately …
 *     since March 2014").
 * The windows are the note's thresholds (`thresholds.noteIntervalDays`, `thresholds.recentDays`: 7 and 92 days
 * by default).
 */
import type { Facts } from '../../facts/types.js';
import { at, daysBetween, indexFacts, type FactsIndex } from './facts-index.js';
import { printedDates, type PrintedDate } from './dates.js';
import { thresholdsOf, type AuditThresholds } from './judgements.js';
import { proseBlocks } from './prose.js';
import type { Json, Violation } from './types.js';

const WORDS = /\b(new|newly|just|lately|recently)\b/gi;
/** A prospective "new" is no claim about the past: "needs a new buy signal". */
const PROSPECTIVE = /\b(?:needs?|would need|await(?:s|ing)?|wait(?:s|ing)? for|look(?:s|ing)? for|until)\s+(?:an?\s+)?$/i;


type Want = 'new' | 'recent';
const want = (word: string): Want => (/^(lately|recently)$/i.test(word) ? 'recent' : 'new');

/**
 * The facts paths a template read, when the build recorded them (`claims[template]`: path → value read, as the
 * facts file holds them; a list of paths works too).
 */
function claimedPaths(facts: Facts, template: string): string[] | undefined {
  const claims = (facts as unknown as { claims?: Record<string, unknown> }).claims;
  const mine = claims?.[template];
  if (Array.isArray(mine)) return mine.filter((p): p is string => typeof p === 'string');
  if (mine && typeof mine === 'object') return Object.keys(mine);
  return undefined;
}

/** The judgements a template read: objects with a `kind` at a claimed path or on the way to one. */
function claimedJudgements(facts: Facts, paths: string[]): Record<string, Json>[] {
  const seen = new Set<string>();
  const out: Record<string, Json>[] = [];
  for (const p of paths) {
    const parts = p.split('.');
    for (let i = parts.length; i > 0; i--) {
      const prefix = parts.slice(0, i).join('.');
      if (seen.has(prefix)) continue;
      seen.add(prefix);
      const j = at(facts, prefix);
      if (j && typeof j === 'object' && typeof (j as Record<string, Json>).kind === 'string') out.push(j as Record<string, Json>);
    }
  }
  return out;
}

function inWindow(j: Record<string, Json>, facts: Facts, w: Want, t: AuditThresholds): boolean {
  const date = typeof j.date === 'string' ? j.date : undefined;
  if (!date || date > facts.asOf) return false;
  const days = daysBetween(date, facts.asOf);
  if (w === 'new') return (facts.changes.since !== null && date > facts.changes.since) || days <= t.noteIntervalDays;
  return days <= t.recentDays;
}

/** The last ISO day a printed date can mean ("March 2014" → 2014-03-31; no year → the as-of year). */
function latestDay(d: PrintedDate, asOf: string): string {
  const year = d.year ?? Number(asOf.slice(0, 4));
  const day = d.day ?? new Date(Date.UTC(year, d.month, 0)).getUTCDate();
  return `${year}-${String(d.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A claimed judgement backs the word: a recency of the right age, or an event judged `new` (`state: 'new'`). */
const backs = (j: Record<string, Json>, w: Want) =>
  j.age === 'new' || j.state === 'new' || (w === 'recent' && (j.age === 'recent' || (j.kind === 'recency' && j.recent === true)));

export function recencyRule(html: string, facts: Facts, index: FactsIndex = indexFacts(facts)): Violation[] {
  const out: Violation[] = [];
  const t = thresholdsOf(facts);
  const recency = index.judgements.filter((j) => j.judgement.kind === 'recency');
  for (const block of proseBlocks(html)) {
    const paths = claimedPaths(facts, block.template);
    const claimed = paths && claimedJudgements(facts, paths);
    for (const sentence of block.sentences) {
      for (const m of sentence.matchAll(WORDS)) {
        if (/^new$/i.test(m[1]) && PROSPECTIVE.test(sentence.slice(0, m.index))) continue;
        const w = want(m[1]);
        let backed: boolean;
        // the what-changed box (the weekly's aside, another note's `changes` section) is the diff against the
        // previous note itself: its "new" says what changed since then, or that nothing did
        if ((block.section === 'what-changed' || block.section === 'changes') && w === 'new' && facts.changes.since !== null) {
          continue; // its dates are the comparison date itself or the changes after it
        } else if (claimed) {
          backed = claimed.some((j) => backs(j, w));
        } else {
          backed = recency.some((r) => inWindow(r.judgement, facts, w, t));
        }
        const limit = w === 'new' ? t.noteIntervalDays : t.recentDays;
        const stale = printedDates(sentence).find((d) => daysBetween(latestDay(d, facts.asOf), facts.asOf) > limit && !(w === 'new' && facts.changes.since !== null && latestDay(d, facts.asOf) > facts.changes.since));
        if (stale) {
          out.push({ date: facts.asOf, section: block.section, sentence, rule: 'recency', detail: `"${m[1]}" for an event dated ${stale.text}` });
        } else if (!backed) {
          const window = w === 'new' ? `since ${facts.changes.since ?? `the last ${t.noteIntervalDays} days`}` : `in the last ${t.recentDays} days`;
          out.push({ date: facts.asOf, section: block.section, sentence, rule: 'recency', detail: `"${m[1]}" with no event ${window} behind it` });
        }
      }
    }
  }
  return out;
}
