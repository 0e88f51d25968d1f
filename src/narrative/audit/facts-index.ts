import type { Facts } from '../../facts/types.js';
import type { Json } from './types.js';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Parts of the facts that are not statements of the note: chart series (every row) and provenance text. A
 * figure's `from`/`to` dates stay: "since the end of June" cites the start of the second half.
 */
const NOT_STATED = new Set(['charts', 'inputs', 'method', 'unit', 'reason']);

/** What the audit looks things up in, built once per note. */
export interface FactsIndex {
  /** Every numeric fact (chart data and provenance excluded). */
  numbers: number[];
  /** `toFixed(decimals)` of every numeric fact and of its absolute value, by number of decimals. */
  rounded(decimals: number): { signed: Set<string>; abs: Set<string> };
  /** Every ISO date a fact holds (chart data and provenance excluded). */
  dates: Set<string>;
  /** Every object with a string `kind`: the judgements, with their dotted path. */
  judgements: { path: string; judgement: Record<string, Json> }[];
}

/** `-0.0` and `0.0` are the same printed figure. */
export const fixedOf = (v: number, d: number): string => {
  const s = v.toFixed(d);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
};

/** Walk a facts object once and index its numbers, dates and judgements. */
export function indexFacts(facts: Facts): FactsIndex {
  const numbers: number[] = [];
  const dates = new Set<string>();
  const judgements: FactsIndex['judgements'] = [];
  const walk = (x: unknown, path: string): void => {
    if (typeof x === 'number') {
      if (Number.isFinite(x)) numbers.push(x);
    } else if (typeof x === 'string') {
      if (ISO.test(x)) dates.add(x);
    } else if (Array.isArray(x)) {
      x.forEach((v, i) => walk(v, `${path}[${i}]`));
    } else if (x && typeof x === 'object') {
      const o = x as Record<string, Json>;
      // what-changed items carry a `kind` too, but they are change records, not judgements
      if (typeof o.kind === 'string' && !path.startsWith('changes.')) judgements.push({ path, judgement: o });
      for (const [k, v] of Object.entries(o)) if (!NOT_STATED.has(k)) walk(v, path ? `${path}.${k}` : k);
    }
  };
  walk(facts, '');
  const cache = new Map<number, { signed: Set<string>; abs: Set<string> }>();
  const rounded = (d: number) => {
    let hit = cache.get(d);
    if (!hit) {
      hit = { signed: new Set(numbers.map((n) => fixedOf(n, d))), abs: new Set(numbers.map((n) => fixedOf(Math.abs(n), d))) };
      cache.set(d, hit);
    }
    return hit;
  };
  return { numbers, rounded, dates, judgements };
}

/** The value at a dotted path (`a.b.c`), unwrapping `{ value }` figures; undefined when absent. */
export function at(facts: unknown, path: string): unknown {
  let cur: unknown = facts;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !(part in (cur as object))) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return plain(cur);
}

/** A figure `{ value, unit, … }` → its value; anything else unchanged. */
export function plain(x: unknown): unknown {
  return x !== null && typeof x === 'object' && !Array.isArray(x) && 'value' in x && !('kind' in x) ? (x as { value: unknown }).value : x;
}

/** Calendar days from `a` to `b` (ISO dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
