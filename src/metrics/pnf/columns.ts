/**
 * Column construction (methodology §1.4 daily update, §1.5 first column): the only per-day loop of the full chart.
 * Works on ladder indexes; records for every box the index of the day it was first filled.
 */
import { climb, descend, PnfBoxLimitError, type BoxScale } from './boxes.js';

/** The most boxes a whole chart may hold (S&P 500 since 1927 on a 1-point box: about 130,000); beyond it the chart is refused. */
export const MAX_CHART_BOXES = 1_000_000;

/** A column in index space. `boxDays[j]` is the day index box `lo + j` was first filled (bottom → top). */
export interface RawColumn {
  up: boolean;
  lo: number;
  hi: number;
  startDay: number;
  endDay: number;
  boxDays: number[];
}

export interface DailyBars {
  /** Values used to extend/reverse upwards (the high, or the close). */
  high: ArrayLike<number>;
  /** Values used downwards (the low, or the close). */
  low: ArrayLike<number>;
  /** Tie-break for a first day that reaches both ways (§1.5). */
  close: ArrayLike<number>;
  length: number;
}

export interface RawChart {
  columns: RawColumn[];
  /** Day indexes that carried a usable value (others are skipped). */
  validDays: number;
  /** Last usable value (for the box label), NaN when none. */
  lastValue: number;
}

/**
 * Builds the columns of a chart (§1.4–§1.5). Throws `PnfBoxLimitError` (with `day` set) when a column would grow
 * by more than `MAX_COLUMN_BOXES` in a day or the chart would hold more than `MAX_CHART_BOXES` boxes.
 * @example const v = [5, 1, 6, 3, 7];
 * buildColumns({ high: v, low: v, close: v, length: 5 }, boxScale({ fixed: 1 }), 3).columns.map((c) => [c.up, c.lo, c.hi])
 * //=> [[false, 1, 5], [true, 2, 6], [false, 3, 5], [true, 4, 7]]
 */
export function buildColumns(bars: DailyBars, scale: BoxScale, reversal: number): RawChart {
  const { high, low, close, length: n } = bars;
  const positiveOnly = scale.positiveOnly;
  const R = reversal;
  const columns: RawColumn[] = [];
  let validDays = 0;
  let lastValue = NaN;

  let anchored = false;
  let up0 = 0;
  let dn0 = 0;
  let prevClose = NaN;
  // current column (no closures over these: they stay in registers)
  let cur: RawColumn | null = null;
  let downDays: number[] = []; // O column box days, top → bottom, reversed when the column closes
  let thrExt = 0; // X: upAt(top + 1) / O: downAt(bot − 1)
  let thrRev = 0; // X: downAt(top − R) / O: upAt(bot + R)
  let boxes = 0;
  let i = 0;
  try {
    for (; i < n; i++) {
      let h = high[i];
      let l = low[i];
      const c = close[i];
      if (!(h - h === 0)) h = c; // NaN or ±Infinity → use the close
      if (!(l - l === 0)) l = c;
      if (h < l) {
        const t = h;
        h = l;
        l = t;
      }
      if (!(h - h === 0) || !(l - l === 0) || (positiveOnly && !(l > 0))) continue;
      validDays++;
      const cl = c - c === 0 ? c : (h + l) / 2;
      lastValue = cl;

      if (cur === null) {
        if (!anchored) {
          anchored = true;
          up0 = scale.floorIndex(h);
          dn0 = scale.ceilIndex(l);
          prevClose = cl;
          continue;
        }
        let goUp = h >= scale.upAt(up0 + 1);
        const goDown = l <= scale.downAt(dn0 - 1);
        if (goUp && goDown) goUp = cl >= prevClose; // both ways on one day: close vs previous close, tie → X
        if (goUp) {
          cur = newColumn(true, up0, climb(scale, h, up0 + 1), i);
          columns.push(cur);
          thrExt = scale.upAt(cur.hi + 1);
          thrRev = scale.downAt(cur.hi - R);
        } else if (goDown) {
          cur = newColumn(false, descend(scale, l, dn0 - 1), dn0, i);
          columns.push(cur);
          downDays = cur.boxDays;
          cur.boxDays = [];
          thrExt = scale.downAt(cur.lo - 1);
          thrRev = scale.upAt(cur.lo + R);
        }
        prevClose = cl;
        continue;
      }
      const col: RawColumn = cur;
      if (col.up) {
        if (h >= thrExt) {
          const top = climb(scale, h, col.hi + 1);
          boxes += top - col.hi;
          for (let k = col.hi + 1; k <= top; k++) col.boxDays.push(i);
          col.hi = top;
          col.endDay = i;
          thrExt = scale.upAt(top + 1);
          thrRev = scale.downAt(top - R);
        } else if (l <= thrRev) {
          cur = newColumn(false, descend(scale, l, col.hi - R), col.hi - 1, i);
          columns.push(cur);
          downDays = cur.boxDays;
          cur.boxDays = [];
          thrExt = scale.downAt(cur.lo - 1);
          thrRev = scale.upAt(cur.lo + R);
        }
      } else {
        if (l <= thrExt) {
          const bot = descend(scale, l, col.lo - 1);
          boxes += col.lo - bot;
          for (let k = col.lo - 1; k >= bot; k--) downDays.push(i);
          col.lo = bot;
          col.endDay = i;
          thrExt = scale.downAt(bot - 1);
          thrRev = scale.upAt(bot + R);
        } else if (h >= thrRev) {
          col.boxDays = downDays.reverse();
          cur = newColumn(true, col.lo + 1, climb(scale, h, col.lo + R), i);
          columns.push(cur);
          thrExt = scale.upAt(cur.hi + 1);
          thrRev = scale.downAt(cur.hi - R);
        }
      }
      prevClose = cl;
      if (cur !== null && cur.endDay === i) {
        // boxes filled today (a new column counts whole)
        boxes += cur.startDay === i ? cur.hi - cur.lo + 1 : 0;
        if (boxes > MAX_CHART_BOXES) throw new PnfBoxLimitError(MAX_CHART_BOXES, 'chart');
      }
    }
  } catch (e) {
    if (e instanceof PnfBoxLimitError) e.day = i;
    throw e;
  }
  const last = cur as RawColumn | null;
  if (last && !last.up) last.boxDays = downDays.reverse();
  return { columns, validDays, lastValue };
}

/** A column whose boxes all print on `day`. */
function newColumn(up: boolean, lo: number, hi: number, day: number): RawColumn {
  const boxDays: number[] = [];
  for (let k = lo; k <= hi; k++) boxDays.push(day);
  return { up, lo, hi, startDay: day, endDay: day, boxDays };
}
