/**
 * Merge a downloaded CSV into the file already on disk, without touching the rows it has: rows dated after the
 * file's last row are appended (in the file's column order and line endings); rows the file already has must
 * carry the same values, else the merge is refused (or, with `force`, those rows are replaced).
 */
import { isIsoDate } from '../data/calendar.js';
import { fail } from '../errors/market-note-error.js';
import type { IsoDate } from '../data/types.js';
import * as msg from './fetch-messages.js';

export interface MergeRowsOptions {
  /** The file written (shown in errors). */
  file: string;
  /** Where the download came from (shown in errors). */
  url: string;
  /** Replace rows whose values the source revised instead of refusing. */
  force?: boolean;
}

/** One value the source revised (only listed with `force`: without it the merge throws). */
export interface Revision {
  date: IsoDate;
  line: number;
  column: string;
  old: string;
  new: string;
}

export interface MergeResult {
  /** The file's new content (the old content when nothing changed). */
  text: string;
  changed: boolean;
  /** Rows appended after the file's last date. */
  added: number;
  first: IsoDate | null;
  last: IsoDate | null;
  /** Rows replaced because the source revised them (`force` only). */
  revised: Revision[];
  /** Downloaded rows before the file's last date that the file does not have; left out. */
  skipped: number;
}

interface Table {
  header: string[];
  dateIndex: number;
  rows: { date: IsoDate; cells: string[]; line: number }[];
}

const DATE_NAMES = new Set(['date', 'observation_date']);
const MISSING = new Set(['', '.', 'null', 'nan']);

const splitLine = (line: string): string[] => line.split(',').map((c) => c.trim());
const dateColumn = (header: string[]): number => header.findIndex((h) => DATE_NAMES.has(h.toLowerCase()));

/** Two cells hold the same value: same text, both missing, or the same number written differently (4.1 / 4.10). */
export function sameValue(a: string, b: string): boolean {
  const x = a.trim();
  const y = b.trim();
  if (x === y) return true;
  const mx = MISSING.has(x.toLowerCase());
  const my = MISSING.has(y.toLowerCase());
  if (mx || my) return mx && my;
  const nx = Number(x);
  const ny = Number(y);
  return Number.isFinite(nx) && Number.isFinite(ny) && nx === ny;
}

/** The downloaded CSV as a checked table: a date column, ISO dates going up. */
function parseDownload(text: string, url: string): Table {
  if (text.includes('\0')) {
    const p = msg.downloadNotText(url);
    fail('FETCH', p.message, { hint: p.hint });
  }
  const lines = text.replace(/^\uFEFF/, '').split('\n').map((l) => l.replace(/\r$/, ''));
  const headerAt = lines.findIndex((l) => l.trim() !== '');
  const header = headerAt >= 0 ? splitLine(lines[headerAt]) : [];
  const dateIndex = dateColumn(header);
  if (dateIndex < 0 || header.length < 2) {
    const p = msg.notACsv(url, headerAt >= 0 ? lines[headerAt].trim() : '');
    fail('FETCH', p.message, { hint: p.hint });
  }
  const rows: Table['rows'] = [];
  for (let i = headerAt + 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const cells = splitLine(lines[i]);
    if (cells.length !== header.length) {
      const p = msg.downloadShortRow(url, i + 1, cells.length, header.length);
      fail('FETCH', p.message, { hint: p.hint });
    }
    const date = cells[dateIndex] ?? '';
    if (!isIsoDate(date)) {
      const p = msg.downloadBadDate(url, i + 1, date);
      fail('FETCH', p.message, { hint: p.hint });
    }
    const prev = rows[rows.length - 1];
    if (prev && date <= prev.date) {
      const p = msg.downloadOutOfOrder(url, i + 1, date, prev.date);
      fail('FETCH', p.message, { hint: p.hint });
    }
    rows.push({ date, cells, line: i + 1 });
  }
  if (rows.length === 0) {
    const p = msg.downloadNoRows(url);
    fail('FETCH', p.message, { hint: p.hint });
  }
  return { header, dateIndex, rows };
}

/**
 * Merge `downloaded` (the source's CSV) into `existing` (the file's text, or `undefined` for a new file).
 * Old rows stay byte-identical; a new file is the download with `\n` line endings.
 * @example mergeRows('Date,Close\n2025-12-11,10\n', 'Date,Close\n2025-12-11,10.0\n2025-12-12,11\n', { file: 'X.csv', url: 'u' }).text
 * //=> 'Date,Close\n2025-12-11,10\n2025-12-12,11\n'
 */
export function mergeRows(existing: string | undefined, downloaded: string, o: MergeRowsOptions): MergeResult {
  const dl = parseDownload(downloaded, o.url);
  if (existing === undefined || existing.trim() === '') {
    const text = [dl.header.join(','), ...dl.rows.map((r) => r.cells.join(','))].join('\n') + '\n';
    return { text, changed: true, added: dl.rows.length, first: dl.rows[0].date, last: dl.rows[dl.rows.length - 1].date, revised: [], skipped: 0 };
  }

  // The file as lines, each keeping its own ending so untouched rows are written back byte for byte.
  const parts = existing.split(/(?<=\n)/);
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const bare = (s: string) => s.replace(/\r?\n$/, '');
  const headerAt = parts.findIndex((l) => l.trim() !== '');
  const header = splitLine(bare(parts[headerAt]));
  const fileDate = dateColumn(header);
  if (fileDate < 0) {
    const p = msg.existingNoDate(header);
    fail('BAD_DATA', p.message, { file: o.file, line: headerAt + 1, hint: p.hint });
  }
  // Each column of the file → its column in the download (by name, any letter case; the date columns pair up).
  const lower = dl.header.map((h) => h.toLowerCase());
  const map = header.map((h, j) => {
    if (j === fileDate) return dl.dateIndex;
    const k = lower.indexOf(h.toLowerCase());
    if (k < 0) {
      const p = msg.downloadMissingColumn(h, dl.header, o.url);
      fail('BAD_DATA', p.message, { file: o.file, line: headerAt + 1, hint: p.hint });
    }
    return k;
  });
  const lineOf = (cells: string[]) => map.map((k) => cells[k] ?? '').join(',');

  const have = new Map<IsoDate, number>();
  let lastDate = '';
  for (let i = headerAt + 1; i < parts.length; i++) {
    const date = splitLine(bare(parts[i]))[fileDate];
    if (date && isIsoDate(date)) {
      have.set(date, i);
      if (date > lastDate) lastDate = date;
    }
  }

  const revisions: (Revision & { part: number; replacement: string })[] = [];
  const appended: Table['rows'] = [];
  let skipped = 0;
  for (const row of dl.rows) {
    const at = have.get(row.date);
    if (at !== undefined) {
      const old = splitLine(bare(parts[at]));
      header.forEach((column, j) => {
        if (j === fileDate) return;
        const now = row.cells[map[j]] ?? '';
        if (!sameValue(old[j] ?? '', now)) {
          revisions.push({ date: row.date, line: at + 1, column, old: old[j] ?? '', new: now, part: at, replacement: lineOf(row.cells) });
        }
      });
    } else if (row.date > lastDate) appended.push(row);
    else skipped++;
  }

  if (revisions.length && !o.force) {
    const r = revisions[0];
    const p = msg.overlapDiffers(r.date, r.column, r.old, r.new, revisions.length - 1);
    fail('BAD_DATA', p.message, { file: o.file, line: r.line, hint: p.hint });
  }
  for (const r of revisions) parts[r.part] = r.replacement + (parts[r.part].endsWith('\n') ? eol : '');
  let text = parts.join('');
  if (appended.length) {
    if (!text.endsWith('\n')) text += eol;
    text += appended.map((r) => lineOf(r.cells) + eol).join('');
  }
  return {
    text,
    changed: appended.length > 0 || revisions.length > 0,
    added: appended.length,
    first: appended[0]?.date ?? null,
    last: appended[appended.length - 1]?.date ?? null,
    revised: revisions.map(({ part: _p, replacement: _r, ...rest }) => rest),
    skipped,
  };
}
