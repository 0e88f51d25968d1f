/**
 * Signals (methodology §2.1, §2.2): a buy when an X column exceeds the top of the previous X column
 * (`top(c) > top(c−2)`), a sell when an O column breaks the bottom of the previous O column. One signal per
 * column at most, dated on the day the first exceeding box printed; the state persists until the opposite signal.
 */
import type { RawColumn } from './columns.js';

/** A signal in index space; patterns and dates are attached later. */
export interface RawSignal {
  buy: boolean;
  column: number;
  day: number;
  /** Breakout box index: top(c−2)+1 or bot(c−2)−1. */
  box: number;
  /** Broken extreme: top(c−2) or bot(c−2). */
  resistance: number;
  /** §2.2 count: 1 after an opposite signal, then 2, 3, … */
  consecutive: number;
}

/**
 * Finds every signal of a column list, oldest first.
 * @example // columns of closes 5,1,6,3,7 on 1-point boxes: O[1-5] X[2-6] O[3-5] X[4-7]
 * rawSignals(columns)
 * //=> [{ buy: true, column: 3, day: 4, box: 7, resistance: 6, consecutive: 1 }]
 */
export function rawSignals(columns: RawColumn[]): RawSignal[] {
  const out: RawSignal[] = [];
  for (let c = 2; c < columns.length; c++) {
    const col = columns[c];
    const prev = columns[c - 2];
    let box: number;
    let resistance: number;
    if (col.up) {
      if (col.hi <= prev.hi) continue;
      resistance = prev.hi;
      box = resistance + 1;
    } else {
      if (col.lo >= prev.lo) continue;
      resistance = prev.lo;
      box = resistance - 1;
    }
    const before = out[out.length - 1];
    const consecutive = before && before.buy === col.up ? before.consecutive + 1 : 1;
    out.push({ buy: col.up, column: c, day: col.boxDays[box - col.lo], box, resistance, consecutive });
  }
  return out;
}
