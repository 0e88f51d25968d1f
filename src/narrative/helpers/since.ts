import { format } from 'date-fns/format'; // one function's modules, not the whole library's
import { parseISO } from 'date-fns/parseISO';
import { rootAsOf, dateArg } from './date.js';

/**
 * `{{since "2023-02-17"}}` → "since February 2023"; no date → "in the available history". Given a recency
 * judgement, a new or recent event is dated to the day ("since 18 September", with the year when it is not the
 * as-of year) and an older one to the month ("since February 2023"). A date in the as-of date's own month is
 * always dated to the day ("since April 2025" in a note of 25 April 2025 said nothing).
 */
export default function since(value: unknown, options?: unknown): string {
  const v = dateArg('since', value);
  if (v === null) return 'in the available history';
  const recent = typeof value === 'object' && value !== null && (value as { recent?: unknown }).recent === true;
  const asOf = rootAsOf(options);
  if (!recent && !(asOf && asOf.slice(0, 7) === v.slice(0, 7))) return `since ${format(parseISO(v), 'MMMM yyyy')}`;
  return `since ${format(parseISO(v), asOf && asOf.slice(0, 4) !== v.slice(0, 4) ? 'd MMMM yyyy' : 'd MMMM')}`;
}
