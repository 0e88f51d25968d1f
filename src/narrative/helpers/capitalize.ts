import { describe } from './format.js';

/** `{{capitalize (ordinal 2)}}` → "Second". */
export default function capitalize(value: unknown): string {
  if (typeof value !== 'string') throw new TypeError(`capitalize: expected text, got ${describe(value)}`);
  return value.charAt(0).toUpperCase() + value.slice(1);
}
