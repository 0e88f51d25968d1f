import { InvalidArgumentError } from 'commander';
import type { OutputFormat } from '../pipeline/build-note.js';

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
