/**
 * Rule `numbers`: every percent, basis-point and point figure printed in the prose is a fact at its printed
 * rounding, and a printed difference agrees with the two rounded figures printed beside it.
 *
 *   1. find the figures of each sentence: `12.3%`, `−1.2%`, `+0.4%`, `69 bp`, `42 basis points`, `0.8 points`,
 *      `3.6 percentage points` (years, dates, levels and plain counts carry no unit and are not figures)
 *   2. each must equal some numeric fact rounded to the printed decimals; with an explicit sign the sign must
 *      agree too, without one the size is compared (the words carry the direction: "down 1.2%")
 *   3. a printed difference — "by N points", "N percentage points" — must be the difference of two percents
 *      printed before it in the same paragraph, at their printed roundings (which two is not read from the words:
 *      any pair will do, so "trail by 0.2 points" after −25.1% and −24.8% fails and "the averages differ by 3.0
 *      points" after +11.8% … +8.8% passes); a point figure that is no difference ("a standard error of 11.3
 *      points") is only checked as a fact
 */
import type { Facts } from '../../facts/types.js';
import { fixedOf, indexFacts, type FactsIndex } from './facts-index.js';
import { proseBlocks } from './prose.js';
import type { Violation } from './types.js';

export interface PrintedFigure {
  /** As printed, e.g. `−25.1%`. */
  text: string;
  value: number;
  decimals: number;
  /** The sign was printed (+ or −). */
  signed: boolean;
  unit: 'percent' | 'bp' | 'points';
  index: number;
}

const NUMBER = String.raw`([+\-−]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?`;
const FIGURE = new RegExp(String.raw`(?<![\w.,])${NUMBER}(?:\s?(%)|\s(bp|basis points?)\b|\s((?:percentage[- ])?points?)\b)`, 'g');

/**
 * The unit-bearing figures of a sentence, in order.
 * @example printedFigures('down 25.1%, against −24.8%').map((f) => f.value) //=> [25.1, -24.8]
 */
export function printedFigures(sentence: string): PrintedFigure[] {
  const out: PrintedFigure[] = [];
  for (const m of sentence.matchAll(FIGURE)) {
    const [text, sign, whole, frac = ''] = m;
    const size = Number(`${whole.replace(/,/g, '')}.${frac || '0'}`);
    const unit = m[4] ? 'percent' : m[5] ? 'bp' : 'points';
    out.push({ text, value: sign === '-' || sign === '−' ? -size : size, decimals: frac.length, signed: sign !== '', unit, index: m.index ?? 0 });
  }
  return out;
}

/** Is the printed figure some fact at its printed rounding? */
export function matchesFact(f: PrintedFigure, index: FactsIndex): boolean {
  const r = index.rounded(f.decimals);
  return f.signed ? r.signed.has(fixedOf(f.value, f.decimals)) : r.abs.has(fixedOf(Math.abs(f.value), f.decimals));
}

/**
 * The gaps a printed difference may state for two printed percents: |a − b|, and |a| + |b| when a sign is left
 * to the words ("up 5.0%, against a loss of 3.0%").
 */
function allowedGaps(a: PrintedFigure, b: PrintedFigure, decimals: number): string[] {
  const out = [fixedOf(Math.abs(a.value - b.value), decimals)];
  if (!a.signed || !b.signed) {
    out.push(fixedOf(Math.abs(Math.abs(a.value) - Math.abs(b.value)), decimals), fixedOf(Math.abs(a.value) + Math.abs(b.value), decimals));
  }
  return out;
}

/** "by 0.3 points", "0.3 percentage points": a figure that states a difference. */
function isDifference(sentence: string, f: PrintedFigure): boolean {
  return f.unit === 'points' && (/percentage/.test(f.text) || /\bby\s+$/.test(sentence.slice(0, f.index)));
}

const fmt = (v: number, d: number) => fixedOf(Math.abs(v), d);

export function numbersRule(html: string, facts: Facts, index: FactsIndex = indexFacts(facts)): Violation[] {
  const out: Violation[] = [];
  for (const block of proseBlocks(html)) {
    const before: PrintedFigure[] = [];
    for (const sentence of block.sentences) {
      const figures = printedFigures(sentence);
      for (const f of figures) {
        if (!matchesFact(f, index)) {
          out.push({ date: facts.asOf, section: block.section, sentence, rule: 'numbers', detail: `${f.text} is no fact at ${f.decimals} decimal${f.decimals === 1 ? '' : 's'}` });
        }
        if (isDifference(sentence, f)) {
          const percents = [...before, ...figures.filter((g) => g.index < f.index)].filter((g) => g.unit === 'percent');
          if (percents.length >= 2) {
            const [a, b] = percents.slice(-2);
            const printed = fixedOf(Math.abs(f.value), f.decimals);
            const pairs = percents.flatMap((x, i) => percents.slice(i + 1).map((y) => [x, y] as const));
            if (!pairs.some(([x, y]) => allowedGaps(x, y, f.decimals).includes(printed))) {
              out.push({
                date: facts.asOf, section: block.section, sentence, rule: 'numbers',
                detail: percents.length === 2
                  ? `${printed} points ≠ ${fmt(a.value, a.decimals)} − ${fmt(b.value, b.decimals)}`
                  : `${printed} points is no difference of two printed percents (${percents.map((x) => fmt(x.value, x.decimals)).join(', ')})`,
              });
            }
          }
        }
      }
      before.push(...figures);
    }
  }
  return out;
}
