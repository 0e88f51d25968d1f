/**
 * The truth audit: replay a note over many dates and check its sentences against its own facts.
 *
 *   1. the dates: every `--every` weekday from A to B, rolled back to the last trading day (as a batch build)
 *   2. for each date the facts (consecutive weeks reuse the previous week's facts) and the narrative only: chart
 *      placeholders, no drawing, no PDF
 *   3. every rule on (HTML, facts): numbers, dates, recency, judgements, contradictions (one module each)
 *   4. violations as data; `formatViolation` prints one line each
 */
import { placeholderFigures } from '../../charts/build-charts.js';
import type { IsoDate, Market } from '../../data/types.js';
import { buildFacts, requiredSeries } from '../../facts/build-facts.js';
import type { Facts } from '../../facts/types.js';
import { lastClaims, templateContext } from '../../render/render-note.js';
import type { NoteSource } from '../../note/load-note.js';
import { compileNote } from '../render-narrative.js';
import { contradictionsRule } from './contradictions.js';
import { datesRule } from './dates.js';
import { indexFacts } from './facts-index.js';
import { judgementsRule, uncheckedKinds } from './judgements.js';
import { numbersRule } from './numbers.js';
import { recencyRule } from './recency.js';
import type { RuleName, Violation } from './types.js';

export type { Violation, RuleName } from './types.js';
export { CONTRADICTIONS } from './contradictions.js';
export { JUDGEMENT_CHECKS, FIELD_CHECKS } from './judgements.js';

export const RULE_NAMES: RuleName[] = ['numbers', 'dates', 'recency', 'judgements', 'contradictions'];

/** Every rule over one rendered note. */
export function auditNote(html: string, facts: Facts): { violations: Violation[]; unchecked: string[] } {
  const index = indexFacts(facts);
  const violations = [
    ...numbersRule(html, facts, index),
    ...datesRule(html, facts, index),
    ...recencyRule(html, facts, index),
    ...judgementsRule(html, facts, index),
    ...contradictionsRule(html, facts),
  ];
  return { violations, unchecked: uncheckedKinds(index) };
}

export interface AuditReport {
  dates: IsoDate[];
  violations: Violation[];
  /** Judgement kinds found in the facts that no check of the audit covers. */
  unchecked: string[];
}

export interface AuditOptions {
  /** Called after each date (progress bars). */
  onDate?: (done: number, total: number, date: IsoDate) => void;
}

/**
 * The note over each date: facts, narrative with chart placeholders, every rule. The one loop of the audit: a
 * pipeline that builds many notes at once can replace it without touching the rules.
 */
export function auditDates(note: NoteSource, market: Market, dates: readonly IsoDate[], options: AuditOptions = {}): AuditReport {
  const render = compileNote(note);
  const figures = placeholderFigures();
  const violations: Violation[] = [];
  const unchecked = new Set<string>();
  dates.forEach((asOf, i) => {
    const facts = buildFacts(market, note.config, { asOf, noteName: note.name });
    const html = render(templateContext(facts, figures, note));
    // the rules see the facts as the facts file holds them: with the claims each template's text read
    const result = auditNote(html, { ...facts, claims: lastClaims(render) } as Facts);
    violations.push(...result.violations);
    for (const k of result.unchecked) unchecked.add(k);
    options.onDate?.(i + 1, dates.length, asOf);
  });
  return { dates: [...dates], violations, unchecked: [...unchecked].sort() };
}

/** The series a note needs (the dates of the audit are the days they all have data). */
export function auditSeries(note: NoteSource): string[] {
  return requiredSeries(note.config);
}

/**
 * `2025-12-12 rates "sentence…" numbers: 0.2 points ≠ 25.1 − 24.8`
 */
export function formatViolation(v: Violation, maxSentence = 160): string {
  const s = v.sentence.length > maxSentence ? `${v.sentence.slice(0, maxSentence - 1)}…` : v.sentence;
  return `${v.date} ${v.section} "${s}" ${v.rule}: ${v.detail}`;
}

/** Violations per rule, every rule listed. */
export function countByRule(violations: readonly Violation[]): Record<RuleName, number> {
  const out = Object.fromEntries(RULE_NAMES.map((r) => [r, 0])) as Record<RuleName, number>;
  for (const v of violations) out[v.rule]++;
  return out;
}
