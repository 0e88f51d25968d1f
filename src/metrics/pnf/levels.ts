import type { PnfChart } from './types.js';

/**
 * The levels at which a P&F chart would change its story (methodology §2): where the current column would
 * reverse (the reversal count of boxes back from its extreme) and where the opposite signal would be given (one box
 * beyond the extreme of the last column of the opposite type that a new column would have to break).
 */
export interface ChangeLevels {
  /** The level that reverses the current column, and the column it would reverse into. */
  reversal: number | null;
  reversalInto: 'X' | 'O' | null;
  /** The level that gives the opposite signal (a sell while on a buy, a buy while on a sell). */
  signal: number | null;
  signalType: 'buy' | 'sell' | null;
  /**
   * The current column runs toward that signal and stands level with the column it would have to break, so one more
   * box in it gives the signal (2021-08-20: IWM in Os at 200, the last column of Os bottomed at 200, a sell at 198).
   */
  signalNextBox: boolean;
}

/**
 * The box index the current column reverses at (the reversal count of boxes back from its extreme), or null
 * without a column.
 */
export function reversalIndex(chart: PnfChart): number | null {
  const cur = chart.columns[chart.columns.length - 1];
  if (!cur) return null;
  return cur.type === 'X' ? cur.highIndex - chart.options.reversal : cur.lowIndex + chart.options.reversal;
}

/**
 * The box index of the opposite signal (one box beyond the extreme of the last column of the opposite type that a new
 * column would have to break), its type, and whether the current column stands level with that column (one more box
 * in it gives the signal); null without a signal or such a column.
 */
export function signalIndex(chart: PnfChart): { index: number; type: 'buy' | 'sell'; nextBox: boolean } | null {
  const cols = chart.columns;
  const n = cols.length - 1;
  if (n < 0) return null;
  const cur = cols[n];
  const signal = chart.current.signal;
  if (signal === 'buy') {
    // A sell needs an O column below the last O column's low: the current one if in Os (its predecessor O), else the last O.
    const o = cur.type === 'O' ? cols[n - 2] : cols[n - 1];
    if (o && o.type === 'O') return { index: o.lowIndex - 1, type: 'sell', nextBox: cur.type === 'O' && cur.lowIndex === o.lowIndex };
  } else if (signal === 'sell') {
    const x = cur.type === 'X' ? cols[n - 2] : cols[n - 1];
    if (x && x.type === 'X') return { index: x.highIndex + 1, type: 'buy', nextBox: cur.type === 'X' && cur.highIndex === x.highIndex };
  }
  return null;
}

/**
 * @example
 * // X column 100–110 on 1-point boxes after an O column down to 96, on a buy signal, 3-box reversal:
 * changeLevels(chart) //=> { reversal: 107, reversalInto: 'O', signal: 95, signalType: 'sell', signalNextBox: false }
 */
export function changeLevels(chart: PnfChart): ChangeLevels {
  const cols = chart.columns;
  const n = cols.length - 1;
  const out: ChangeLevels = { reversal: null, reversalInto: null, signal: null, signalType: null, signalNextBox: false };
  if (n < 0) return out;
  const cur = cols[n];
  out.reversal = chart.level(reversalIndex(chart)!);
  out.reversalInto = cur.type === 'X' ? 'O' : 'X';
  const sig = signalIndex(chart);
  if (sig) {
    out.signal = chart.level(sig.index);
    out.signalType = sig.type;
    out.signalNextBox = sig.nextBox;
  }
  return out;
}
