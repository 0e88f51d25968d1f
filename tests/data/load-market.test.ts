import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMarket } from '../../src/data/load-market.js';
import type { Market } from '../../src/data/types.js';
import { errorText } from './error-text.js';

const FIX = 'tests/fixtures/data';
const f64 = (...xs: number[]) => Float64Array.from(xs);

const temps: string[] = [];
function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'market-note-data-'));
  temps.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('loadMarket', () => {
  it('loads a market.yaml: paths relative to it, names, kinds, universes', () => {
    const m = loadMarket(`${FIX}/market/market.yaml`);
    expect(m.source).toBe(`${FIX}/market/market.yaml`);
    expect(Object.keys(m.series)).toEqual(['SPX', 'TNX', 'IWM']);
    expect(m.series.SPX).toMatchObject({ key: 'SPX', name: 'S&P 500', kind: 'price', file: `${FIX}/market/GSPC.csv`, priceField: 'Close' });
    expect(m.series.SPX.close).toEqual(f64(6840.51, 6886.68, 6901, 6827.41));
    expect(m.series.SPX.volume).toEqual(f64(4.5e9, 4.6e9, 4.4e9, 4.3e9));
    expect(m.series.TNX).toMatchObject({ name: '10-year Treasury yield', kind: 'yield', file: `${FIX}/market/rates/DGS10.csv`, priceField: 'DGS10' });
    expect(m.series.TNX.close).toEqual(f64(4.17, 4.13, NaN, 4.19));
    expect(m.series.IWM).toMatchObject({ name: 'IWM', priceField: 'Adj Close', dates: ['2025-12-09', '2025-12-10', '2025-12-11'] });
    expect(m.universes.SP600).toEqual({
      key: 'SP600', name: 'S&P 600', file: `${FIX}/market/sp600.csv`,
      dates: ['2025-12-09', '2025-12-10', '2025-12-11', '2025-12-12'], members: ['AAA', 'BBB', 'CCC'],
      closes: [f64(10.5, 10.75, 11, 11.25), f64(NaN, 20, 21.5, 22), f64(101, 102, 99.5, 98)],
    });
    expect(m.warnings).toBeUndefined();
  });

  it('loads the market.yaml inside a folder the same way', () => {
    const a = loadMarket(`${FIX}/market`);
    const b = loadMarket(`${FIX}/market/market.yaml`);
    expect(a.source).toBe(`${FIX}/market`);
    expect({ ...a, source: '' }).toEqual({ ...b, source: '' });
  });

  it('loads a folder of CSVs: one series per file named by the file (^ dropped), wide files as universes, yields by symbol', () => {
    const m = loadMarket(`${FIX}/csv-folder`);
    expect(Object.keys(m.series).sort()).toEqual(['GSPC', 'TNX']);
    expect(Object.keys(m.universes)).toEqual(['members']);
    expect(m.series.GSPC).toMatchObject({ key: 'GSPC', name: 'GSPC', kind: 'price', priceField: 'Close', file: `${FIX}/csv-folder/^GSPC.csv` });
    expect(m.series.GSPC.open).toEqual(f64(6880.1, 6900));
    expect(m.series.TNX).toMatchObject({ kind: 'yield', priceField: 'TNX' });
    expect(m.universes.members.closes).toEqual([f64(10.5, 10.75), f64(20, NaN)]);
  });

  it('returns the demo market when no path is given', () => {
    const m = loadMarket();
    expect(m.source).toBe('demo');
    expect(Object.keys(m.series)).toContain('SPX');
    expect(Object.keys(m.universes)).toEqual(['SP600']);
  });

  it("collects the series' warnings on the market", () => {
    const dir = tempDir({ 'GSPC.csv': 'Date,Open,Close\n1962-01-02,0.0,70.96\n1962-01-03,71.0,71.13\n' });
    expect(loadMarket(dir).warnings?.map((w) => [w.line, w.message])).toEqual([
      [2, 'Open is 0 on 1 row, the first on this line; read as missing (Yahoo writes 0 when it has no open)'],
    ]);
  });

  describe('bad input', () => {
    it('names market.yaml, the line and the key when a referenced file is missing (before reading any file)', () => {
      expect(errorText(() => loadMarket(`${FIX}/missing-file`))).toMatchInlineSnapshot(`
        "[MISSING_FILE] tests/fixtures/data/missing-file/market.yaml:4: series.RUT.file: file data/RUT.csv not found (looked for tests/fixtures/data/missing-file/data/RUT.csv)
        Paths in market.yaml are relative to the market.yaml file itself."
      `);
    });

    it('names the CSV file (as reached from the data path) and line for a bad cell', () => {
      expect(errorText(() => loadMarket(`${FIX}/bad-cell`))).toMatchInlineSnapshot(`
        "[BAD_CSV] tests/fixtures/data/bad-cell/GSPC.csv:3: Close is not a number ("n/a")
        Write a plain number such as 4512.25; leave the cell empty (or ".") when there is no value that day."
      `);
    });

    it('rejects a data path that does not exist', () => {
      expect(errorText(() => loadMarket(`${FIX}/no-such-folder`))).toMatchInlineSnapshot(`
        "[MISSING_FILE] tests/fixtures/data/no-such-folder: market data not found: tests/fixtures/data/no-such-folder
        Point --data at a market.yaml, a folder holding one, or a folder of <SYMBOL>.csv files."
      `);
    });

    it('rejects a single CSV file as the data path', () => {
      expect(errorText(() => loadMarket(`${FIX}/market/GSPC.csv`))).toMatchInlineSnapshot(`
        "[BAD_DATA] tests/fixtures/data/market/GSPC.csv: tests/fixtures/data/market/GSPC.csv is neither a market.yaml nor a folder
        Point --data at a market.yaml, a folder holding one, or a folder of <SYMBOL>.csv files (a single CSV: use its folder)."
      `);
    });

    it('rejects a folder with neither market.yaml nor CSV files', () => {
      const dir = tempDir({ 'notes.txt': 'hello' });
      expect(errorText(() => loadMarket(dir)).replaceAll(dir, '<dir>')).toMatchInlineSnapshot(`
        "[MISSING_FILE] <dir>: no market.yaml and no .csv files in <dir>
        Add a market.yaml, or <SYMBOL>.csv files (each becomes a series named by its file)."
      `);
    });

    it('rejects two files that give the same symbol', () => {
      const dir = tempDir({ '^TNX.csv': 'Date,Close\n2025-12-12,4.19\n', 'TNX.csv': 'Date,Close\n2025-12-12,4.19\n' });
      expect(errorText(() => loadMarket(dir)).replaceAll(dir, '<dir>')).toMatchInlineSnapshot(`
        "[BAD_DATA] <dir>/^TNX.csv: <dir>/TNX.csv and <dir>/^TNX.csv both give symbol TNX
        Remove or rename one of the two files."
      `);
    });

    it('rejects a CSV file whose name is not a usable symbol', () => {
      const dir = tempDir({ 'S&P 500.csv': 'Date,Close\n2025-12-12,6827.41\n' });
      expect(errorText(() => loadMarket(dir)).replaceAll(dir, '<dir>')).toMatchInlineSnapshot(`
        "[BAD_DATA] <dir>/S&P 500.csv: "S&P 500" is not a usable symbol
        Use letters, digits, "-" or "_" (symbols appear in facts paths such as returns.ytd.SPX)."
      `);
    });

    it('reports market.yaml problems with the yaml file and line', () => {
      const dir = tempDir({ 'market.yaml': 'series:\n  TNX: { file: TNX.csv, kind: rate }\n' });
      expect(errorText(() => loadMarket(dir)).replaceAll(dir, '<dir>')).toMatchInlineSnapshot(`
        "[BAD_YAML] <dir>/market.yaml:2: series.TNX.kind must be "price" or "yield" (got string "rate")
        Use one of: price, yield."
      `);
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Real files (read-only, beside the project): every format the project ships examples of.

const REAL = resolve(__dirname, '../../../shared/data/real');
if (!existsSync(REAL)) console.warn(`real data folder absent (${REAL}): skipping the real-file loading tests`);

/** The raw rows of a CSV, split by hand (independent of the readers). */
function rawRows(file: string): string[][] {
  return readFileSync(join(REAL, file), 'utf8').split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l !== '').map((l) => l.split(','));
}

describe.skipIf(!existsSync(REAL))('loadMarket on the real data files', () => {
  let m: Market;
  beforeAll(() => {
    const dir = tempDir({});
    const at = (f: string) => join(REAL, f);
    writeFileSync(
      join(dir, 'market.yaml'),
      [
        'series:',
        `  SPX: { file: "${at('culolom-backtest/GSPC.csv')}", name: "S&P 500" }`,
        `  GSPC_OHLC: { file: "${at('fja05680-stock_market_calendar/GSPC.csv')}" }`,
        `  RUT: { file: "${at('alitalbi-storage_data_fy/RUT.csv')}" }`,
        `  TNX: { file: "${at('alitalbi-storage_data_fy/TNX.csv')}", kind: yield }`,
        `  IRX: { file: "${at('dsturdy-Factor_Attribution/IRX.csv')}", kind: yield }`,
        `  IWM: { file: "${at('dsturdy-Factor_Attribution/IWM.csv')}" }`,
        `  DGS10: { file: "${at('economics-databases-Interest-rate/DGS10.csv')}", kind: yield }`,
        'universes:',
        `  SP600: { file: "${at('dsturdy-Factor_Attribution/sp600_constituents_close_2015_2026.csv')}", layout: wide }`,
        '',
      ].join('\n'),
    );
    m = loadMarket(dir);
  });

  it('reads every row of a close+volume file (culolom GSPC)', () => {
    const rows = rawRows('culolom-backtest/GSPC.csv');
    expect(m.series.SPX.dates.length).toBe(rows.length - 1);
    expect(m.series.SPX.dates.at(-1)).toBe(rows.at(-1)![0]);
    expect(m.series.SPX.close.at(-1)).toBe(Number(rows.at(-1)![1]));
    expect(m.series.SPX.volume!.at(-1)).toBe(Number(rows.at(-1)![2]));
  });

  it('maps Yahoo OHLC columns by name, whatever their order (alitalbi RUT: Date,Close,High,Low,Open,Volume)', () => {
    const rows = rawRows('alitalbi-storage_data_fy/RUT.csv');
    expect(rows[0]).toEqual(['Date', 'Close', 'High', 'Low', 'Open', 'Volume']);
    const s = m.series.RUT;
    for (const r of [1, 5000, rows.length - 1]) {
      const i = s.dates.indexOf(rows[r][0]);
      expect([s.close[i], s.high![i], s.low![i], s.open![i]]).toEqual(rows[r].slice(1, 5).map(Number));
    }
  });

  it('reads the old ^GSPC history with its 0 opens as missing opens, with one warning', () => {
    const rows = rawRows('fja05680-stock_market_calendar/GSPC.csv');
    const zeroOpens = rows.slice(1).filter((r) => Number(r[1]) === 0).length;
    expect(zeroOpens).toBeGreaterThan(0);
    expect(m.series.GSPC_OHLC.open!.filter(Number.isNaN).length).toBe(zeroOpens);
    expect(m.series.GSPC_OHLC.priceField).toBe('Close');
    expect(m.warnings!.filter((w) => w.file.endsWith('fja05680-stock_market_calendar/GSPC.csv'))).toHaveLength(1);
  });

  it('keeps negative yields in a yield series (IRX, March 2020)', () => {
    const i = m.series.IRX.dates.indexOf('2020-03-20');
    expect(m.series.IRX.close[i]).toBeLessThan(0);
  });

  it('reads FRED "." as missing (DGS10)', () => {
    const rows = rawRows('economics-databases-Interest-rate/DGS10.csv');
    expect(m.series.DGS10.close.filter(Number.isNaN).length).toBe(rows.filter((r) => r[1] === '.').length);
    expect(m.series.DGS10.priceField).toBe('DGS10');
  });

  it('reads every cell of the S&P 600 wide file as Number() would', () => {
    const rows = rawRows('dsturdy-Factor_Attribution/sp600_constituents_close_2015_2026.csv');
    const u = m.universes.SP600;
    expect(u.members).toEqual(rows[0].slice(1));
    expect(u.dates).toEqual(rows.slice(1).map((r) => r[0]));
    let mismatches = 0;
    for (let d = 1; d < rows.length; d++) {
      for (let k = 1; k < rows[d].length; k++) {
        const want = rows[d][k] === '' ? NaN : Number(rows[d][k]);
        if (!Object.is(u.closes[k - 1][d - 1], want)) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
  });
});
