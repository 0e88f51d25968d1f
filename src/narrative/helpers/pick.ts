import { describe, isOptions } from './format.js';

/**
 * `{{pick judgements.lead.ytd.small.direction up="up" down="down" flat="unchanged at"}}`: the phrase the note
 * gives for a judgement's value. Every value the judgement can take must have its phrase: a value without one
 * is an error naming the value and the phrases given, never a blank. A value with spaces or punctuation is named
 * with underscores: `{{pick status Bull_Confirmed="…"}}` for "Bull Confirmed".
 */
export default function pick(value: unknown, options?: unknown): string {
  if (!isOptions(options)) throw new TypeError('pick: give the phrases as name="phrase" pairs after the value');
  const hash = (options as { hash: Record<string, unknown> }).hash;
  const key = typeof value === 'boolean' ? String(value) : value;
  if (typeof key !== 'string') throw new TypeError(`pick: expected a judgement value (a word), got ${describe(value)}`);
  // A value with spaces ("Bull Confirmed") is given as a name with underscores (Bull_Confirmed="…").
  const name = Object.prototype.hasOwnProperty.call(hash, key) ? key : key.replace(/\W+/g, '_');
  if (!Object.prototype.hasOwnProperty.call(hash, name)) {
    throw new TypeError(`pick: no phrase for "${key}" (phrases given for: ${Object.keys(hash).join(', ') || 'none'})`);
  }
  return String(hash[name]);
}
