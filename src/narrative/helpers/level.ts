import { MISSING, numberArg } from './format.js';

const LEVEL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

/** `{{level 256}}` → "256", `{{level 42.5}}` → "42.5", `{{level 5.25}}` → "5.25": a chart level with no padding zeros. */
export default function level(value: unknown): string {
  const v = numberArg('level', value);
  if (v === null) return MISSING;
  const s = LEVEL.format(Number(v.toFixed(4)));
  return v < 0 ? s.replace('-', '\u2212') : s;
}
