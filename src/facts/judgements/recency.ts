import { dayNumber, weekBefore } from '../../data/calendar.js';
import type { IsoDate } from '../../data/types.js';
import type { Thresholds } from './thresholds.js';

/**
 * How old an event is, relative to the note: `new` when it happened after the previous note's as-of date (a
 * week earlier), `recent` within `recentDays` (the only meaning of "lately"), else `older`. `sameYear` says
 * whether its date may be printed without a year.
 */
export interface Recency {
  kind: 'recency';
  date: IsoDate;
  /** Calendar days from the event to the as-of date. */
  days: number;
  age: 'new' | 'recent' | 'older';
  /** New or recent: the event may be called "lately" or "recently". */
  recent: boolean;
  sameYear: boolean;
}

/**
 * The previous note's as-of date, read as the last trading day on or before it: the Friday of the week
 * `noteIntervalDays` before this one ({@link weekBefore}). Every "this week" of a note (What changed, the week's
 * moves, "new") counts from it.
 */
export function previousNoteDate(asOf: IsoDate, t: Pick<Thresholds, 'noteIntervalDays'>): IsoDate {
  return weekBefore(asOf, t.noteIntervalDays);
}

/** @example recency('2025-12-10', '2025-12-12', t) //=> { age: 'new', days: 2, sameYear: true, … } */
export function recency(date: IsoDate | null, asOf: IsoDate, t: Thresholds): Recency | null {
  if (!date) return null;
  const days = dayNumber(asOf) - dayNumber(date);
  const age = date > previousNoteDate(asOf, t) ? 'new' : days <= t.recentDays ? 'recent' : 'older';
  return { kind: 'recency', date, days, age, recent: age !== 'older', sameYear: date.slice(0, 4) === asOf.slice(0, 4) };
}
