import { describe, expect, it } from 'vitest';
import { tradingDayOnOrBefore } from '../../src/data/calendar.js';
import { checkAsOf, defaultAsOf, requireHistory, requireSeries, resolveAsOf } from '../../src/data/require.js';
import type { Market, Series } from '../../src/data/types.js';
import { errorOf, errorText } from './error-text.js';

function series(key: string, dates: string[], close: number[]): Series {
  return { key, name: key, kind: 'price', file: `${key}.csv`, dates, close: Float64Array.from(close) };
}

const market: Market = {
  source: 'data/market.yaml',
  series: {
    SPX: series('SPX', ['2025-12-08', '2025-12-09', '2025-12-10', '2025-12-11', '2025-12-12'], [1, 2, 3, 4, 5]),
    RUT: series('RUT', ['2025-12-09', '2025-12-10', '2025-12-11', '2025-12-12'], [1, 2, 3, NaN]),
    TNX: series('TNX', ['2025-12-08', '2025-12-09', '2025-12-10'], [4.1, 4.2, 4.3]),
  },
  universes: {
    SP600: {
      key: 'SP600', name: 'S&P 600', file: 'sp600.csv', dates: ['2025-12-10', '2025-12-11', '2025-12-12'], members: ['A', 'B'],
      closes: [Float64Array.of(NaN, 1, NaN), Float64Array.of(NaN, 2, NaN)],
    },
  },
};

describe('requireSeries', () => {
  it('accepts symbols that are series or universes', () => {
    expect(() => requireSeries(market, ['SPX', 'RUT', 'SP600'], 'note weekly-outlook')).not.toThrow();
  });

  it('names the unknown symbol, the note, the known symbols and a close match', () => {
    expect(errorText(() => requireSeries(market, ['SPX', 'RUTX'], 'note weekly-outlook'))).toMatchInlineSnapshot(`
      "[UNKNOWN_SYMBOL] note weekly-outlook needs RUTX, which data/market.yaml does not have
      Known series: RUT, SPX, TNX; universes: SP600. Did you mean RUT? Add the missing symbol to market.yaml, or change the note."
    `);
  });

  it('lists several unknown symbols at once, without guessing', () => {
    expect(errorText(() => requireSeries({ ...market, source: 'demo' }, ['IWM', 'IJR'], 'note weekly-outlook'))).toMatchInlineSnapshot(`
      "[UNKNOWN_SYMBOL] note weekly-outlook needs IWM and IJR, which the demo market does not have
      Known series: RUT, SPX, TNX; universes: SP600. Add the missing symbol to market.yaml, or change the note."
    `);
  });
});

describe('requireHistory', () => {
  it('counts the valid closes on or before the as-of date (a missing close and later rows do not count)', () => {
    // RUT: closes 1, 2, 3 to 2025-12-11 and none on 2025-12-12
    expect(() => requireHistory(market, [{ key: 'RUT', rows: 3, section: 'rates' }], '2025-12-12')).not.toThrow();
    expect(() => requireHistory(market, [{ key: 'SPX', rows: 3, section: 'rates' }], '2025-12-10')).not.toThrow();
    expect(errorOf(() => requireHistory(market, [{ key: 'RUT', rows: 4, section: 'rates' }], '2025-12-12')).message).toBe(
      'RUT has 3 closes up to 2025-12-12; the rates section needs at least 4',
    );
    // the count in the message is every close up to the date, not where the count stopped
    expect(errorOf(() => requireHistory(market, [{ key: 'SPX', rows: 4, section: 'score' }], '2025-12-10')).message).toBe(
      'SPX has 3 closes up to 2025-12-10; the score section needs at least 4',
    );
    expect(() => requireHistory(market, [{ key: 'NOPE', rows: 1, section: 'score' }], '2025-12-12')).not.toThrow(); // requireSeries names it
  });
});

describe('defaultAsOf', () => {
  it('is the last date on which every required series has a value (NaN does not count)', () => {
    expect(defaultAsOf(market, ['SPX', 'RUT'])).toBe('2025-12-11');
    expect(defaultAsOf(market, ['SPX'])).toBe('2025-12-12');
  });

  it('counts a universe day when any member has a close', () => {
    expect(defaultAsOf(market, ['SPX', 'SP600'])).toBe('2025-12-11');
  });

  it('uses every series when none is named', () => {
    expect(defaultAsOf(market, [])).toBe('2025-12-10');
  });

  it('fails when the series share no date with data', () => {
    const m: Market = { source: 'x', universes: {}, series: { A: series('A', ['2025-01-02'], [1]), B: series('B', ['2025-01-03'], [1]) } };
    expect(errorText(() => defaultAsOf(m, ['A', 'B']))).toMatchInlineSnapshot(`
      "[BAD_DATA] A and B have no date with data in common
      Check that the files cover overlapping periods."
    `);
  });

  it('fails on an unknown symbol', () => {
    expect(errorOf(() => defaultAsOf(market, ['NOPE'])).code).toBe('UNKNOWN_SYMBOL');
  });
});

describe('checkAsOf', () => {
  it('accepts any date from the first common date to the default as-of, weekends included', () => {
    expect(() => checkAsOf(market, ['SPX', 'RUT'], '2025-12-09')).not.toThrow();
    expect(() => checkAsOf(market, ['SPX', 'RUT'], '2025-12-11')).not.toThrow();
    expect(() => checkAsOf(market, ['SPX'], '2025-12-08')).not.toThrow();
  });

  it('rejects a date after the data, with the range and the series that ends first', () => {
    expect(errorText(() => checkAsOf(market, ['SPX', 'RUT', 'TNX'], '2025-12-12'))).toMatchInlineSnapshot(`
      "[AS_OF_OUT_OF_RANGE] as-of 2025-12-12 is after the data: SPX, RUT and TNX have data in common only up to 2025-12-10 (TNX ends first)
      Use a date from 2025-12-09 to 2025-12-10, or leave out --as-of to use 2025-12-10."
    `);
  });

  it('rejects a date before the data, with the series that starts last', () => {
    expect(errorText(() => checkAsOf(market, ['SPX', 'RUT'], '2025-12-08'))).toMatchInlineSnapshot(`
      "[AS_OF_OUT_OF_RANGE] as-of 2025-12-08 is before the data: SPX and RUT have data in common only from 2025-12-09 (RUT starts last)
      Use a date from 2025-12-09 to 2025-12-11, or leave out --as-of to use 2025-12-11."
    `);
    expect(errorText(() => checkAsOf(market, ['SPX'], '2001-01-02'))).toMatchInlineSnapshot(`
      "[AS_OF_OUT_OF_RANGE] as-of 2001-01-02 is before the data: SPX has data only from 2025-12-08
      Use a date from 2025-12-08 to 2025-12-12, or leave out --as-of to use 2025-12-12."
    `);
  });

  it('rejects a malformed date as a usage error', () => {
    expect(errorText(() => checkAsOf(market, ['SPX'], '12/12/2025'))).toMatchInlineSnapshot(`
      "[USAGE] the as-of date "12/12/2025" is not a date
      Write it as YYYY-MM-DD, e.g. --as-of 2025-12-12."
    `);
  });
});

describe('resolveAsOf (the reference calendar)', () => {
  // SPX is the reference: no row on Friday 4 July (a holiday); RUT ends a day early; TNX runs past SPX
  const m: Market = {
    source: 'data/market.yaml',
    universes: {},
    series: {
      SPX: series('SPX', ['2025-07-01', '2025-07-02', '2025-07-03', '2025-07-07', '2025-07-08'], [1, 2, 3, 4, 5]),
      RUT: series('RUT', ['2025-07-01', '2025-07-02', '2025-07-03', '2025-07-07'], [1, 2, 3, 4]),
      TNX: series('TNX', ['2025-07-01', '2025-07-02', '2025-07-03', '2025-07-07', '2025-07-08', '2025-07-09'], [4, 4, 4, 4, 4, 4]),
    },
  };

  it('rolls a holiday or weekend back to the trading day before and says so', () => {
    expect(resolveAsOf(m, ['SPX', 'TNX'], 'SPX', '2025-07-04')).toEqual({ asOf: '2025-07-03', requested: '2025-07-04', reference: 'SPX', rolledBack: true, stale: [] });
    expect(resolveAsOf(m, ['SPX', 'TNX'], 'SPX', '2025-07-06').asOf).toBe('2025-07-03');
    expect(resolveAsOf(m, ['SPX', 'TNX'], 'SPX', '2025-07-07')).toMatchObject({ asOf: '2025-07-07', rolledBack: false });
  });

  it('defaults to the last date every required series has data for, and names the series that set it', () => {
    expect(resolveAsOf(m, ['SPX', 'TNX'], 'SPX', undefined)).toMatchObject({ asOf: '2025-07-08', requested: '2025-07-08', rolledBack: false });
    expect(resolveAsOf(m, ['SPX', 'RUT'], 'SPX', undefined)).toMatchObject({ asOf: '2025-07-07', stale: [], limitedBy: { key: 'RUT', referenceLast: '2025-07-08' } });
  });

  it('fails on a required series that ends before the as-of trading day, naming it and its last date', () => {
    expect(errorText(() => resolveAsOf(m, ['SPX', 'RUT', 'TNX'], 'SPX', '2025-07-08'))).toMatchInlineSnapshot(`
      "[BAD_DATA] RUT ends 2025-07-07, before the as-of date 2025-07-08 (a trading day of SPX): this series is stale
      Update its file, build an earlier date with --as-of, or pass --allow-stale to build anyway with the stale series marked in the note."
    `);
  });

  it('builds with the stale series listed when allowed', () => {
    expect(resolveAsOf(m, ['SPX', 'RUT', 'TNX'], 'SPX', '2025-07-08', { allowStale: true }).stale).toEqual([{ key: 'RUT', lastDate: '2025-07-07' }]);
  });

  it('names only the series that end too early when the date is after the data', () => {
    expect(errorText(() => resolveAsOf(m, ['SPX', 'RUT', 'TNX'], 'SPX', '2025-07-09'))).toMatchInlineSnapshot(`
      "[AS_OF_OUT_OF_RANGE] as-of 2025-07-09 is after the data: SPX ends 2025-07-08 and RUT ends 2025-07-07
      Use a date from 2025-07-01 to 2025-07-08, or leave out --as-of to use 2025-07-08."
    `);
  });

  it('rejects a date before the data and a malformed date', () => {
    expect(errorOf(() => resolveAsOf(m, ['SPX'], 'SPX', '2025-06-30')).code).toBe('AS_OF_OUT_OF_RANGE');
    expect(errorOf(() => resolveAsOf(m, ['SPX'], 'SPX', '2025-7-4')).code).toBe('USAGE');
  });
});

describe('tradingDayOnOrBefore', () => {
  it('finds the last trading day on or before a date, or null before the first', () => {
    const days = ['2025-07-02', '2025-07-03', '2025-07-07'];
    expect(tradingDayOnOrBefore(days, '2025-07-04')).toBe('2025-07-03');
    expect(tradingDayOnOrBefore(days, '2025-07-07')).toBe('2025-07-07');
    expect(tradingDayOnOrBefore(days, '2025-07-01')).toBeNull();
  });
});
