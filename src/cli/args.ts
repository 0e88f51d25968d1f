import { InvalidArgumentError } from 'commander';
import type { OutputFormat } from '../pipeline/build-notes.js';

/** `--as-of YYYY-MM-DD`, checked to be a real calendar date. */
export function parseDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== value) throw new InvalidArgumentError(`expected a date as YYYY-MM-DD, got "${value}"`);
  return value;
}

const FORMATS: OutputFormat[] = ['pdf', 'html', 'email'];

/** `--format pdf,html,email`. */
export function parseFormats(value: string): OutputFormat[] {
  const list = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const f of list) if (!FORMATS.includes(f as OutputFormat)) throw new InvalidArgumentError(`unknown format "${f}" (use ${FORMATS.join(', ')})`);
  if (list.length === 0) throw new InvalidArgumentError('give at least one format');
  return [...new Set(list)] as OutputFormat[];
}

export function parsePaper(value: string): 'A4' | 'Letter' {
  const v = value.toLowerCase();
  if (v === 'a4') return 'A4';
  if (v === 'letter' || v === 'us-letter') return 'Letter';
  throw new InvalidArgumentError(`unknown paper "${value}" (use A4 or Letter)`);
}

/** `--symbols IWM,IJR`: upper-cased, de-duplicated, at least one. */
export function parseSymbols(value: string): string[] {
  const list = [...new Set(value.split(',').map((s) => s.trim()).filter(Boolean))];
  if (list.length === 0) throw new InvalidArgumentError('give at least one symbol, e.g. --symbols IWM,IJR');
  return list;
}

export type Every = 'day' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

export const WEEKDAYS: Every[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/**
 * `--every day|monday…sunday` (also mon…sun), any letter case.
 * @example parseEvery('Friday') //=> 'friday'
 */
export function parseEvery(value: string): Every {
  const v = value.trim().toLowerCase();
  if (v === 'day' || v === 'daily') return 'day';
  const hit = WEEKDAYS.find((d) => d === v || d.slice(0, 3) === v);
  if (!hit) throw new InvalidArgumentError(`use day or a weekday (monday … friday), got "${value}"`);
  return hit;
}

/** A repeatable option that also takes comma-separated values: every value given, in order. */
function collectList(value: string, previous: unknown): string[] {
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  return [...(Array.isArray(previous) ? (previous as string[]) : []), ...list];
}

/** `--note a --note b` / `--note a,b`: collects note names (the first one replaces the default). */
export const collectNotes = collectList;

/** `--mail-to a@x.com,b@y.com` (repeatable): collects the recipients. */
export const collectAddresses = collectList;

/** `--port N`: 0 … 65535 (0 = any free port). */
export function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError(`expected a port number 0 … 65535, got "${value}"`);
  return n;
}

/** `--retries N`: a whole number ≥ 0. */
export function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`expected a whole number ≥ 0, got "${value}"`);
  return Number(value);
}

/** `--timeout-ms N`: a whole number of milliseconds, at least 1. */
export function parseTimeout(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1) throw new InvalidArgumentError(`expected milliseconds as a whole number ≥ 1, got "${value}"`);
  return n;
}
