import { isOptions, unwrap } from './format.js';

const args = (xs: unknown[]) => xs.filter((x) => !isOptions(x)).map(unwrap);

/** `{{#if (and a b)}}`, `{{#if (or a b)}}`, `{{#unless (not a)}}`. */
export const and = (...xs: unknown[]): boolean => args(xs).every(Boolean);
export const or = (...xs: unknown[]): boolean => args(xs).some(Boolean);
export const not = (x: unknown): boolean => !unwrap(x);
/** `{{#if (has x)}}`: the figure has a value (not null). */
export const has = (x: unknown): boolean => {
  const v = unwrap(x);
  return v !== null && v !== undefined;
};
