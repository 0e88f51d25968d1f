import { format, parseISO } from 'date-fns';
import { describe, MISSING, unwrap } from './format.js';

/** `{{since "2023-02-17"}}` → "since February 2023"; no date → "in the available history". */
export default function since(value: unknown): string {
  const v = unwrap(value);
  if (v === null || v === undefined) return 'in the available history';
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new TypeError(`since: expected a YYYY-MM-DD date, got ${describe(v)}`);
  return v ? `since ${format(parseISO(v), 'MMMM yyyy')}` : MISSING;
}
