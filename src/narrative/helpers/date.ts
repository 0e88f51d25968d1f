import { format, parseISO } from 'date-fns';
import { describe, isOptions, MISSING, unwrap } from './format.js';

/** Named formats editors can use instead of date-fns tokens. */
const NAMED: Record<string, string> = {
  long: 'EEEE, d MMMM yyyy',
  medium: 'd MMMM yyyy',
  short: 'd MMM yyyy',
  month: 'MMMM yyyy',
  monthDay: 'd MMMM',
  iso: 'yyyy-MM-dd',
};

/** `{{date asOf "long"}}` → "Friday, 12 December 2025"; any date-fns pattern works too. */
export default function date(value: unknown, pattern?: unknown): string {
  const v = unwrap(value);
  if (v === null || v === undefined) return MISSING;
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new TypeError(`date: expected a YYYY-MM-DD date, got ${describe(v)}`);
  const p = pattern === undefined || isOptions(pattern) ? 'medium' : String(pattern);
  return format(parseISO(v), NAMED[p] ?? p);
}
