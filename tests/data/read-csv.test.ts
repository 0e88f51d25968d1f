import { describe, expect, it } from 'vitest';
import { csvLayout, readSeriesCsv, readUniverseCsv } from '../../src/data/read-csv.js';
import { errorOf, errorText } from './error-text.js';

const f64 = (...xs: number[]) => Float64Array.from(xs);

describe('readSeriesCsv', () => {
  describe('formats found in real files', () => {
    it('maps Yahoo columns in any order (Date,Close,High,Low,Open,Volume) and CRLF line ends', () => {
      const text = 'Date,Close,High,Low,Open,Volume\r\n2026-02-20,2663.78,2682.42,2642.07,2660.29,5432480000\r\n2026-02-23,2620.99,2659.30,2600.99,2654.83,0\r\n';
      const s = readSeriesCsv(text, 'RUT.csv', 'RUT', { name: 'Russell 2000' });
      expect(s).toEqual({
        key: 'RUT', name: 'Russell 2000', kind: 'price', file: 'RUT.csv', priceField: 'Close',
        dates: ['2026-02-20', '2026-02-23'],
        close: f64(2663.78, 2620.99), open: f64(2660.29, 2654.83), high: f64(2682.42, 2659.3), low: f64(2642.07, 2600.99),
        volume: f64(5432480000, 0),
      });
    });

    it('prefers Close over Adj Close when a file has both, and says so in priceField', () => {
      const text = 'Date,Open,High,Low,Close,Adj Close,Volume\n2023-12-28,4786.44,4793.30,4780.98,4783.35,4700.00,2698860000\n';
      const s = readSeriesCsv(text, 'GSPC.csv', 'SPX', {});
      expect(s.close).toEqual(f64(4783.35));
      expect(s.priceField).toBe('Close');
    });

    it('uses Adj Close when there is no Close', () => {
      const s = readSeriesCsv('Date,Adj Close\n2026-07-31,291.20\n', 'IWM.csv', 'IWM', {});
      expect(s.close).toEqual(f64(291.2));
      expect(s.priceField).toBe('Adj Close');
      expect(s.open).toBeUndefined();
    });

    it('reads a FRED file: DATE + one value column, "." as a missing value', () => {
      const s = readSeriesCsv('DATE,DGS10\n2020-12-31,0.93\n2021-01-01,.\n2021-01-04,0.93\n', 'DGS10.csv', 'DGS10', { kind: 'yield' });
      expect(s.dates).toEqual(['2020-12-31', '2021-01-01', '2021-01-04']);
      expect(s.close).toEqual(f64(0.93, NaN, 0.93));
      expect(s.priceField).toBe('DGS10');
    });

    it('accepts observation_date (newer FRED downloads) and lower-case OHLC names', () => {
      expect(readSeriesCsv('observation_date,DGS10\n2025-12-12,4.19\n', 'DGS10.csv', 'DGS10', { kind: 'yield' }).close).toEqual(f64(4.19));
      const s = readSeriesCsv('date,volume,low,high,open,close\n2025-12-12,10,9,11,9.5,10.5\n', 'x.csv', 'X', {});
      expect([s.open![0], s.high![0], s.low![0], s.close[0], s.volume![0]]).toEqual([9.5, 11, 9, 10.5, 10]);
    });

    it('skips the extra header rows of yfinance multi-index files (Price / Ticker / Date)', () => {
      const text = [
        'Price,Close,High,Low,Open,Volume',
        'Ticker,^GSPC,^GSPC,^GSPC,^GSPC,^GSPC',
        'Date,,,,,',
        '2025-01-02,5868.55,5949.34,5829.53,5903.26,3621680000',
        '2025-01-03,5942.47,5949.98,5888.66,5891.07,3667340000',
      ].join('\n');
      const s = readSeriesCsv(text, 'GSPC.csv', 'SPX', {});
      expect(s.dates).toEqual(['2025-01-02', '2025-01-03']);
      expect(s.close).toEqual(f64(5868.55, 5942.47));
      expect(s.open).toEqual(f64(5903.26, 5891.07));
    });

    it("reads Yahoo's 0 for an unknown open as missing and leaves a warning with the first line", () => {
      const text = 'Date,Open,High,Low,Close,Volume\n1962-01-02,0.0,71.96,70.71,70.96,3120000\n1962-01-03,0.0,71.48,70.38,71.13,3590000\n1982-04-20,115.44,116.09,114.98,115.44,50000000\n';
      const s = readSeriesCsv(text, 'GSPC.csv', 'SPX', {});
      expect(s.open).toEqual(f64(NaN, NaN, 115.44));
      expect(s.warnings).toMatchInlineSnapshot(`
        [
          {
            "file": "GSPC.csv",
            "line": 2,
            "message": "Open is 0 on 2 rows, the first on this line; read as missing (Yahoo writes 0 when it has no open)",
          },
        ]
      `);
    });

    it("leaves out a yield's flat prints (High = Low = Close: ^TNX on Columbus Day), with one warning; a price's are kept", () => {
      // TNX.csv 2018-10-05..09: Columbus Day's row is flat, the bond market shut (quoted as a new 200-day high before)
      const text = 'Date,Close,High,Low,Open,Volume\n2018-10-05,3.225,3.248,3.189,3.204,0\n2018-10-08,3.233,3.233,3.233,3.233,0\n2018-10-09,3.208,3.239,3.203,3.239,0\n';
      const y = readSeriesCsv(text, 'TNX.csv', 'TNX', { kind: 'yield' });
      expect(y.dates).toEqual(['2018-10-05', '2018-10-09']);
      expect(y.close).toEqual(f64(3.225, 3.208));
      expect(y.high).toEqual(f64(3.248, 3.239));
      expect(y.warnings).toEqual([{ file: 'TNX.csv', line: 3, message: expect.stringMatching(/^1 row has High = Low = Close, the first on this line \(2018-10-08\): .*left out/) }]);
      // the same rows as a price: a flat day is a real day's bar
      expect(readSeriesCsv(text, 'X.csv', 'X', {}).dates).toHaveLength(3);
      // a close-only yield has no bar to tell: kept (FRED leaves the day out itself)
      expect(readSeriesCsv('DATE,DGS10\n2018-10-05,3.23\n2018-10-08,3.23\n', 'DGS10.csv', 'TNX', { kind: 'yield' }).dates).toHaveLength(2);
      // quoted cells (csv-parse path) read the same
      const quoted = text.replace('2018-10-09,3.208', '"2018-10-09",3.208');
      expect(readSeriesCsv(quoted, 'TNX.csv', 'TNX', { kind: 'yield' }).dates).toEqual(['2018-10-05', '2018-10-09']);
    });

    it('drops a time of day after the date and a byte-order mark', () => {
      const s = readSeriesCsv('\uFEFFDate,Close\n2025-12-11 00:00:00,1\n2025-12-12T00:00:00Z,2\n', 'x.csv', 'X', {});
      expect(s.dates).toEqual(['2025-12-11', '2025-12-12']);
    });
  });

  describe('values', () => {
    it('reads empty cells, ".", "null" and "NaN" as missing (NaN)', () => {
      const s = readSeriesCsv('Date,Close\n2025-01-02,1\n2025-01-03,\n2025-01-06,.\n2025-01-07,null\n2025-01-08,NaN\n2025-01-09,2\n', 'x.csv', 'X', {});
      expect(s.close).toEqual(f64(1, NaN, NaN, NaN, NaN, 2));
    });

    it('allows zero and negative values for a yield series', () => {
      const s = readSeriesCsv('Date,Close,High,Low\n2020-03-20,-0.033,0.01,-0.05\n2020-03-23,0,0,-0.04\n', 'IRX.csv', 'IRX', { kind: 'yield' });
      expect(s.kind).toBe('yield');
      expect(s.close).toEqual(f64(-0.033, 0));
      expect(s.high).toEqual(f64(0.01, 0));
    });

    it('takes the value column named by `column` when asked', () => {
      const s = readSeriesCsv('Date,Close,Settle\n2025-12-12,1,2\n', 'x.csv', 'X', { column: 'settle' });
      expect(s.close).toEqual(f64(2));
      expect(s.priceField).toBe('Settle');
    });

    it('reads quoted cells (csv-parse path) exactly like plain ones, blank lines skipped', () => {
      const plain = 'Date,Open,High,Low,Close\n2025-12-11,1.5,2,1,1.75\n\n2025-12-12,1.75,2.25,1.5,2\n';
      const quoted = '"Date","Open","High","Low","Close"\n"2025-12-11","1.5","2","1","1.75"\n\n"2025-12-12","1.75","2.25","1.5","2"\n';
      expect(readSeriesCsv(quoted, 'x.csv', 'X', {})).toEqual(readSeriesCsv(plain, 'x.csv', 'X', {}));
    });

    it('keeps file line numbers across blank lines and quoted line breaks', () => {
      expect(errorOf(() => readSeriesCsv('Date,Close\n\n2025-12-11,1\n\n2025-12-12,x\n', 'x.csv', 'X', {})).line).toBe(5);
      expect(errorOf(() => readSeriesCsv('Date,Note,Close\n2025-12-11,"two\nlines",1\n2025-12-12,"",x\n', 'x.csv', 'X', { column: 'Close' })).line).toBe(4);
    });
  });

  describe('bad input', () => {
    it('rejects a cell that is not a number, naming file, line and column', () => {
      const text = 'Date,Close\n2025-12-09,6840.51\n2025-12-10,6886.68\n2025-12-11,n/a\n';
      expect(errorText(() => readSeriesCsv(text, 'GSPC.csv', 'SPX', {}))).toMatchInlineSnapshot(`
        "[BAD_CSV] GSPC.csv:4: Close is not a number ("n/a")
        Write a plain number such as 4512.25; leave the cell empty (or ".") when there is no value that day."
      `);
      expect(errorOf(() => readSeriesCsv(text, 'GSPC.csv', 'SPX', {})).column).toBe(2);
    });

    it('rejects a bad number in an optional column too', () => {
      expect(errorText(() => readSeriesCsv('Date,Open,Close\n2025-12-12,1O.5,10\n', 'x.csv', 'X', {}))).toMatchInlineSnapshot(`
        "[BAD_CSV] x.csv:2: Open is not a number ("1O.5")
        Write a plain number such as 4512.25; leave the cell empty (or ".") when there is no value that day."
      `);
    });

    it('rejects a date that is not YYYY-MM-DD', () => {
      expect(errorText(() => readSeriesCsv('Date,Close\n2025-12-11,1\n12/12/2025,2\n', 'x.csv', 'X', {}))).toMatchInlineSnapshot(`
        "[BAD_CSV] x.csv:3: Date is not a date ("12/12/2025")
        Write dates as YYYY-MM-DD, e.g. 2025-12-12."
      `);
    });

    it('rejects an impossible calendar date', () => {
      expect(errorText(() => readSeriesCsv('Date,Close\n2023-02-29,1\n', 'x.csv', 'X', {}))).toMatchInlineSnapshot(`
        "[BAD_CSV] x.csv:2: Date is not a date ("2023-02-29")
        Write dates as YYYY-MM-DD, e.g. 2025-12-12."
      `);
    });

    it('rejects dates that go backwards', () => {
      expect(errorText(() => readSeriesCsv('Date,Close\n2025-12-10,1\n2025-12-12,2\n2025-12-11,3\n', 'x.csv', 'X', {}))).toMatchInlineSnapshot(`
        "[BAD_CSV] x.csv:4: date 2025-12-11 comes after 2025-12-12 (line 3); dates must go up
        Sort the rows by date, oldest first."
      `);
    });

    it('rejects a repeated date, pointing at its first line', () => {
      expect(errorText(() => readSeriesCsv('Date,Close\n2025-12-10,1\n2025-12-11,2\n2025-12-11,3\n', 'x.csv', 'X', {}))).toMatchInlineSnapshot(`
        "[BAD_CSV] x.csv:4: date 2025-12-11 appears twice (first on line 3)
        Keep one row per date."
      `);
      // Also when the repeat is not next to the first one.
      expect(errorText(() => readSeriesCsv('Date,Close\n2025-12-10,1\n2025-12-11,2\n2025-12-12,2\n2025-12-10,3\n', 'x.csv', 'X', {}))).toMatchInlineSnapshot(`
        "[BAD_CSV] x.csv:5: date 2025-12-10 appears twice (first on line 2)
        Keep one row per date."
      `);
    });

    it('rejects a zero price', () => {
      expect(errorText(() => readSeriesCsv('Date,Close\n2025-12-11,1\n2025-12-12,0\n', 'x.csv', 'X', {}))).toMatchInlineSnapshot(`
        "[BAD_DATA] x.csv:3: Close is 0; prices must be above zero
        Fix the value or leave the cell empty; a yield series, which may be zero or negative, needs \`kind: yield\` in market.yaml."
      `);
    });

    it('rejects a negative price, in any price column', () => {
      expect(errorText(() => readSeriesCsv('Date,Low,Close\n2025-12-12,-1.5,2\n', 'x.csv', 'X', {}))).toMatchInlineSnapshot(`
        "[BAD_DATA] x.csv:2: Low is -1.5; prices must be above zero
        Fix the value or leave the cell empty; a yield series, which may be zero or negative, needs \`kind: yield\` in market.yaml."
      `);
    });

    it('rejects a negative volume', () => {
      expect(errorText(() => readSeriesCsv('Date,Close,Volume\n2025-12-12,2,-100\n', 'x.csv', 'X', {}))).toMatchInlineSnapshot(`
        "[BAD_DATA] x.csv:2: Volume is -100; volume cannot be negative
        Fix the value or leave the cell empty."
      `);
    });

    it('rejects a High below the Low', () => {
      expect(errorText(() => readSeriesCsv('Date,Open,High,Low,Close\n2025-12-12,10.8,10.5,11.2,11\n', 'RUT.csv', 'RUT', {}))).toMatchInlineSnapshot(`
        "[BAD_DATA] RUT.csv:2: High (10.5) is below Low (11.2)
        Check the row: a day's High must be at least its Low (are the two columns swapped?)."
      `);
    });

    it('rejects an empty file', () => {
      expect(errorText(() => readSeriesCsv('\n \n', 'x.csv', 'X', {}))).toMatchInlineSnapshot(`
        "[BAD_CSV] x.csv: the file is empty
        A CSV file needs a header row (Date,Close,…) and at least one row of data."
      `);
    });

    it('rejects a header with no data rows', () => {
      expect(errorText(() => readSeriesCsv('Date,Close\n', 'x.csv', 'X', {}))).toMatchInlineSnapshot(`
        "[BAD_CSV] x.csv:1: no data rows after the header
        Add at least one row of data under the header, or remove the file from the market data."
      `);
    });

    it('rejects a file without a date column', () => {
      expect(errorText(() => readSeriesCsv('Day,Close\n2025-12-12,1\n', 'x.csv', 'X', {}))).toMatchInlineSnapshot(`
        "[BAD_CSV] x.csv:1: no date column (columns: Day, Close)
        Name the date column Date, date, DATE or observation_date."
      `);
    });

    it('rejects a file without a Close column (and more than one other column)', () => {
      expect(errorText(() => readSeriesCsv('Date,Bid,Ask,Volume\n2025-12-12,1,2,3\n', 'x.csv', 'X', {}))).toMatchInlineSnapshot(`
        "[BAD_CSV] x.csv:1: no Close column (columns: Date, Bid, Ask, Volume)
        Add a Close or Adj Close column, keep a single value column as FRED files do, or name the column with \`column:\` in market.yaml."
      `);
    });

    it('rejects a `column` that the header does not have', () => {
      expect(errorText(() => readSeriesCsv('Date,Close\n2025-12-12,1\n', 'x.csv', 'X', { column: 'Settle' }))).toMatchInlineSnapshot(`
        "[BAD_CSV] x.csv:1: no column "Settle" (columns: Date, Close)
        Fix \`column:\` for this series in market.yaml so it names one of the columns in the header."
      `);
    });

    it('rejects two Close columns (a multi-ticker download)', () => {
      expect(errorText(() => readSeriesCsv('Date,Close,Close\n2025-12-12,1,2\n', 'x.csv', 'X', {}))).toMatchInlineSnapshot(`
        "[BAD_CSV] x.csv:1: two Close columns (columns 2 and 3)
        Keep one series per file: a file with several tickers (as yfinance writes for multi-ticker downloads) must be split."
      `);
    });

    it('rejects a row with the wrong number of cells', () => {
      expect(errorText(() => readSeriesCsv('Date,Open,Close\n2025-12-11,1,1\n2025-12-12,2\n', 'x.csv', 'X', {}))).toMatchInlineSnapshot(`
        "[BAD_CSV] x.csv:3: the row has 2 cells but the header has 3
        Give every row one cell per header column; leave a cell empty when there is no value."
      `);
    });

    it('rejects broken quoting', () => {
      expect(errorText(() => readSeriesCsv('Date,Close\n2025-12-11,1\n2025-12-12,"2\n', 'x.csv', 'X', {}))).toMatchInlineSnapshot(`
        "[BAD_CSV] x.csv:3: cannot read the CSV: Quote Not Closed: the parsing is finished with an opening quote
        Check the quotes and separators on that line; cells are separated by commas."
      `);
    });

    it('rejects a value column with no values at all', () => {
      expect(errorText(() => readSeriesCsv('Date,Close\n2025-12-11,\n2025-12-12,.\n', 'x.csv', 'X', {}))).toMatchInlineSnapshot(`
        "[BAD_DATA] x.csv:1: Close has no values (every cell is empty)
        Fill in the column, or remove the series from the market data."
      `);
    });
  });
});

describe('readUniverseCsv', () => {
  const text = 'date,AAA,BBB,CCC\n2015-01-02,14.7611,,2.5\n2015-01-05,14.5597,137.392,2.25\n';

  it('reads the date column and one close column per member, empty = NaN', () => {
    expect(readUniverseCsv(text, 'sp600.csv', 'SP600', 'S&P 600')).toEqual({
      key: 'SP600', name: 'S&P 600', file: 'sp600.csv',
      dates: ['2015-01-02', '2015-01-05'], members: ['AAA', 'BBB', 'CCC'],
      closes: [f64(14.7611, 14.5597), f64(NaN, 137.392), f64(2.5, 2.25)],
    });
  });

  it('skips rows of empty cells, in plain and quoted files', () => {
    const plain = 'date,AAA,BBB\n2015-01-02,1,2\n,,\n2015-01-05,3,\n';
    expect(readUniverseCsv(plain, 'u.csv', 'U').dates).toEqual(['2015-01-02', '2015-01-05']);
    expect(readUniverseCsv(plain.replace('AAA', '"AAA"'), 'u.csv', 'U').dates).toEqual(['2015-01-02', '2015-01-05']);
    expect(readSeriesCsv('Date,Open,Close\n2015-01-02,1,2\n,,\n', 'x.csv', 'X', {}).dates).toEqual(['2015-01-02']);
  });

  it('gives the same numbers as Number() for long and short decimals, CRLF and blank lines', () => {
    const cells = ['0.1', '32.929141998291016', '1e2', '7', '123456789012345.5', '0.30000000000000004', '.5', '+3.25'];
    const wide = `Date,${cells.map((_, i) => `M${i}`).join(',')}\r\n\r\n2025-12-12,${cells.join(',')}\r\n`;
    const u = readUniverseCsv(wide, 'w.csv', 'W');
    expect(u.closes.map((c) => c[0])).toEqual(cells.map(Number));
  });

  it('reads quoted files (csv-parse path) exactly like plain ones', () => {
    const quoted = '"date","AAA","BBB","CCC"\n"2015-01-02","14.7611","","2.5"\n2015-01-05,14.5597,137.392,2.25\n';
    expect(readUniverseCsv(quoted, 'sp600.csv', 'SP600')).toEqual(readUniverseCsv(text, 'sp600.csv', 'SP600'));
  });

  describe('bad input', () => {
    it('rejects a member cell that is not a number, naming the member', () => {
      expect(errorText(() => readUniverseCsv('date,AAA,BBB\n2015-01-02,1,2\n2015-01-05,1,#N/A\n', 'sp600.csv', 'SP600'))).toMatchInlineSnapshot(`
        "[BAD_CSV] sp600.csv:3: BBB is not a number ("#N/A")
        Write a plain number such as 4512.25; leave the cell empty (or ".") when there is no value that day."
      `);
      expect(errorOf(() => readUniverseCsv('date,AAA,BBB\n2015-01-02,1,2\n2015-01-05,1,#N/A\n', 'sp600.csv', 'SP600')).column).toBe(3);
    });

    it('rejects a hex literal that Number() would accept', () => {
      expect(errorText(() => readUniverseCsv('date,AAA\n2015-01-02,0x1A\n', 'sp600.csv', 'SP600'))).toMatchInlineSnapshot(`
        "[BAD_CSV] sp600.csv:2: AAA is not a number ("0x1A")
        Write a plain number such as 4512.25; leave the cell empty (or ".") when there is no value that day."
      `);
    });

    it('rejects a zero or negative close', () => {
      expect(errorText(() => readUniverseCsv('date,AAA,BBB\n2015-01-02,1,0.00\n', 'sp600.csv', 'SP600'))).toMatchInlineSnapshot(`
        "[BAD_DATA] sp600.csv:2: BBB is 0; prices must be above zero
        Fix the value or leave the cell empty; a yield series, which may be zero or negative, needs \`kind: yield\` in market.yaml."
      `);
      expect(errorText(() => readUniverseCsv('date,AAA,BBB\n2015-01-02,-3,1\n', 'sp600.csv', 'SP600'))).toMatchInlineSnapshot(`
        "[BAD_DATA] sp600.csv:2: AAA is -3; prices must be above zero
        Fix the value or leave the cell empty; a yield series, which may be zero or negative, needs \`kind: yield\` in market.yaml."
      `);
    });

    it('rejects a bad date', () => {
      expect(errorText(() => readUniverseCsv('date,AAA\n2015-01-02,1\n2015-1-5,1\n', 'sp600.csv', 'SP600'))).toMatchInlineSnapshot(`
        "[BAD_CSV] sp600.csv:3: date is not a date ("2015-1-5")
        Write dates as YYYY-MM-DD, e.g. 2025-12-12."
      `);
    });

    it('rejects unsorted and repeated dates', () => {
      expect(errorText(() => readUniverseCsv('date,AAA\n2015-01-05,1\n2015-01-02,1\n', 'sp600.csv', 'SP600'))).toMatchInlineSnapshot(`
        "[BAD_CSV] sp600.csv:3: date 2015-01-02 comes after 2015-01-05 (line 2); dates must go up
        Sort the rows by date, oldest first."
      `);
      expect(errorText(() => readUniverseCsv('date,AAA\n2015-01-02,1\n2015-01-02,1\n', 'sp600.csv', 'SP600'))).toMatchInlineSnapshot(`
        "[BAD_CSV] sp600.csv:3: date 2015-01-02 appears twice (first on line 2)
        Keep one row per date."
      `);
    });

    it('rejects rows with too few or too many cells', () => {
      expect(errorText(() => readUniverseCsv('date,AAA,BBB\n2015-01-02,1\n', 'sp600.csv', 'SP600'))).toMatchInlineSnapshot(`
        "[BAD_CSV] sp600.csv:2: the row has 2 cells but the header has 3
        Give every row one cell per header column; leave a cell empty when there is no value."
      `);
      expect(errorText(() => readUniverseCsv('date,AAA,BBB\n2015-01-02,1,2,\n', 'sp600.csv', 'SP600'))).toMatchInlineSnapshot(`
        "[BAD_CSV] sp600.csv:2: the row has 4 cells but the header has 3
        Give every row one cell per header column; leave a cell empty when there is no value."
      `);
    });

    it('rejects a member listed twice', () => {
      expect(errorText(() => readUniverseCsv('date,AAA,BBB,AAA\n2015-01-02,1,2,3\n', 'sp600.csv', 'SP600'))).toMatchInlineSnapshot(`
        "[BAD_CSV] sp600.csv:1: member AAA appears twice in the header (columns 2 and 4)
        Keep one column per member."
      `);
    });

    it('rejects a member column without a name', () => {
      expect(errorText(() => readUniverseCsv('date,AAA,,BBB\n2015-01-02,1,2,3\n', 'sp600.csv', 'SP600'))).toMatchInlineSnapshot(`
        "[BAD_CSV] sp600.csv:1: column 3 of the header has no name
        Name every member column after its ticker."
      `);
    });

    it('rejects a header without members', () => {
      expect(errorText(() => readUniverseCsv('date\n2015-01-02\n', 'sp600.csv', 'SP600'))).toMatchInlineSnapshot(`
        "[BAD_CSV] sp600.csv:1: no member columns after the date column
        A wide universe file has the date in the first column and one column of closes per member."
      `);
    });

    it('rejects an empty file and a header-only file', () => {
      expect(errorText(() => readUniverseCsv('', 'sp600.csv', 'SP600'))).toMatchInlineSnapshot(`
        "[BAD_CSV] sp600.csv: the file is empty
        A CSV file needs a header row (Date,Close,…) and at least one row of data."
      `);
      expect(errorText(() => readUniverseCsv('date,AAA\n', 'sp600.csv', 'SP600'))).toMatchInlineSnapshot(`
        "[BAD_CSV] sp600.csv:1: no data rows after the header
        Add at least one row of data under the header, or remove the file from the market data."
      `);
    });
  });
});

describe('csvLayout', () => {
  it('calls a file wide when it has no Close/Adj Close and two or more other columns', () => {
    expect(csvLayout('date,AAMI,AAP,AAT\n')).toBe('wide');
    expect(csvLayout('Date,Close\n')).toBe('series');
    expect(csvLayout('Date,Open,High,Low,Adj Close,Volume\n')).toBe('series');
    expect(csvLayout('DATE,DGS10\n')).toBe('series');
  });
});
