import { numberArg } from './format.js';

/** `{{pct (abs x)}}`: the size of a change whose direction the sentence already says. */
export default function abs(value: unknown): number | null {
  const v = numberArg('abs', value);
  return v === null ? null : Math.abs(v);
}
