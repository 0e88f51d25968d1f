import { fixed, MISSING, numberArg } from './format.js';

/** `{{bp -41.6}}` → "42 bp": a size in basis points, sign dropped (the words carry the direction). */
export default function bp(value: unknown): string {
  const v = numberArg('bp', value);
  return v === null ? MISSING : `${fixed(Math.abs(v), 0)} bp`;
}
