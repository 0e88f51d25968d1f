import { intOption, MISSING, numberArg, signed } from './format.js';

/** `{{signedPct 14.414}}` → "+14.4%", `{{signedPct -3.2}}` → "−3.2%". */
export default function signedPct(value: unknown, decimals?: unknown): string {
  const v = numberArg('signedPct', value);
  return v === null ? MISSING : `${signed(v, intOption('signedPct', decimals, 1))}%`;
}
