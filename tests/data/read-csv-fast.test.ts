/**
 * readSeriesCsv reads the usual row in place (no split) and any other row cell by cell; a file with a quoted
 * header goes through csv-parse, so every row is read cell by cell. Both must give the same series and the same
 * error, row for row: each case below is read both ways and compared. A file is read the same way a chunk of text at
 * a time (readSeriesFile), which must change nothing either, wherever the chunks end.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isIsoDate, isIsoDateAt, isoDayKeyAt } from '../../src/data/calendar.js';
import { readSeriesCsv, readSeriesFile, SERIES_CHUNK_BYTES, type ReadSeriesCsvOptions } from '../../src/data/read-csv.js';
import type { Series } from '../../src/data/types.js';
import { MarketNoteError } from '../../src/errors/market-note-error.js';

/** The same text with its header's first cell quoted: csv-parse reads it, every row cell by cell. */
function quotedHeader(text: string): string {
  const i = text.search(/[^\uFEFF]/);
  const comma = text.indexOf(',', i);
  return `${text.slice(0, i)}"${text.slice(i, comma)}"${text.slice(comma)}`;
}

/** The outcome of a read: the series' arrays and warnings, or the error as the CLI prints it (the file named X.csv). */
function outcomeOf(read: () => Series, file = 'X.csv'): unknown {
  try {
    const s = read();
    return { dates: s.dates, close: Array.from(s.close), open: s.open && Array.from(s.open), high: s.high && Array.from(s.high), low: s.low && Array.from(s.low), volume: s.volume && Array.from(s.volume), warnings: JSON.parse(JSON.stringify(s.warnings ?? null).replaceAll(file, 'X.csv')), priceField: s.priceField };
  } catch (e) {
    if (e instanceof MarketNoteError) return `[${e.code}] ${e.format().replaceAll(file, 'X.csv')}`;
    throw e;
  }
}

const outcome = (text: string, opts: ReadSeriesCsvOptions = {}) => outcomeOf(() => readSeriesCsv(text, 'X.csv', 'X', opts));

const dir = mkdtempSync(join(tmpdir(), 'market-note-read-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The text with eight copies of its first data row, dated in January 2024, before that row: the rows a case is about
 * then lie beyond the first chunk of a file read in small chunks (which holds at least four rows).
 */
function withHistory(text: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l, k) => k > 0 && /^\d{4}-\d{2}-\d{2},/.test(l));
  if (i < 0) return text;
  const copies = Array.from({ length: 8 }, (_, d) => `2024-01-0${d + 1}${lines[i].slice(10)}`);
  return [...lines.slice(0, i), ...copies, ...lines.slice(i)].join('\n');
}

/**
 * Read as text, with its header quoted (every row split), and as a file (readSeriesFile) in chunks of 1, 7 and 40 bytes
 * and of the default size, the text as it is and {@link withHistory}: all must agree.
 */
function agree(text: string, opts: ReadSeriesCsvOptions = {}): void {
  expect(outcome(quotedHeader(text), opts), JSON.stringify(text)).toStrictEqual(outcome(text, opts));
  const file = join(dir, 'X.csv');
  for (const t of [text, withHistory(text)]) {
    const expected = outcome(t, opts);
    writeFileSync(file, t);
    for (const chunk of [1, 7, 40, SERIES_CHUNK_BYTES]) {
      expect(outcomeOf(() => readSeriesFile(file, 'X', opts, chunk), file), `${JSON.stringify(t)} in chunks of ${chunk}`).toStrictEqual(expected);
    }
  }
}

const HEAD = 'Date,Open,High,Low,Close,Volume\n';
const ok = (date: string, o = '10.5', h = '11', l = '10', c = '10.75', v = '1200') => `${date},${o},${h},${l},${c},${v}\n`;

describe('readSeriesCsv: rows read in place and rows read cell by cell agree', () => {
  it('on clean files, with CRLF, a BOM, blank lines and 17-digit values', () => {
    agree(HEAD + ok('2025-12-11') + ok('2025-12-12'));
    agree(`\uFEFF${HEAD}${ok('2025-12-11')}\n\n${ok('2025-12-12')}`);
    agree((HEAD + ok('2025-12-11') + ok('2025-12-12')).replace(/\n/g, '\r\n'));
    agree('Date,Close\n1927-12-30,17.65999984741211\n1928-01-03,17.760000228881836\n');
    agree('observation_date,DGS10\n2025-12-11,4.15\n2025-12-12,.\n2025-12-15,4.18\n', { kind: 'yield' });
  });

  it('on every kind of unusual cell, each in a file of its own', () => {
    const cells = [' 10.75', '10.75 ', '+10.75', '-10.75', '0', '0.0', '.', '', 'null', 'NaN', 'n/a', '0x10', '0b1', '1e3', '1E400', 'Infinity', '1_0', '10.7.5', '１０', '10\t'];
    for (const cell of cells) {
      for (const col of [1, 2, 3, 4, 5]) {
        const row = ['2025-12-12', '10.5', '11', '10', '10.75', '1200'];
        row[col] = cell;
        agree(HEAD + ok('2025-12-11') + `${row.join(',')}\n`);
      }
    }
  });

  it('on every kind of unusual date and row shape', () => {
    const dates = ['2025-12-12 00:00:00', '2025-12-12T00:00:00Z', ' 2025-12-12', '2025-12-12 ', '2023-02-29', '2024-02-29', '2025-13-01', '2025-00-10', '2025-1-05', '20251212', '2025/12/12', '２025-12-12', '', '2025-12-11', '2025-12-10'];
    for (const d of dates) agree(HEAD + ok('2025-12-11') + ok(d));
    agree(`${HEAD}${ok('2025-12-11')}2025-12-12,10.5,11,10,10.75\n`); // too few cells
    agree(`${HEAD}${ok('2025-12-11')}2025-12-12,10.5,11,10,10.75,1200,7\n`); // too many
    agree(`${HEAD}${ok('2025-12-11')},,,,,\n${ok('2025-12-12')}`); // a row of empty cells
    agree(`${HEAD}${ok('2025-12-11')} , , ,,,\n${ok('2025-12-12')}`);
    agree(`${HEAD}${ok('2025-12-11')}   \n\t\n${ok('2025-12-12')}`); // blank lines
  });

  it('on the value checks: high below low, close outside the range, jumps, zeros and negative volume', () => {
    agree(HEAD + ok('2025-12-11') + ok('2025-12-12', '10.5', '9', '10'));
    agree(HEAD + ok('2025-12-11') + ok('2025-12-12', '10.5', '11', '10', '12'));
    agree(HEAD + ok('2025-12-11') + ok('2025-12-12', '40', '41', '39', '40'));
    agree(HEAD + ok('2025-12-11', '0', '0', '0') + ok('2025-12-12', '0', '11', '10'));
    agree(HEAD + ok('2025-12-11') + ok('2025-12-12', '10.5', '11', '10', '10.75', '-5'));
    agree(HEAD + ok('2025-12-11') + ok('2025-12-12', '10.5', '11', '10', '0'));
    agree('Date,Close\n2025-12-11,1\n2025-12-12,-0.5\n', { kind: 'yield' });
  });

  it('on yfinance files with their extra header rows', () => {
    agree('Price,Close,High,Low,Open,Volume\nTicker,^GSPC,^GSPC,^GSPC,^GSPC,^GSPC\nDate,,,,,\n2025-12-11,6901,6920,6880,6890,100\n2025-12-12,6827.41,6900,6800,6890,100\n');
    // the header checks look as far as the fourth row, then read from the second
    agree('Price,Close\n2025-12-10,1\n2025-12-11,1\nDate,\n2025-12-12,1\n');
  });
});

describe('isIsoDateAt', () => {
  it('agrees with the YYYY-MM-DD pattern and the calendar', () => {
    const slow = (t: string) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
      if (!m) return false;
      const [y, mo, d] = [+m[1], +m[2], +m[3]];
      return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate() && y >= 0;
    };
    const samples = ['2024-02-29', '2023-02-29', '2000-02-29', '1900-02-29', '2025-04-31', '2025-12-31', '0000-01-01', '9999-12-31', '2025-1-01', '2025-01-1', '2025-01-01 ', '2025_01_01', '2025-0a-01', '20a5-01-01', '2025-01-00', '-025-01-01', '2025-10-3 '];
    for (const s of samples) {
      expect(isIsoDate(s), s).toBe(slow(s));
      expect(isIsoDateAt(`x,${s},y`, 2), s).toBe(slow(s.slice(0, 10))); // the ten characters from there
    }
  });
});

describe('isoDayKeyAt', () => {
  it('gives every date of 1899–2101 its own key, in date order, and NaN for a date that is not one', () => {
    expect(isoDayKeyAt('x,2024-02-29,1', 2)).toBe(752987);
    let prev = -1;
    for (let t = Date.UTC(1899, 0, 1); t <= Date.UTC(2101, 11, 31); t += 86400000) {
      const key = isoDayKeyAt(new Date(t).toISOString().slice(0, 10), 0);
      expect(key).toBeGreaterThan(prev);
      prev = key;
    }
    expect(isoDayKeyAt('2023-02-29', 0)).toBeNaN();
    expect(isoDayKeyAt('2023-0a-01', 0)).toBeNaN();
  });
});
