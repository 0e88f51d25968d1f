import { levelText } from '../../facts/judgements/round.js';
import { intOption, MISSING, numberArg } from './format.js';

/**
 * `{{level 256}}` → "256", `{{level 42.5}}` → "42.5", `{{level 5.25}}` → "5.25": a chart level with no padding zeros;
 * `{{level 14 1}}` → "14.0": at least that many decimals, for a chart whose boxes have them (TNX's 0.5 boxes: "a sell
 * signal at 14" beside "has fallen to 13.5" read as a 14% yield). The facts' own texts (What changed) print levels
 * the same way (levelText).
 */
export default function level(value: unknown, decimals?: unknown): string {
  const v = numberArg('level', value);
  if (v === null) return MISSING;
  return levelText(v, intOption('level', decimals, 0));
}
