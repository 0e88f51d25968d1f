import { isOptions, numberArg } from './format.js';

/** `{{plural 1 "signal"}}` → "signal"; `{{plural 3 "signal"}}` → "signals"; `{{plural n "box" "boxes"}}`. */
export default function plural(value: unknown, singular: unknown, pluralForm?: unknown): string {
  const n = numberArg('plural', value);
  if (typeof singular !== 'string') throw new TypeError('plural: the second argument must be the singular word');
  const many = typeof pluralForm === 'string' && !isOptions(pluralForm) ? pluralForm : `${singular}s`;
  return n === 1 ? singular : many;
}
