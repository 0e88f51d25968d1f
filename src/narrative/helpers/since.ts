import { format } from 'date-fns/format'; // one function's modules, not the whole library's
import { parseISO } from 'date-fns/parseISO';
import { DEFAULT_THRESHOLDS } from '../../facts/judgements/thresholds.js';
import { daysBetween } from '../../metrics/calendar.js';
import { isOptions } from './format.js';
import { rootAsOf, dateArg } from './date.js';

/**
 * `{{since "2023-02-17"}}` → "since February 2023"; no date → "in the available history". Given a recency
 * judgement, a new or recent event is dated to the day ("since 18 September") and an older one to the month
 * ("since February 2023"); a bare date is recent within the note's `thresholds.recentDays` of its as-of date, by the
 * same rule (a snapshot's "since June 2022" of 16 June in a note of 8 July said less than it knew). A date in the
 * as-of date's own month is always dated to the day ("since April 2025" in a note of 25 April 2025 said nothing).
 * The year is given only when it is not the as-of year: every past date carries its year when it is not this year.
 */
export default function since(value: unknown, options?: unknown): string {
  const v = dateArg('since', value);
  if (v === null) return 'in the available history';
  const asOf = rootAsOf(options);
  const judged = typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'recency';
  const recent = judged ? (value as { recent?: unknown }).recent === true : asOf !== undefined && daysBetween(v, asOf) <= recentDays(options);
  const sameYear = asOf !== undefined && asOf.slice(0, 4) === v.slice(0, 4);
  if (!recent && !(asOf && asOf.slice(0, 7) === v.slice(0, 7))) return `since ${format(parseISO(v), sameYear ? 'MMMM' : 'MMMM yyyy')}`;
  return `since ${format(parseISO(v), sameYear ? 'd MMMM' : 'd MMMM yyyy')}`;
}

function recentDays(options: unknown): number {
  const root = isOptions(options) ? (options as { data?: { root?: { thresholds?: { recentDays?: unknown } } } }).data?.root : undefined;
  const d = root?.thresholds?.recentDays;
  return typeof d === 'number' ? d : DEFAULT_THRESHOLDS.recentDays;
}
