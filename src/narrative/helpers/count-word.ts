import { numberArg } from './format.js';

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** `{{countWord 4}}` → "four"; numbers above ten print as digits. */
export default function countWord(value: unknown): string {
  const n = numberArg('countWord', value);
  if (n === null || !Number.isInteger(n) || n < 0) throw new TypeError(`countWord: expected a whole number ≥ 0, got ${String(value)}`);
  return n < WORDS.length ? WORDS[n] : String(n);
}
