import { numberArg } from './format.js';

const WORDS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** `{{ordinal 2}}` → "second" … "tenth", then "11th", "22nd", "103rd". */
export default function ordinal(value: unknown): string {
  const n = numberArg('ordinal', value);
  if (n === null || !Number.isInteger(n) || n < 0) throw new TypeError(`ordinal: expected a whole number ≥ 0, got ${String(value)}`);
  if (n < WORDS.length) return WORDS[n];
  const mod100 = n % 100;
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}
