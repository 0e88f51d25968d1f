/**
 * Rule `dates`: a date printed without its year must be a date of the as-of year that the facts hold ("12
 * December" → `YYYY-12-12`; "in June", "since March" → some fact date in that month of the as-of year, on or
 * before the as-of date). A date of another year must print its year.
 */
import type { Facts } from '../../facts/types.js';
import { indexFacts, type FactsIndex } from './facts-index.js';
import { proseBlocks } from './prose.js';
import type { Violation } from './types.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const M = `(${MONTHS.join('|')})`;
/** "12 December", "12 December 2025", "December 12", "December 12, 2025", "December 2025", "in December". */
const DATE = new RegExp(String.raw`\b(?:(\d{1,2}) ${M}(?:,? (\d{4}))?|${M} (\d{1,2})(?!\d)(?:, (\d{4}))?|${M}(?:,? (\d{4}))?)\b`, 'g');

export interface PrintedDate {
  text: string;
  month: number;
  day?: number;
  year?: number;
}

/**
 * The calendar dates printed in a sentence.
 * @example printedDates('On 3 May it broke out, since June 2024').map((d) => d.text) //=> ['3 May', 'June 2024']
 */
export function printedDates(sentence: string): PrintedDate[] {
  const out: PrintedDate[] = [];
  for (const m of sentence.matchAll(DATE)) {
    const [text, d1, m1, y1, m2, d2, y2, m3, y3] = m;
    const month = MONTHS.indexOf(m1 ?? m2 ?? m3) + 1;
    const day = d1 ?? d2;
    const year = y1 ?? y2 ?? y3;
    // "May" is also a verb: a bare month counts only after a preposition that introduces a time.
    if (!day && !year && !new RegExp(String.raw`\b(?:in|since|from|until|by|of|early|late|mid|through|before|after)\s+$`, 'i').test(sentence.slice(0, m.index))) continue;
    out.push({ text, month, day: day ? Number(day) : undefined, year: year ? Number(year) : undefined });
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function datesRule(html: string, facts: Facts, index: FactsIndex = indexFacts(facts)): Violation[] {
  const out: Violation[] = [];
  const year = facts.asOf.slice(0, 4);
  for (const block of proseBlocks(html)) {
    for (const sentence of block.sentences) {
      for (const d of printedDates(sentence)) {
        if (d.year !== undefined) continue;
        const prefix = `${year}-${pad(d.month)}`;
        const ok = d.day !== undefined
          ? index.dates.has(`${prefix}-${pad(d.day)}`) && `${prefix}-${pad(d.day)}` <= facts.asOf
          : [...index.dates].some((x) => x.startsWith(prefix) && x <= facts.asOf);
        if (!ok) {
          out.push({ date: facts.asOf, section: block.section, sentence, rule: 'dates', detail: `"${d.text}" has no year and is no date of ${year} in the facts` });
        }
      }
    }
  }
  return out;
}
