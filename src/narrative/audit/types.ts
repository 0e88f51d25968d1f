import type { Facts } from '../../facts/types.js';

/** One sentence of a note that its own facts do not back. */
export interface Violation {
  /** The note's as-of date. */
  date: string;
  /** The enclosing `<section id>`, a figure (`fig-ytd`), `key-figures` or `what-changed`. */
  section: string;
  /** The sentence holding the problem, tags stripped. */
  sentence: string;
  rule: RuleName;
  /** What is wrong, e.g. `0.2 points ≠ 25.1 − 24.8`. */
  detail: string;
}

export type RuleName = 'numbers' | 'dates' | 'recency' | 'judgements' | 'contradictions';

/**
 * A rule of the audit: a pure function of the rendered narrative (HTML) and the facts it was rendered from.
 * Rules do not depend on the wording of the templates, only on figures, dates and a few marker words.
 */
export type AuditRule = (html: string, facts: Facts) => Violation[];

/** A facts object seen as plain JSON (judgement objects, thresholds and claims may or may not be there yet). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
