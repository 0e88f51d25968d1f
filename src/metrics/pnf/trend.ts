/**
 * Trend lines (methodology §2.4): a bullish support line (BSL) rises one box per column from the box under the
 * lowest O; a bearish resistance line (BRL) falls one box per column from the box over the highest X.
 * An O column that enters the BSL's box breaks it (trend negative, new BRL from the highest X since the old
 * anchor); an X column that prints in the BRL's box violates it (trend positive, new BSL from the lowest O).
 * Touching (one box short) does not count. The trend flips on the day the penetrating box prints.
 */
import type { RawColumn } from './columns.js';
import type { RawSignal } from './signals.js';

export interface RawLine {
  bsl: boolean;
  anchor: number;
  /** Ladder index of the line's box at the anchor column. */
  k: number;
}

export interface RawTrend {
  line: RawLine | null;
  /** Day the first line was drawn (−1 when none) and its direction. */
  seedDay: number;
  seedState: 1 | -1 | 0;
  flips: { day: number; to: 1 | -1; column: number }[];
  /** Trend after each column (+1 positive, −1 negative, 0 no line yet). */
  afterColumn: Int8Array;
}

/**
 * Follows the trend line through the columns.
 * Initialisation [I]: the first line is drawn when column j ≥ 1 opens: a BRL over the highest X of columns < j if
 * the last signal so far is a sell, else a BSL under the lowest O of columns < j (ties → the latest column).
 * @example // closes 20,10,16,12,18,13,16,12,17 on 1-point boxes (§2.4):
 * rawTrend(cols, rawSignals(cols), false).flips.map((f) => [f.column, f.to]) //=> [[4, -1], [7, 1]]
 */
export function rawTrend(columns: RawColumn[], signals: RawSignal[], requireSignal: boolean): RawTrend {
  const n = columns.length;
  const afterColumn = new Int8Array(n);
  const flips: RawTrend['flips'] = [];
  let line: RawLine | null = null;
  let seedDay = -1;
  let seedState: 1 | -1 | 0 = 0;
  let sigPtr = 0; // signals with column < j

  for (let j = 0; j < n; j++) {
    const col = columns[j];
    while (sigPtr < signals.length && signals[sigPtr].column < j) sigPtr++;
    if (line === null && j >= 1) {
      const lastSignal = sigPtr > 0 ? signals[sigPtr - 1] : undefined;
      const highX = extremeColumn(columns, 0, j - 1, true);
      const lowO = extremeColumn(columns, 0, j - 1, false);
      if (lastSignal && !lastSignal.buy && highX >= 0) line = { bsl: false, anchor: highX, k: columns[highX].hi + 1 };
      else if (lowO >= 0) line = { bsl: true, anchor: lowO, k: columns[lowO].lo - 1 };
      if (line) {
        seedDay = col.startDay;
        seedState = line.bsl ? 1 : -1;
      }
    }
    if (line && j > line.anchor && col.up !== line.bsl) {
      const day = penetrationDay(col, line, j, signals, requireSignal);
      if (day >= 0) {
        if (line.bsl) {
          const a = extremeColumn(columns, line.anchor, j, true);
          line = { bsl: false, anchor: a, k: columns[a].hi + 1 };
        } else {
          const a = extremeColumn(columns, line.anchor, j, false);
          line = { bsl: true, anchor: a, k: columns[a].lo - 1 };
        }
        flips.push({ day, to: line.bsl ? 1 : -1, column: j });
      }
    }
    afterColumn[j] = line ? (line.bsl ? 1 : -1) : 0;
  }
  return { line, seedDay, seedState, flips, afterColumn };
}

/** Line's box index at column j. */
export function lineBox(line: RawLine, j: number): number {
  return line.bsl ? line.k + (j - line.anchor) : line.k - (j - line.anchor);
}

/**
 * Day the column first printed a box inside the line (−1 if it does not). With the signal guard, the first such
 * box printed while on the matching signal.
 */
function penetrationDay(col: RawColumn, line: RawLine, j: number, signals: RawSignal[], requireSignal: boolean): number {
  const L = lineBox(line, j);
  if (line.bsl ? col.lo > L : col.hi < L) return -1;
  // O boxes print from the top down, X boxes from the bottom up: the first box inside the line is the nearer end
  const first = line.bsl ? Math.min(L, col.hi) : Math.max(L, col.lo);
  if (!requireSignal) return col.boxDays[first - col.lo];
  const want = !line.bsl; // a BRL violation needs a buy, a BSL break a sell
  const step = line.bsl ? -1 : 1;
  for (let b = first; b >= col.lo && b <= col.hi; b += step) {
    const day = col.boxDays[b - col.lo];
    const s = signalAt(signals, day);
    if (s && s.buy === want) return day;
  }
  return -1;
}

function signalAt(signals: RawSignal[], day: number): RawSignal | undefined {
  let found: RawSignal | undefined;
  for (const s of signals) {
    if (s.day > day) break;
    found = s;
  }
  return found;
}

/** Column in [from, to] with the highest X top (up) or the lowest O bottom (down); ties → latest; −1 if none. */
function extremeColumn(columns: RawColumn[], from: number, to: number, up: boolean): number {
  let best = -1;
  for (let j = from; j <= to; j++) {
    const c = columns[j];
    if (c.up !== up) continue;
    if (best < 0 || (up ? c.hi >= columns[best].hi : c.lo <= columns[best].lo)) best = j;
  }
  return best;
}
