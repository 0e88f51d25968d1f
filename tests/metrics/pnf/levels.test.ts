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
    expect(changeLevels(chart([['X', 90, 104], ['O', 96, 103], ['X', 97, 110]], 'buy'))).toEqual({ reversal: 107, reversalInto: 'O', signal: 95, signalType: 'sell' });
  });
  it('on a buy in Os: sells one box below the previous O column, reverses up three boxes above the low', () => {
    expect(changeLevels(chart([['O', 96, 103], ['X', 97, 110], ['O', 100, 109]], 'buy'))).toEqual({ reversal: 103, reversalInto: 'X', signal: 95, signalType: 'sell' });
  });
  it('on a sell in Xs: buys one box above the previous X column', () => {
    expect(changeLevels(chart([['X', 90, 104], ['O', 85, 103], ['X', 86, 99]], 'sell'))).toEqual({ reversal: 96, reversalInto: 'O', signal: 105, signalType: 'buy' });
  });
  it('gives no signal level before the chart has the columns for one', () => {
    expect(changeLevels(chart([['X', 90, 104]], null))).toEqual({ reversal: 101, reversalInto: 'O', signal: null, signalType: null });
  });
});
