import { intOption, MISSING, numberArg } from './format.js';

const LEVEL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

/**
 * `{{level 256}}` → "256", `{{level 42.5}}` → "42.5", `{{level 5.25}}` → "5.25": a chart level with no padding zeros;
 * `{{level 14 1}}` → "14.0": at least that many decimals, for a chart whose boxes have them (TNX's 0.5 boxes: "a sell
 * signal at 14" beside "has fallen to 13.5" read as a 14% yield).
 */
export default function level(value: unknown, decimals?: unknown): string {
  const v = numberArg('level', value);
  if (v === null) return MISSING;
  const d = intOption('level', decimals, 0);
  const s = (d > 0 ? new Intl.NumberFormat('en-US', { minimumFractionDigits: d, maximumFractionDigits: Math.max(d, 4) }) : LEVEL).format(Number(v.toFixed(4)));
  return v < 0 ? s.replace('-', '\u2212') : s;
}
