import type { IsoDate } from '../data/types.js';

/**
 * A figure together with the provenance the facts layer needs: the actual dates of the rows used
 * (`from` = the first/base row, `to` = the last/end row) and, when `value` is `null`, the reason.
 *
 * @example measured(4.5, '2024-12-31', '2025-03-31') //=> { value: 4.5, from: '2024-12-31', to: '2025-03-31' }
 */
export interface Measured<T> {
  value: T | null;
  from: IsoDate | null;
  to: IsoDate | null;
  /** Why `value` is null ("no close on or before 2024-12-31"); absent when there is a value. */
  reason?: string;
}

/** A figure with a value and the dates of the rows it was computed from. */
export function measured<T>(value: T, from: IsoDate, to: IsoDate): Measured<T> {
  return { value, from, to };
}

/**
 * A figure that could not be computed, with the reason (and the dates that were found, if any).
 * @example unmeasured('window longer than data') //=> { value: null, from: null, to: null, reason: 'window longer than data' }
 */
export function unmeasured<T>(reason: string, from: IsoDate | null = null, to: IsoDate | null = null): Measured<T> {
  return { value: null, from, to, reason };
}
