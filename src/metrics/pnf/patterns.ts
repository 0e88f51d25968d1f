/**
 * Pattern catalogue (methodology §2.3). Breakout labels are rules on the signalling column c; each is written for
 * the bullish side on "tops" T and "bottoms" B, and the bearish side reuses it on the mirrored chart
 * (T = −bottom of O columns, B = −top of X columns). Precedence [I]: catapult > spread triple > quadruple >
 * triple > ascending triple > triangle > double. Traps, poles, long tail, shakeout, signal-reversed and a spread
 * level broken later by the signalling column are events
 * that can coexist with any label; they also tag the signal of their column (a trap tags the trapped breakout).
 * A label is classified on the signal's own day: the signalling column counts only up to its breakout box, so a
 * column that later extends never changes its label, and the label's level and date are the signal's.
 */
import type { RawColumn } from './columns.js';
import type { RawSignal } from './signals.js';
import type { PnfEventName, PnfPatternName } from './types.js';

/** Boxes an O column needs for a long-tail-down reversal (StockCharts "20 boxes or more"). */
export const LONG_TAIL_BOXES = 20;
/** Boxes a pole column must exceed the previous same-type column by. */
export const POLE_EXCESS = 3;
/**
 * Widest spread triple, in columns from the first tie to the breakout (both counted) [I]. Methodology §2.3 gives
 * the minimum (7 columns); beyond 16 columns the tops belong to separate congestion areas (docs/pnf.md).
 */
export const SPREAD_MAX_COLUMNS = 16;

/** Oriented view of the chart: extremes of the columns on the side of the breakout. */
interface View {
  /** Extreme of a column on the breakout side (X top, or −O bottom). */
  T(j: number): number;
  /** Other end (O bottom, or −X top). */
  B(j: number): number;
  /** Back to a ladder index. */
  index(x: number): number;
}

function view(columns: RawColumn[], up: boolean): View {
  return up
    ? { T: (j) => columns[j].hi, B: (j) => columns[j].lo, index: (x) => x }
    : { T: (j) => -columns[j].lo, B: (j) => -columns[j].hi, index: (x) => -x };
}

// ---- breakout rules, bullish wording, evaluated at the signal column c ----

/** Triple breakout at c−2, higher bottom at c−1, breakout at c. */
const isCatapult = (v: View, c: number): boolean =>
  c >= 6 && v.T(c - 4) === v.T(c - 6) && v.T(c - 2) > v.T(c - 4) && v.B(c - 1) > v.B(c - 3);

/**
 * Spread triple at a signal of column c, classified on the signal's day: the broken level R = T(c−2) ties an
 * earlier same-type column a, every same-type column between a and c−2 is below R, c − a ≥ 6 (≥ 7 columns wide)
 * and c − a + 1 ≤ SPREAD_MAX_COLUMNS. A tie at c−4 is a plain triple (or quadruple), not a spread.
 */
function isSpread(v: View, c: number): boolean {
  if (c < 6) return false;
  const R = v.T(c - 2);
  const stop = Math.max(0, c - SPREAD_MAX_COLUMNS + 1);
  for (let a = c - 4; a >= stop; a -= 2) {
    const ta = v.T(a);
    if (ta > R) return false;
    if (ta === R) return c - a >= 6;
  }
  return false;
}

/**
 * Spread level broken LATER by the signalling column c, after its signal (the column's top as of the chart's
 * last day): the lowest level R > T(c−2) below the column's top where two earlier same-type columns a < b tie at
 * R, every same-type column between a and c is below R, c − a ≥ 6 and c − a + 1 ≤ SPREAD_MAX_COLUMNS. Null when
 * none. The break is its own pattern, dated on the day the box above R printed (never the signal's label).
 */
function laterSpreadLevel(v: View, c: number): number | null {
  const top = v.T(c);
  const stop = Math.max(0, c - SPREAD_MAX_COLUMNS + 1);
  let M = v.T(c - 2); // highest top strictly between b and c
  for (let b = c - 4; b >= stop + 2; b -= 2) {
    const R = v.T(b);
    if (R >= top) return null;
    if (R > M) {
      for (let a = b - 2; a >= stop; a -= 2) {
        const ta = v.T(a);
        if (ta > R) break;
        if (ta === R) {
          if (c - a >= 6) return R;
          break;
        }
      }
      M = R;
    }
  }
  return null;
}

const isQuadruple = (v: View, c: number): boolean =>
  c >= 6 && v.T(c - 2) === v.T(c - 4) && v.T(c - 4) === v.T(c - 6);

const isTriple = (v: View, c: number): boolean => c >= 4 && v.T(c - 2) === v.T(c - 4);

const isAscendingTriple = (v: View, c: number): boolean => c >= 4 && v.T(c - 4) < v.T(c - 2);

/** The 5 columns before c make lower tops and higher bottoms. */
const isTriangle = (v: View, c: number): boolean => {
  if (c < 5) return false;
  for (let j = c - 3; j < c; j++) {
    const sameSide = (c - j) % 2 === 0;
    if (sameSide ? !(v.T(j) < v.T(j - 2)) : !(v.B(j) > v.B(j - 2))) return false;
  }
  return true;
};

/** The 7 columns before c make a series against the breakout: lower tops and lower bottoms. */
const isSignalReversed = (v: View, c: number): boolean => {
  if (c < 7) return false;
  for (let j = c - 5; j < c; j++) {
    const sameSide = (c - j) % 2 === 0;
    if (sameSide ? !(v.T(j) < v.T(j - 2)) : !(v.B(j) < v.B(j - 2))) return false;
  }
  return true;
};

const LABELS: Record<string, [PnfPatternName, PnfPatternName]> = {
  catapult: ['bullish catapult', 'bearish catapult'],
  spread: ['spread triple top', 'spread triple bottom'],
  quadruple: ['quadruple top', 'quadruple bottom'],
  triple: ['triple top', 'triple bottom'],
  ascending: ['ascending triple top', 'descending triple bottom'],
  triangle: ['bullish triangle', 'bearish triangle'],
  double: ['double top', 'double bottom'],
};

export interface RawLabel {
  pattern: PnfPatternName;
  /** Breakout box of the labelled pattern, and the day it printed. */
  box: number;
  day: number;
  tags: string[];
}

export interface RawEvent {
  name: PnfEventName;
  bias: 'bullish' | 'bearish';
  column: number;
  day: number;
  box: number;
}

/**
 * Labels every signal and lists the pattern events.
 * @example // closes 5,1,6,3,7 on 1-point boxes: O[1-5] X[2-6] O[3-5] X[4-7]
 * labelPatterns(cols, rawSignals(cols), rawTrend(cols, sigs, false).afterColumn, 3).labels[0].pattern //=> 'double top'
 */
export function labelPatterns(
  columns: RawColumn[],
  signals: RawSignal[],
  trendAfter: Int8Array,
  reversal: number,
): { labels: RawLabel[]; events: RawEvent[] } {
  const views = { up: view(columns, true), down: view(columns, false) };
  const side = (up: boolean): View => (up ? views.up : views.down);
  const bySignalColumn = new Map<number, number>();
  const labels = signals.map((s, i): RawLabel => {
    bySignalColumn.set(s.column, i);
    return breakoutLabel(s, side(s.buy));
  });
  const events: RawEvent[] = [];
  const add = (e: RawEvent, tagColumn = e.column): void => {
    events.push(e);
    const si = bySignalColumn.get(tagColumn);
    if (si !== undefined && !labels[si].tags.includes(e.name)) labels[si].tags.push(e.name);
  };
  const dayOf = (j: number, box: number): number => columns[j].boxDays[box - columns[j].lo];
  const reversalBox = (j: number): number =>
    columns[j].up ? Math.min(columns[j].lo + reversal - 1, columns[j].hi) : Math.max(columns[j].hi - reversal + 1, columns[j].lo);

  for (let c = 1; c < columns.length; c++) {
    const col = columns[c];
    // signal reversed: tags the signal of this column
    const si = bySignalColumn.get(c);
    if (si !== undefined && isSignalReversed(side(col.up), c)) {
      const s = signals[si];
      add({
        name: col.up ? 'bearish signal reversed' : 'bullish signal reversed',
        bias: col.up ? 'bullish' : 'bearish',
        column: c,
        day: s.day,
        box: s.box,
      });
    }
    // spread triple broken later by the column that signalled (its own pattern, level and day)
    if (si !== undefined && c >= 6) {
      const v = side(col.up);
      const R = laterSpreadLevel(v, c);
      if (R !== null) {
        const box = v.index(R + 1);
        add({ name: col.up ? 'spread triple top' : 'spread triple bottom', bias: col.up ? 'bullish' : 'bearish', column: c, day: dayOf(c, box), box });
      }
    }
    // trap: a multiple-top breakout at c−1 that went exactly one box beyond resistance, then reversed
    if (c >= 5) {
      const v = side(!col.up);
      const b = c - 1;
      const R = bySignalColumn.has(b) && (isTriple(v, b) || isSpread(v, b)) ? v.T(b - 2) : laterSpreadLevel(v, b);
      if (R !== null && v.T(b) === R + 1) {
        add(
          { name: col.up ? 'bear trap' : 'bull trap', bias: col.up ? 'bullish' : 'bearish', column: c, day: col.startDay, box: v.index(R + 1) },
          b,
        );
      }
    }
    // pole: column c−1 beyond c−3 by ≥ 3 boxes, c retraces more than half of it
    if (c >= 3) {
      const v = side(!col.up);
      const n1 = columns[c - 1].hi - columns[c - 1].lo + 1;
      const need = Math.floor(n1 / 2) + 1;
      if (v.T(c - 1) - v.T(c - 3) >= POLE_EXCESS && col.hi - col.lo + 1 >= need) {
        const box = col.up ? col.lo + need - 1 : col.hi - need + 1;
        add({ name: col.up ? 'low pole' : 'high pole', bias: col.up ? 'bullish' : 'bearish', column: c, day: dayOf(c, box), box });
      }
    }
    // long tail down: first reversal up from an O column of ≥ 20 boxes
    const prev = columns[c - 1];
    if (col.up && !prev.up && prev.hi - prev.lo + 1 >= LONG_TAIL_BOXES) {
      add({ name: 'long tail down', bias: 'bullish', column: c, day: col.startDay, box: reversalBox(c) });
    }
    // shakeout: tie at a and a+2 in a positive trend, first sell at a+3, then X column a+4 (the action point)
    // completes it by exceeding the tie (a triple-top buy); reported on completion only
    if (col.up && c >= 4 && col.hi > columns[c - 4].hi) {
      const a = c - 4;
      const sellAt = bySignalColumn.get(a + 3);
      const before = sellAt !== undefined && sellAt > 0 ? signals[sellAt - 1] : undefined;
      if (
        columns[a].hi === columns[a + 2].hi &&
        sellAt !== undefined &&
        !signals[sellAt].buy &&
        (before === undefined || before.buy) &&
        trendAfter[a + 2] === 1
      ) {
        const box = columns[a].hi + 1;
        add({ name: 'shakeout', bias: 'bullish', column: c, day: dayOf(c, box), box });
      }
    }
  }
  events.sort((x, y) => x.day - y.day || x.column - y.column);
  return { labels, events };
}

/** Most specific breakout label of a signal (§2.3 precedence), on the signal's own day. */
function breakoutLabel(s: RawSignal, v: View): RawLabel {
  const c = s.column;
  const side = s.buy ? 0 : 1;
  const plain = (key: string): RawLabel => ({ pattern: LABELS[key][side], box: s.box, day: s.day, tags: [] });
  if (isCatapult(v, c)) return plain('catapult');
  if (isSpread(v, c)) return plain('spread');
  if (isQuadruple(v, c)) return plain('quadruple');
  if (isTriple(v, c)) return plain('triple');
  if (isAscendingTriple(v, c)) return plain('ascending');
  if (isTriangle(v, c)) return plain('triangle');
  return plain('double');
}
