import { fixed, intOption, MISSING, numberArg } from './format.js';

/** `{{num 4.4321 2}}` → "4.43"; `{{num 6812.3}}` → "6,812" (default 0 decimals). */
export default function num(value: unknown, decimals?: unknown): string {
  const v = numberArg('num', value);
  return v === null ? MISSING : fixed(v, intOption('num', decimals, 0));
}
