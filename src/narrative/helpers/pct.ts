import { fixed, intOption, MISSING, numberArg } from './format.js';

/** `{{pct 14.414}}` → "14.4%"; `{{pct x 2}}` → two decimals. Value in percent. */
export default function pct(value: unknown, decimals?: unknown): string {
  const v = numberArg('pct', value);
  return v === null ? MISSING : `${fixed(v, intOption('pct', decimals, 1))}%`;
}
