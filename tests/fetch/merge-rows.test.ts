import { describe, expect, it } from 'vitest';
import { DEFAULT_BASE_URLS, parseFetchConfig, sourceUrl } from '../../src/fetch/fetch-config.js';
import { mergeRows, sameValue } from '../../src/fetch/merge-rows.js';

const o = { file: 'data/X.csv', url: 'http://127.0.0.1/x' };

describe('mergeRows', () => {
  it('writes a new file from the download, with \\n line endings', () => {
    const r = mergeRows(undefined, 'observation_date,DGS10\r\n2025-12-11,4.14\r\n2025-12-12,4.19\r\n', o);
    expect(r).toMatchObject({ text: 'observation_date,DGS10\n2025-12-11,4.14\n2025-12-12,4.19\n', changed: true, added: 2, first: '2025-12-11', last: '2025-12-12' });
  });

  it("appends in the file's column order, matching names in any letter case", () => {
    const file = 'date,close,volume\n2025-12-11,10,5\n';
    const dl = 'Date,Open,High,Low,Close,Volume\n2025-12-11,1,1,1,10,5\n2025-12-12,1,1,1,11,6\n';
    expect(mergeRows(file, dl, o).text).toBe('date,close,volume\n2025-12-11,10,5\n2025-12-12,11,6\n');
  });

  it('adds the missing line break before appending to a file without a final newline', () => {
    expect(mergeRows('Date,Close\n2025-12-11,10', 'Date,Close\n2025-12-11,10\n2025-12-12,11\n', o).text).toBe('Date,Close\n2025-12-11,10\n2025-12-12,11\n');
  });

  it('leaves out downloaded rows inside the range of the file that the file does not have', () => {
    const r = mergeRows('Date,Close\n2025-12-10,10\n2025-12-12,12\n', 'Date,Close\n2025-12-11,11\n2025-12-12,12\n', o);
    expect(r).toMatchObject({ changed: false, added: 0, skipped: 1 });
  });

  it('treats FRED "." and an empty cell as the same missing value', () => {
    expect(mergeRows('observation_date,DGS10\n2025-11-27,.\n', 'observation_date,DGS10\n2025-11-27,\n', o).changed).toBe(false);
  });

  it('refuses a value the source revised, at the line of the old row', () => {
    expect(() => mergeRows('Date,Close\n2025-12-11,10\n2025-12-12,11\n', 'Date,Close\n2025-12-11,10.5\n2025-12-12,11.5\n', o)).toThrowErrorMatchingInlineSnapshot(
      `[MarketNoteError: 2025-12-11: Close is "10" in the file but "10.5" in the download (and 1 more value differs)]`,
    );
    try {
      mergeRows('Date,Close\n2025-12-11,10\n', 'Date,Close\n2025-12-11,10.5\n', o);
    } catch (e) {
      expect(e).toMatchObject({ code: 'BAD_DATA', file: 'data/X.csv', line: 2 });
    }
  });

  it('with force, replaces only the revised rows and keeps the others byte for byte', () => {
    const r = mergeRows('Date,Close\r\n2025-12-10,9.00\r\n2025-12-11,10\r\n', 'Date,Close\n2025-12-10,9\n2025-12-11,10.5\n2025-12-12,11\n', { ...o, force: true });
    expect(r.text).toBe('Date,Close\r\n2025-12-10,9.00\r\n2025-12-11,10.5\r\n2025-12-12,11\r\n');
    expect(r.revised).toEqual([{ date: '2025-12-11', line: 3, column: 'Close', old: '10', new: '10.5' }]);
  });

  it('refuses a download without a column the file has', () => {
    expect(() => mergeRows('Date,Close,Volume\n2025-12-11,10,5\n', 'Date,Close\n2025-12-12,11\n', o)).toThrow(/the file has a Volume column but the download .* does not \(it has Date, Close\)/);
  });

  it('refuses a download that is not a dated CSV, or whose dates go backwards', () => {
    expect(() => mergeRows(undefined, 'No data', o)).toThrow(/not a CSV with a date column \(it starts with "No data"\)/);
    expect(() => mergeRows(undefined, 'Date,Close\n12/11/2025,10\n', o)).toThrow(/line 2 of the download .*: "12\/11\/2025" is not a date/);
    expect(() => mergeRows(undefined, 'Date,Close\n2025-12-12,10\n2025-12-11,10\n', o)).toThrow(/line 3 .*2025-12-11 does not come after 2025-12-12/);
  });
});

describe('sameValue', () => {
  it('compares numbers by value, not by how they are written', () => {
    expect(sameValue('4.1', '4.10')).toBe(true);
    expect(sameValue('6870.40', '6871.25')).toBe(false);
    expect(sameValue('', '4.1')).toBe(false);
  });
});

describe('parseFetchConfig', () => {
  it('defaults the file to <KEY>.csv and the base URLs to the real hosts', () => {
    const c = parseFetchConfig('series:\n  TNX: { source: fred, id: DGS10 }\n  SPX: { source: stooq, symbol: ^spx, file: GSPC.csv }\n', 'fetch.yaml');
    expect(c.series).toEqual([
      { key: 'TNX', source: 'fred', id: 'DGS10', file: 'TNX.csv', url: 'https://fred.stlouisfed.org/graph/fredgraph.csv?id=DGS10' },
      { key: 'SPX', source: 'stooq', id: '^spx', file: 'GSPC.csv', url: 'https://stooq.com/q/d/l/?s=%5Espx&i=d' },
    ]);
  });

  it('takes base URLs from the config, per source or per series', () => {
    const c = parseFetchConfig('baseUrl: { fred: "http://127.0.0.1:9/f" }\nseries:\n  A: { source: fred, id: X }\n  B: { source: fred, id: Y, baseUrl: "http://127.0.0.1:9/g" }\n', 'f.yaml');
    expect(c.series.map((s) => s.url)).toEqual(['http://127.0.0.1:9/f?id=X', 'http://127.0.0.1:9/g?id=Y']);
    expect(sourceUrl('stooq', '^rut', DEFAULT_BASE_URLS.stooq)).toBe('https://stooq.com/q/d/l/?s=%5Erut&i=d');
  });

  it('names the line of a problem', () => {
    expect(() => parseFetchConfig('series:\n  TNX: { source: fred }\n', 'f.yaml')).toThrow(expect.objectContaining({ line: 2, message: 'series.TNX.id is missing' }));
    expect(() => parseFetchConfig('series:\n  A: { source: fred, id: X, file: a.csv }\n  B: { source: fred, id: Y, file: a.csv }\n', 'f.yaml')).toThrow(/A and B both write a.csv/);
  });
});
