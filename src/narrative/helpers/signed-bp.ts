import { MISSING, numberArg, signed } from './format.js';

/** `{{signedBp -41.6}}` → "−42 bp". */
export default function signedBp(value: unknown): string {
  const v = numberArg('signedBp', value);
  return v === null ? MISSING : `${signed(v, 0)} bp`;
}
