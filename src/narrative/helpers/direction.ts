import { numberArg } from './format.js';

/** `{{direction x "rose" "fell" "was unchanged"}}`: the word for the sign of x. */
export default function direction(value: unknown, up: unknown, down: unknown, flat?: unknown): string {
  const v = numberArg('direction', value);
  if (typeof up !== 'string' || typeof down !== 'string') throw new TypeError('direction: needs an up word and a down word');
  if (v === null) return '';
  if (v > 0) return up;
  if (v < 0) return down;
  return typeof flat === 'string' ? flat : up;
}
