import { describe, expect, it } from 'vitest';
import { readSeriesCsv, readUniverseCsv } from '../../src/data/read-csv.js';
import type { Series, Universe } from '../../src/data/types.js';
import { seriesCsv, universeCsv } from '../../src/data/write-csv.js';

describe('seriesCsv', () => {
  it('writes Date,Open,High,Low,Close,Volume with fixed decimals, whole volumes and empty cells for NaN', () => {
    const s: Series = {
      key: 'X', name: 'X', kind: 'price', file: 'X.csv', dates: ['2025-12-11', '2025-12-12'],
      open: Float64Array.of(1.5, 2), high: Float64Array.of(2, 2.25), low: Float64Array.of(1, 1.5), close: Float64Array.of(1.75, NaN),
      volume: Float64Array.of(1200000000, 3),
    };
    expect(seriesCsv(s, 2)).toBe('Date,Open,High,Low,Close,Volume\n2025-12-11,1.50,2.00,1.00,1.75,1200000000\n2025-12-12,2.00,2.25,1.50,,3\n');
  });

  it('is read back to the same numbers', () => {
    const s: Series = { key: 'T', name: 'T', kind: 'yield', file: 'T.csv', priceField: 'Close', dates: ['2025-12-12'], close: Float64Array.of(4.163) };
    expect(readSeriesCsv(seriesCsv(s, 3), 'T.csv', 'T', { kind: 'yield' })).toEqual(s);
  });
});

describe('universeCsv', () => {
  it('writes a wide file that reads back to the same universe', () => {
    const u: Universe = {
      key: 'U', name: 'U', file: 'U.csv', dates: ['2025-12-11', '2025-12-12'], members: ['AAA', 'BBB'],
      closes: [Float64Array.of(NaN, 12.34), Float64Array.of(250.1, 249.99)],
    };
    const text = universeCsv(u, 2);
    expect(text).toBe('Date,AAA,BBB\n2025-12-11,,250.10\n2025-12-12,12.34,249.99\n');
    expect(readUniverseCsv(text, 'U.csv', 'U')).toEqual(u);
  });
});
