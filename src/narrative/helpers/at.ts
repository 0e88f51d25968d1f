import { describe } from './format.js';

/** `{{pct (at returns.ytd roles.smallCap)}}`: look a key up in an object, failing loudly when it is absent. */
export default function at(obj: unknown, key: unknown): unknown {
  if (typeof obj !== 'object' || obj === null) throw new TypeError(`at: expected an object, got ${describe(obj)}`);
  if (typeof key !== 'string' && typeof key !== 'number') throw new TypeError(`at: expected a key, got ${describe(key)}`);
  if (!Object.prototype.hasOwnProperty.call(obj, key)) {
    throw new TypeError(`at: "${key}" is not one of ${Object.keys(obj).join(', ')}`);
  }
  return (obj as Record<string, unknown>)[key];
}
