import { format } from 'date-fns/format'; // one function's modules, not the whole library's
import { parseISO } from 'date-fns/parseISO';
import { describe, isOptions, MISSING, unwrap } from './format.js';

/** Named formats editors can use instead of date-fns tokens. */
const NAMED: Record<string, string> = {
  long: 'EEEE, d MMMM yyyy',
  medium: 'd MMMM yyyy',
  short: 'd MMM yyyy',
  month: 'MMMM',
  monthDay: 'd MMMM',
  iso: 'yyyy-MM-dd',
};

/** The note's as-of date, from the render context's root (absent when a helper is called on its own). */
export function rootAsOf(options: unknown): string | undefined {
  const root = isOptions(options) ? (options as { data?: { root?: { asOf?: unknown } } }).data?.root : undefined;
  return typeof root?.asOf === 'string' ? root.asOf : undefined;
}

/** A date argument: an ISO string, a Figure of one, or a recency judgement (`{ date, … }`). */
export function dateArg(helper: string, value: unknown): string | null {
  let v = unwrap(value);
  if (v && typeof v === 'object' && 'kind' in v && (v as { kind: unknown }).kind === 'recency') v = (v as unknown as { date: unknown }).date;
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new TypeError(`${helper}: expected a YYYY-MM-DD date, got ${describe(v)}`);
  return v;
}

/**
 * `{{date asOf "long"}}` → "Friday, 12 December 2025"; any date-fns pattern works too. A pattern without a year
 * ("monthDay", "month") gets the year added when the date is not in the note's as-of year: every past date carries
 * its year when it is not this year, and only then ("set in October" in a note of November 2025).
 */
export default function date(value: unknown, pattern?: unknown, options?: unknown): string {
  const v = dateArg('date', value);
  if (v === null) return MISSING;
  const opts = isOptions(pattern) ? pattern : options;
  const p = pattern === undefined || isOptions(pattern) ? 'medium' : String(pattern);
  let fmt = NAMED[p] ?? p;
  const asOf = rootAsOf(opts);
  if (asOf && asOf.slice(0, 4) !== v.slice(0, 4) && !/y/.test(fmt)) fmt += ' yyyy';
  return format(parseISO(v), fmt);
}
