/**
 * Hostile and unlucky market data: files that are not regular files, too large, not text or not ours; values
 * that overflow, contradict their own row or jump absurdly. Each case is one clear error (or a warning where
 * real data does it), never a hang, a crash or an echo of the file's contents.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMarket } from '../../src/data/load-market.js';
import { maxInputBytes, readInputFile } from '../../src/data/read-file.js';
import { CLOSE_RANGE_TOLERANCE, MAX_DAILY_RATIO, readSeriesCsv, readUniverseCsv } from '../../src/data/read-csv.js';
import { errorOf, errorText } from '../data/error-text.js';
import { REAL, runCli, tempDir } from '../helpers/cli.js';
import { HAS_REAL, writeRealMarketYaml } from '../helpers/real-market.js';

/** A folder with the given files (and a market.yaml listing `yaml`, when given). */
function folder(files: Record<string, string>): string {
  const dir = tempDir('market-note-hostile-');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
const yaml = (entries: string) => `series:\n${entries}\n`;
const SPX = 'Date,Close\n2025-12-11,6901\n2025-12-12,6827.41\n';

const saved = process.env.MARKET_NOTE_MAX_FILE_MB;
afterEach(() => {
  if (saved === undefined) delete process.env.MARKET_NOTE_MAX_FILE_MB;
  else process.env.MARKET_NOTE_MAX_FILE_MB = saved;
});

describe('only regular files are read', () => {
  it('refuses a FIFO without blocking on it', () => {
    const dir = folder({ 'market.yaml': yaml('  SPX: { file: pipe.csv }') });
    execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
    expect(errorText(() => loadMarket(dir))).toBe(
      `[BAD_DATA] ${join(dir, 'pipe.csv')}: cannot read a pipe (FIFO): only regular files are read\n` +
        'Point the path at an ordinary file (a copy of the data, not a pipe, device or folder).',
    );
  });

  it('refuses a device such as /dev/zero before reading a byte', () => {
    const dir = folder({ 'market.yaml': yaml('  SPX: { file: /dev/zero }') });
    expect(errorText(() => loadMarket(dir)).split('\n')[0]).toBe('[BAD_DATA] /dev/zero: cannot read a device: only regular files are read');
  });

  it('refuses a folder named in market.yaml', () => {
    const dir = folder({ 'market.yaml': yaml('  SPX: { file: sub }') });
    mkdirSync(join(dir, 'sub'));
    expect(errorText(() => loadMarket(dir)).split('\n')[0]).toBe(`[BAD_DATA] ${join(dir, 'sub')}: cannot read a folder: only regular files are read`);
  });

  it('refuses a folder called X.csv in folder mode (EISDIR)', () => {
    const dir = folder({ 'SPX.csv': SPX });
    mkdirSync(join(dir, 'RUT.csv'));
    expect(errorText(() => loadMarket(dir)).split('\n')[0]).toBe(`[BAD_DATA] ${join(dir, 'RUT.csv')}: cannot read a folder: only regular files are read`);
  });

  it('reports a symbolic-link loop in folder mode (ELOOP) as one line', () => {
    const dir = folder({ 'SPX.csv': SPX });
    symlinkSync('LOOP.csv', join(dir, 'LOOP.csv'));
    expect(errorText(() => loadMarket(dir)).split('\n')[0]).toBe(`[BAD_DATA] ${join(dir, 'LOOP.csv')}: cannot read the file: too many symbolic links (a link loop?) (ELOOP)`);
  });

  it('reports a --data path that runs through a file as one line, via the CLI', async () => {
    const dir = folder({ 'SPX.csv': SPX });
    const r = await runCli(['facts', '--data', join(dir, 'SPX.csv', 'x')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('text is decoded as written', () => {
  it('reads an ASCII file (decoded the fast way) and a UTF-8 file with accents and a byte-order mark alike', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.csv'), 'Date,Close\n2025-01-02,1.5\n');
    writeFileSync(join(dir, 'u.csv'), '\ufeffDate,Clôture\n2025-01-02,1.5\n');
    expect(readInputFile(join(dir, 'a.csv'))).toBe('Date,Close\n2025-01-02,1.5\n');
    expect(readInputFile(join(dir, 'u.csv'))).toBe('\ufeffDate,Clôture\n2025-01-02,1.5\n');
  });

  it('reads file after file, each text as written, whatever the sizes and order', () => {
    const dir = tempDir();
    const rows = (n: number, v: string) => 'Date,Close\n' + Array.from({ length: n }, (_, i) => `2025-01-${String((i % 28) + 1).padStart(2, '0')},${v}\n`).join('');
    const files = { 'big.csv': rows(40_000, '123.25'), 'small.csv': rows(3, '7'), 'mid.csv': rows(9_000, '55.5'), 'bin.csv': 'Date,Close\n\0' };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const big = readInputFile(join(dir, 'big.csv'));
    const small = readInputFile(join(dir, 'small.csv'));
    expect(errorText(() => readInputFile(join(dir, 'bin.csv'))).split('\n')[0]).toMatch(/bin\.csv: the file is not text/);
    const mid = readInputFile(join(dir, 'mid.csv'));
    const again = readInputFile(join(dir, 'small.csv'));
    expect([big, small, mid, again]).toEqual([files['big.csv'], files['small.csv'], files['mid.csv'], files['small.csv']]);
  });
});

describe('a documented size limit that can be raised', () => {
  it('is 256 MB by default and MARKET_NOTE_MAX_FILE_MB sets it (decimals allowed, at most 500 MB)', () => {
    expect(maxInputBytes({})).toBe(256_000_000);
    expect(maxInputBytes({ MARKET_NOTE_MAX_FILE_MB: '1.5' })).toBe(1_500_000);
    expect(maxInputBytes({ MARKET_NOTE_MAX_FILE_MB: '9000' })).toBe(500_000_000);
  });

  it('refuses a file over the limit with the variable to raise it', () => {
    const dir = folder({ 'SPX.csv': SPX.repeat(1) + '2025-12-15,6800\n'.repeat(100) });
    process.env.MARKET_NOTE_MAX_FILE_MB = '0.001';
    expect(errorText(() => loadMarket(dir))).toBe(
      `[BAD_DATA] ${join(dir, 'SPX.csv')}: the file is larger than the 0.001 MB input limit\n` +
        'Check that this is the right file; to read larger files, raise the limit with MARKET_NOTE_MAX_FILE_MB=<MB> (at most 500).',
    );
  });

  it('reads the same file once the limit is raised', () => {
    const dir = folder({ 'SPX.csv': SPX });
    process.env.MARKET_NOTE_MAX_FILE_MB = '0.001';
    expect(loadMarket(dir).series.SPX.close.length).toBe(2);
  });

  it('refuses a malformed limit', () => {
    expect(errorText(() => maxInputBytes({ MARKET_NOTE_MAX_FILE_MB: 'lots' })).split('\n')[0]).toBe('[CONFIG] MARKET_NOTE_MAX_FILE_MB must be a number of megabytes above zero, got "lots"');
  });

  it('cuts a file that claims size 0 but streams more (/proc) at the limit', () => {
    expect(errorText(() => readInputFile('/proc/self/maps', 10)).split('\n')[0]).toBe('[BAD_DATA] /proc/self/maps: the file is larger than the 0.00001 MB input limit');
  });
});

describe('error messages never echo more than a short, sanitised cell', () => {
  it('refuses /proc/self/environ as binary without printing the environment (or the SMTP password)', async () => {
    const dir = folder({ 'market.yaml': yaml('  SPX: { file: /proc/self/environ }') });
    const r = await runCli(['facts', '--data', dir], { env: { MARKET_NOTE_SMTP_PASS: 'sekrit-pass-7431' } });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('market-note: /proc/self/environ: the file is not text (it holds NUL bytes)');
    expect(r.stderr).not.toContain('sekrit-pass-7431');
    expect(r.stderr).not.toContain('PATH=');
  });

  it('does not print a line of a shadow-like file named as a CSV', () => {
    const secret = 'root:$6$Qw3rTy$aVeryLongSecretHashValue0123456789abcdef:19000:0:99999:7:::';
    const dir = folder({ 'shadow.csv': `${secret}\ndaemon:*:19000:0:99999:7:::\n` });
    const text = errorText(() => loadMarket(dir));
    expect(text.split('\n')[0]).toBe(`[BAD_CSV] ${join(dir, 'shadow.csv')}:1: no date column (columns: (?))`);
    expect(text).not.toContain('$6$');
    expect(text).not.toContain('root');
  });

  it('cuts a long cell to 24 characters', () => {
    const e = errorOf(() => readSeriesCsv(`Date,Close\n2025-12-12,${'x'.repeat(5000)}\n`, 'X.csv', 'X'));
    expect(e.message).toBe(`Close is not a number ("${'x'.repeat(24)}…")`);
  });

  it('replaces control characters (a terminal escape) in an echoed cell', () => {
    const e = errorOf(() => readSeriesCsv('Date,Close\n2025-12-12,\u001b[2J\u001b[31mboom\n', 'X.csv', 'X'));
    expect(e.message).toBe('Close is not a number ("?[2J?[31mboom")');
  });
});

describe('values are checked at load', () => {
  it('refuses 1e999 (it overflows to infinity) instead of reading it as missing', () => {
    expect(errorText(() => readSeriesCsv('Date,Close\n2025-12-12,1e999\n', 'X.csv', 'X')).split('\n')[0]).toBe('[BAD_DATA] X.csv:2: Close is too large to be a number (overflows to infinity)');
  });

  it('refuses 1e999 in a universe file too', () => {
    expect(errorText(() => readUniverseCsv('date,AAA,BBB\n2025-12-12,10,1e999\n', 'u.csv', 'U')).split('\n')[0]).toBe('[BAD_DATA] u.csv:2: BBB is too large to be a number (overflows to infinity)');
  });

  it('refuses a price of zero or below, but accepts a negative yield with kind: yield', () => {
    expect(errorText(() => readSeriesCsv('Date,Close\n2025-12-12,-0.1\n', 'X.csv', 'X')).split('\n')[0]).toBe('[BAD_DATA] X.csv:2: Close is -0.1; prices must be above zero');
    expect(Array.from(readSeriesCsv('Date,Close\n2025-12-11,0.1\n2025-12-12,-0.25\n', 'X.csv', 'X', { kind: 'yield' }).close)).toEqual([0.1, -0.25]);
  });

  it(`refuses a Close outside the day's Low..High by more than ${CLOSE_RANGE_TOLERANCE * 100}%`, () => {
    const text = 'Date,High,Low,Close\n2025-12-12,6850,6800,68300\n';
    expect(errorText(() => readSeriesCsv(text, 'X.csv', 'X'))).toBe(
      "[BAD_DATA] X.csv:2: Close (68300) is outside the day's Low..High (6800..6850) by more than 0.5%\n" +
        "Check the row: a day's close must lie between its low and its high (are the columns shifted?).",
    );
    expect(errorText(() => readSeriesCsv('Date,High,Low,Close\n2025-12-12,6850,6800,6700\n', 'X.csv', 'X')).split('\n')[0]).toContain('is outside the day');
  });

  it('accepts a Close just outside the range (vendor rounding, within 0.5%) and an Adj Close below the Low', () => {
    expect(readSeriesCsv('Date,High,Low,Close\n2025-12-12,6850,6800,6860\n', 'X.csv', 'X').close[0]).toBe(6860);
    expect(readSeriesCsv('Date,High,Low,Adj Close\n2025-12-12,50,48,31.2\n', 'X.csv', 'X').close[0]).toBe(31.2);
  });

  it(`refuses an index or fund that moves more than ${MAX_DAILY_RATIO}× in a day, up or down, naming the day before`, () => {
    expect(errorText(() => readSeriesCsv('Date,Close\n2025-12-11,6901\n2025-12-12,69010\n', 'X.csv', 'X')).split('\n')[0]).toBe(
      '[BAD_DATA] X.csv:3: Close jumps from 6901 (2025-12-11) to 69010, more than 3× in one day',
    );
    expect(errorText(() => readSeriesCsv('Date,Close\n2025-12-10,6901\n2025-12-11,\n2025-12-12,690.1\n', 'X.csv', 'X')).split('\n')[0]).toBe(
      '[BAD_DATA] X.csv:4: Close jumps from 6901 (2025-12-10) to 690.1, more than 3× in one day',
    );
  });

  it('lets a yield move any amount (0.05% → 0.5% is not an error)', () => {
    expect(readSeriesCsv('Date,DGS1MO\n2025-12-11,0.05\n2025-12-12,0.5\n', 'X.csv', 'X', { kind: 'yield' }).close.length).toBe(2);
  });

  it('warns, once per universe, about members that jump more than 3× (reverse splits do this)', () => {
    const u = readUniverseCsv('date,AAA,BBB,CCC\n2025-12-10,1,20,5\n2025-12-11,11,20,5\n2025-12-12,11,2,5\n', 'u.csv', 'U');
    expect(u.closes[0][1]).toBe(11);
    expect(u.warnings).toEqual([{ file: 'u.csv', message: '2 members jump more than 3× in one day (the first: AAA on 2025-12-11); used as they are' }]);
  });
});

describe('YAML bombs', () => {
  it('refuses a market.yaml "billion laughs" alias bomb as one line', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`), 'series: { SPX: { file: SPX.csv } }', ''].join('\n');
    const dir = folder({ 'market.yaml': bomb, 'SPX.csv': SPX });
    expect(errorText(() => loadMarket(dir))).toBe(
      `[BAD_YAML] ${join(dir, 'market.yaml')}: the YAML expands too many aliases (*refs)\nWrite the values out instead of nesting aliases (a YAML "billion laughs" file is refused).`,
    );
  });

  it('refuses an alias bomb in a fetch config as one line', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`), ''].join('\n');
    const dir = folder({ 'fetch.yaml': bomb });
    const r = await runCli(['fetch', '--config', join(dir, 'fetch.yaml'), '--out', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`market-note: ${join(dir, 'fetch.yaml')}: the YAML expands too many aliases (*refs)`);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe.skipIf(!HAS_REAL)('the real data still loads cleanly', () => {
  it(`loads every real series without error; the only warnings are TNX's flat prints and the S&P 600 members' jumps (real: 11×)`, () => {
    const m = loadMarket(writeRealMarketYaml());
    expect(Object.keys(m.series).length).toBeGreaterThan(5);
    expect(m.warnings?.map((w) => w.message)).toEqual([
      expect.stringMatching(/^41 rows have High = Low = Close, the first on this line \(2001-10-08\): a yield index's flat print/),
      expect.stringMatching(/^\d+ members jump more than 3× in one day \(the first: ASTH on 2015-04-28\); used as they are$/),
    ]);
    expect(REAL).toBeTruthy();
  });
});
if (!HAS_REAL) console.warn('real-data check skipped: ../shared/data/real is absent');
