import { describe } from './format.js';

/** `{{list years}}` → "2016, 2019 and 2024"; an empty list prints "none". */
export default function list(value: unknown): string {
  if (!Array.isArray(value)) throw new TypeError(`list: expected an array, got ${describe(value)}`);
  const items = value.map(String);
  if (items.length === 0) return 'none';
  if (items.length === 1) return items[0];
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
