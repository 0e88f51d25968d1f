/**
 * Column construction (methodology §1.4 daily update, §1.5 first column): the only per-day loop of the full chart.
 * Works on ladder indexes; records for every box the index of the day it was first filled.
 */
import type { BoxScale } from './boxes.js';

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
 * Builds the columns of a chart (§1.4–§1.5).
 * @example buildColumns(bars([5, 1, 6, 3, 7]), boxScale({ fixed: 1 }), 3).columns.map(c => [c.up, c.lo, c.hi])
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
  let cur: RawColumn | null = null;
  let downDays: number[] = []; // O column box days, top → bottom, reversed when the column closes
  let thrExt = 0; // X: upAt(top + 1) / O: downAt(bot − 1)
  let thrRev = 0; // X: downAt(top − R) / O: upAt(bot + R)

  const openX = (lo: number, hi: number, day: number): void => {
    if (cur && !cur.up) cur.boxDays = downDays.reverse();
    const boxDays = new Array<number>(hi - lo + 1).fill(day);
    cur = { up: true, lo, hi, startDay: day, endDay: day, boxDays };
    columns.push(cur);
    thrExt = scale.upAt(hi + 1);
    thrRev = scale.downAt(hi - R);
  };
  const openO = (lo: number, hi: number, day: number): void => {
    if (cur && !cur.up) cur.boxDays = downDays.reverse();
    downDays = new Array<number>(hi - lo + 1).fill(day);
    cur = { up: false, lo, hi, startDay: day, endDay: day, boxDays: [] };
    columns.push(cur);
    thrExt = scale.downAt(lo - 1);
    thrRev = scale.upAt(lo + R);
  };

  for (let i = 0; i < n; i++) {
    let h = high[i];
    let l = low[i];
    const c = close[i];
    if (!Number.isFinite(h)) h = c;
    if (!Number.isFinite(l)) l = c;
    if (h < l) [h, l] = [l, h];
    if (!Number.isFinite(h) || !Number.isFinite(l) || (positiveOnly && !(l > 0))) continue;
    validDays++;
    const cl = Number.isFinite(c) ? c : (h + l) / 2;
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
      if (goUp) openX(up0, Math.max(up0 + 1, scale.floorIndex(h)), i);
      else if (goDown) openO(Math.min(dn0 - 1, scale.ceilIndex(l)), dn0, i);
      prevClose = cl;
      continue;
    }
    const col: RawColumn = cur;
    if (col.up) {
      if (h >= thrExt) {
        const top = Math.max(col.hi + 1, scale.floorIndex(h));
        for (let k = col.hi + 1; k <= top; k++) col.boxDays.push(i);
        col.hi = top;
        col.endDay = i;
        thrExt = scale.upAt(top + 1);
        thrRev = scale.downAt(top - R);
      } else if (l <= thrRev) {
        openO(Math.min(col.hi - R, scale.ceilIndex(l)), col.hi - 1, i);
      }
    } else {
      if (l <= thrExt) {
        const bot = Math.min(col.lo - 1, scale.ceilIndex(l));
        for (let k = col.lo - 1; k >= bot; k--) downDays.push(i);
        col.lo = bot;
        col.endDay = i;
        thrExt = scale.downAt(bot - 1);
        thrRev = scale.upAt(bot + R);
      } else if (h >= thrRev) {
        openX(col.lo + 1, Math.max(col.lo + R, scale.floorIndex(h)), i);
      }
    }
    prevClose = cl;
  }
  const last = cur as RawColumn | null;
  if (last && !last.up) last.boxDays = downDays.reverse();
  return { columns, validDays, lastValue };
}
