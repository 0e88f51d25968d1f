/**
 * A wide universe file is scanned a chunk at a time (readUniverseFile → scanWideFile), never held whole; its text
 * (readInputFile → readUniverseCsv) must read the same: the same universe, or the same error. Each case below is
 * written to a file and read both ways, and also scanned with a reader that hands over 7 bytes at a time, so rows,
 * cells, CRLFs and the BOM fall across chunk boundaries.
 */
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readUniverseCsv, readUniverseFile } from '../../src/data/read-csv.js';
import { maxInputBytes, readInputFile, withInputFile, type ReadMore } from '../../src/data/read-file.js';
import { scanWideCsv, scanWideFile } from '../../src/data/wide-csv.js';
import { MarketNoteError } from '../../src/errors/market-note-error.js';
import { REAL } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'wide-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

function fileOf(content: string | Buffer): string {
  const path = join(dir, `u${n++}.csv`);
  writeFileSync(path, content);
  return path;
}

/** The universe as plain data, or the error as the CLI prints it. */
function outcome(read: () => { dates: string[]; members: string[]; closes: Float64Array[]; warnings?: unknown }): unknown {
  try {
    const u = read();
    return { dates: u.dates, members: u.members, closes: u.closes.map((c) => Array.from(c)), warnings: u.warnings };
  } catch (e) {
    if (e instanceof MarketNoteError) return `[${e.code}] ${e.format()}`;
    throw e;
  }
}

const byText = (path: string): unknown => outcome(() => readUniverseCsv(readInputFile(path), path, 'U'));
const byFile = (path: string): unknown => outcome(() => readUniverseFile(path, 'U'));

/** A reader that gives at most `step` bytes a call. */
function trickle(read: ReadMore, step: number): ReadMore {
  return (buf, offset) => read(buf.subarray(0, Math.min(buf.length, offset + step)), offset);
}

/** scanWideFile over `path` with 7-byte reads, as plain data (undefined when it leaves the file to the text path). */
function byTrickle(path: string): unknown {
  return outcome(() => {
    const t = withInputFile(path, maxInputBytes(), (read, size) => scanWideFile(trickle(read, 7), size, path));
    if (t === undefined) throw new Error('left to the text path');
    return { dates: t.dates, members: t.header.slice(1), closes: t.columns };
  });
}

const plainCases: Record<string, string> = {
  usual: 'date,AAA,BBB\n2015-01-02,10.5,\n2015-01-05,11,20.25\n',
  'no final newline': 'date,AAA,BBB\n2015-01-02,10.5,1\n2015-01-05,11,20.25',
  crlf: 'date,AAA,BBB\r\n2015-01-02,10.5,1\r\n2015-01-05,11,20.25\r\n',
  'blank lines and empty rows': '\n  \ndate,AAA,BBB\n\n2015-01-02,10.5,1\n,,\n \r\n2015-01-05,11,20.25\n\n',
  bom: '\ufeffdate,AAA,BBB\n2015-01-02,10.5,1\n',
  'markers and exponents': 'date,AAA,BBB\n2015-01-02,NaN,.\n2015-01-05,1e2,null\n2015-01-06, 4.5 ,+3\n',
  'times after dates': 'date,AAA\n2015-01-02 00:00:00,1\n2015-01-05T00:00:00Z,2\n',
  'long decimals': 'date,AAA\n2015-01-02,17.65999984741211\n2015-01-05,123456789012345678901.5\n',
  'non-ASCII member': 'date,Clôture,BBB\n2015-01-02,1,2\n',
  'a jump': 'date,AAA\n2015-01-02,1\n2015-01-05,11\n',
};

const errorCases: Record<string, string> = {
  'bad cell': 'date,AAA,BBB\n2015-01-02,1,2\n2015-01-05,1,#N/A\n',
  'non-ASCII cell': 'date,AAA\n2015-01-02,1\n2015-01-05,é\n',
  'too few cells': 'date,AAA,BBB\n2015-01-02,1\n',
  'too many cells': 'date,AAA,BBB\n2015-01-02,1,2,\n',
  'only a date': 'date,AAA,BBB\n2015-01-02\n',
  'repeated date': 'date,AAA\n2015-01-02,1\n2015-01-02,1\n',
  'dates out of order': 'date,AAA\n2015-01-05,1\n2015-01-02,1\n',
  'not a date': 'date,AAA\n2015-1-5,1\n',
  zero: 'date,AAA,BBB\n2015-01-02,1,0.00\n',
  negative: 'date,AAA,BBB\n2015-01-02,-3,1\n',
  'hex': 'date,AAA\n2015-01-02,0x1A\n',
  overflow: 'date,AAA,BBB\n2025-12-12,10,1e999\n',
  empty: '',
  'header only': 'date,AAA\n',
  'no members': 'date\n2015-01-02\n',
  'duplicate member': 'date,AAA,AAA\n2015-01-02,1,2\n',
};

describe('readUniverseFile reads a file as its text reads', () => {
  for (const [name, text] of Object.entries(plainCases)) {
    it(`${name}: the same universe, whole and in 7-byte reads`, () => {
      const path = fileOf(text);
      const expected = byText(path);
      expect(typeof expected).toBe('object');
      expect(byFile(path)).toStrictEqual(expected);
      expect(byTrickle(path)).toStrictEqual({ ...(expected as object), warnings: undefined });
    });
  }
  for (const [name, text] of Object.entries(errorCases)) {
    it(`${name}: the same error, whole and in 7-byte reads`, () => {
      const path = fileOf(text);
      const expected = byText(path);
      expect(expected).toMatch(/^\[BAD_(CSV|DATA)\] /);
      expect(byFile(path)).toBe(expected);
      expect(byTrickle(path)).toBe(expected);
    });
  }

  it('leaves a quoted file, and a binary one, to the text path: same universe or same error', () => {
    const quoted = fileOf('date,"AAA",BBB\n2015-01-02,10.5,1\n');
    expect(() => withInputFile(quoted, maxInputBytes(), (read, size) => scanWideFile(read, size, quoted))).not.toThrow();
    expect(withInputFile(quoted, maxInputBytes(), (read, size) => scanWideFile(read, size, quoted))).toBeUndefined();
    expect(byFile(quoted)).toStrictEqual(byText(quoted));
    expect(byFile(quoted)).toMatchObject({ members: ['AAA', 'BBB'] });

    const binary = fileOf(Buffer.concat([Buffer.from('date,AAA\n2015-01-02,1\n'), Buffer.from([0, 1, 2]), Buffer.from('\n')]));
    expect(byFile(binary)).toBe(byText(binary));
    expect(byFile(binary)).toMatch(/^\[BAD_DATA\] .*not text/);

    // a bad cell before a quote: the text path's error (it reads the quoted file with csv-parse)
    const both = fileOf('date,AAA\n2015-01-02,x\n2015-01-05,"1"\n');
    expect(byFile(both)).toBe(byText(both));
  });

  it('keeps the size limit and the file-system errors of the text path', () => {
    const path = fileOf('date,AAA\n2015-01-02,1\n2015-01-05,2\n');
    const before = process.env.MARKET_NOTE_MAX_FILE_MB;
    process.env.MARKET_NOTE_MAX_FILE_MB = '0.00002';
    try {
      expect(byFile(path)).toBe(byText(path));
      expect(byFile(path)).toMatch(/larger than the 0\.00002 MB input limit/);
    } finally {
      if (before === undefined) delete process.env.MARKET_NOTE_MAX_FILE_MB;
      else process.env.MARKET_NOTE_MAX_FILE_MB = before;
    }
    expect(byFile(join(dir, 'missing.csv'))).toBe(byText(join(dir, 'missing.csv')));
    expect(byFile(dir)).toBe(byText(dir));
  });

  it('reads a file of many chunks, and a header longer than a chunk, as its text reads', () => {
    // 3,000 rows × 60 members: ~1.2 MB, rows across every 256 KB chunk boundary; the columns grow past their first size
    const members = Array.from({ length: 60 }, (_, m) => `M${m}`);
    const rows = Array.from({ length: 3000 }, (_, d) => {
      const date = new Date(Date.UTC(2000, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
      // short first rows (few members listed yet) then long ones: the first size is too small and must grow
      return [date, ...members.map((_, m) => (d < 10 && m > 2 ? '' : ((d * 7 + m * 13) % 997 + 1 + m / 1000).toFixed(3 + (m % 5))))].join(',');
    });
    const big = fileOf(`date,${members.join(',')}\n${rows.join('\n')}\n`);
    const expected = byText(big) as { dates: string[] };
    expect(expected.dates).toHaveLength(3000);
    expect(byFile(big)).toStrictEqual(expected);

    const wide = Array.from({ length: 40_000 }, (_, m) => `MEMBER${m}`); // a ~400 KB header
    const long = fileOf(`date,${wide.join(',')}\n2015-01-02,${wide.map((_, m) => String(m + 1)).join(',')}\n`);
    expect(byFile(long)).toStrictEqual(byText(long));
  });

  it('scanWideCsv on text gives the columns readUniverseCsv gave before: own buffers, right lengths', () => {
    const t = scanWideCsv('date,AAA,BBB\n2015-01-02,1,2\n2015-01-05,3,4\n', 'u.csv');
    expect(t.columns.map((c) => Array.from(c))).toEqual([[1, 3], [2, 4]]);
    expect(new Set(t.columns.map((c) => c.buffer)).size).toBe(2);
    expect(t.columns.every((c) => c.byteOffset === 0)).toBe(true);
  });
});

const SP600 = join(REAL, 'dsturdy-Factor_Attribution/sp600_constituents_close_2015_2026.csv');
describe.skipIf(!existsSync(SP600))('the real S&P 600 file (skipped when ../shared/data/real is absent)', () => {
  it('reads the same a chunk at a time as from its text', () => {
    const chunked = readUniverseFile(SP600, 'SP600');
    const text = readUniverseCsv(readInputFile(SP600), SP600, 'SP600');
    expect(chunked.dates).toEqual(text.dates);
    expect(chunked.members).toEqual(text.members);
    expect(chunked.warnings).toEqual(text.warnings);
    for (let m = 0; m < text.closes.length; m++) expect(Array.from(chunked.closes[m]), text.members[m]).toEqual(Array.from(text.closes[m]));
  });
});
