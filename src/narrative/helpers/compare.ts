import { describe, unwrap } from './format.js';

function num(name: string, x: unknown): number {
  const v = unwrap(x);
  if (typeof v !== 'number') throw new TypeError(`${name}: expected numbers, got ${describe(v)}`);
  return v;
}

/** `{{#if (gt a b)}}` and friends: comparisons for conditional wording. Figures are unwrapped. */
export const gt = (a: unknown, b: unknown): boolean => num('gt', a) > num('gt', b);
export const gte = (a: unknown, b: unknown): boolean => num('gte', a) >= num('gte', b);
export const lt = (a: unknown, b: unknown): boolean => num('lt', a) < num('lt', b);
export const lte = (a: unknown, b: unknown): boolean => num('lte', a) <= num('lte', b);
/** Equality of plain values (strings, numbers, booleans); Figures are unwrapped. */
export const eq = (a: unknown, b: unknown): boolean => unwrap(a) === unwrap(b);
export const ne = (a: unknown, b: unknown): boolean => unwrap(a) !== unwrap(b);
