import { describe } from './format.js';

/** `{{lowercase "Large caps"}}` → "large caps": a name in the middle of a sentence. */
export default function lowercase(value: unknown): string {
  if (typeof value !== 'string') throw new TypeError(`lowercase: expected text, got ${describe(value)}`);
  return value.toLowerCase();
}
