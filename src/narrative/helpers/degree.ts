import { numberArg } from './format.js';

/**
 * `{{degree gap 2 5 "slightly" "well" "far"}}` → a word chosen by the size of |value|: below the first
 * threshold the first word, below the second the second word, else the third.
 */
export default function degree(value: unknown, t1: unknown, t2: unknown, w1: unknown, w2: unknown, w3: unknown): string {
  const v = numberArg('degree', value);
  if (typeof t1 !== 'number' || typeof t2 !== 'number' || !(t1 <= t2)) throw new TypeError('degree: thresholds must be two numbers, smallest first');
  for (const w of [w1, w2, w3]) if (typeof w !== 'string') throw new TypeError('degree: needs three words after the thresholds');
  if (v === null) return '';
  const a = Math.abs(v);
  return (a < t1 ? w1 : a < t2 ? w2 : w3) as string;
}
