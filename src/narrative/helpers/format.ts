import { isFigure } from '../../facts/provenance.js';

/** Text printed for a figure that has no value (the facts say why in `reason`). */
export const MISSING = 'n/a';
/** Typographic minus, as research notes print negative numbers. */
export const MINUS = '\u2212';

/** Unwrap a Figure to its value; plain values pass through. */
export function unwrap(x: unknown): unknown {
  return isFigure(x) ? x.value : x;
}

/** The numeric value of a helper argument: a number, a Figure of a number, or null/undefined (→ null). */
export function numberArg(helper: string, x: unknown): number | null {
  const v = unwrap(x);
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  throw new TypeError(`${helper}: expected a number, got ${describe(v)}`);
}

/** A whole-number option such as the decimals of `pct`; Handlebars passes its options hash last. */
export function intOption(helper: string, x: unknown, fallback: number): number {
  if (x === undefined || isOptions(x)) return fallback;
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 0) {
    throw new TypeError(`${helper}: decimals must be a whole number ≥ 0, got ${describe(x)}`);
  }
  return x;
}

export function isOptions(x: unknown): boolean {
  return typeof x === 'object' && x !== null && 'hash' in x && 'data' in x;
}

export function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}

/** One en-US formatter per number of decimals (`toLocaleString` with options builds a new one on every call). */
const formatters = new Map<number, Intl.NumberFormat>();

/** Fixed decimals with thousands separators and a typographic minus; −0.0 prints as 0.0. */
export function fixed(v: number, decimals: number): string {
  const rounded = Number(v.toFixed(decimals));
  let f = formatters.get(decimals);
  if (f === undefined) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formatters.set(decimals, f);
  }
  const abs = f.format(Math.abs(rounded));
  return rounded < 0 ? MINUS + abs : abs;
}

/** Like `fixed` but with an explicit sign (+ for positive, − for negative, none for zero). */
export function signed(v: number, decimals: number): string {
  const s = fixed(v, decimals);
  return Number(v.toFixed(decimals)) > 0 ? `+${s}` : s;
}
