import { describe, expect, it } from 'vitest';
import { changeLevels } from '../../../src/metrics/pnf/levels.js';
import type { PnfChart, PnfColumn } from '../../../src/metrics/pnf/types.js';

/** A chart on 1-point boxes (box index = price) with the given columns and current signal. */
function chart(columns: [type: 'X' | 'O', low: number, high: number][], signal: 'buy' | 'sell' | null): PnfChart {
  const cols: PnfColumn[] = columns.map(([type, low, high]) => ({ type, low, high, lowIndex: low, highIndex: high, start: '2025-01-01', end: '2025-01-01', boxDates: [] }));
  return { options: { reversal: 3 }, level: (i: number) => i, columns: cols, current: { signal } } as unknown as PnfChart;
}

describe('changeLevels', () => {
  it('on a buy in Xs: reverses into Os three boxes below the top, sells one box below the last O low', () => {
    expect(changeLevels(chart([['X', 90, 104], ['O', 96, 103], ['X', 97, 110]], 'buy'))).toEqual({ reversal: 107, reversalInto: 'O', signal: 95, signalType: 'sell', signalNextBox: false });
  });
  it('on a buy in Os: sells one box below the previous O column, reverses up three boxes above the low', () => {
    expect(changeLevels(chart([['O', 96, 103], ['X', 97, 110], ['O', 100, 109]], 'buy'))).toEqual({ reversal: 103, reversalInto: 'X', signal: 95, signalType: 'sell', signalNextBox: false });
  });
  it('on a sell in Xs: buys one box above the previous X column', () => {
    expect(changeLevels(chart([['X', 90, 104], ['O', 85, 103], ['X', 86, 99]], 'sell'))).toEqual({ reversal: 96, reversalInto: 'O', signal: 105, signalType: 'buy', signalNextBox: false });
  });
  it('says when one more box in the current column gives the signal: it stands level with the column it must break (2021-08-20: IWM in Os at 200 beside a low of 200, a sell at 198)', () => {
    expect(changeLevels(chart([['O', 96, 103], ['X', 97, 110], ['O', 96, 109]], 'buy'))).toEqual({ reversal: 99, reversalInto: 'X', signal: 95, signalType: 'sell', signalNextBox: true });
    expect(changeLevels(chart([['X', 90, 104], ['O', 85, 103], ['X', 86, 104]], 'sell'))).toEqual({ reversal: 101, reversalInto: 'O', signal: 105, signalType: 'buy', signalNextBox: true });
    // a column of the other kind is a full reversal away, not a box
    expect(changeLevels(chart([['O', 96, 103], ['X', 97, 110]], 'buy')).signalNextBox).toBe(false);
  });
  it('gives no signal level before the chart has the columns for one', () => {
    expect(changeLevels(chart([['X', 90, 104]], null))).toEqual({ reversal: 101, reversalInto: 'O', signal: null, signalType: null, signalNextBox: false });
  });
});
