/**
 * Fast path for breadth (§4): the per-day buy/sell state of a close-only chart, without building columns.
 * Same rules as `pointAndFigure(..., { method: 'close' })` (§1.4, §1.5, §2.1); one pass, two comparisons on most
 * days, ladder arithmetic only when a box is added or a column reverses.
 */
import { boxScale, checkReversal, climb, descend, MAX_BOX_INDEX } from './boxes.js';
import type { PnfScale } from './types.js';

/**
 * Per-day signal state (+1 buy, −1 sell, 0 none yet) of a close-only chart. Days without a usable value (NaN,
 * ≤ 0 on traditional/percentage scales, or beyond 2^49 boxes) are skipped and carry the previous state. Nothing
 * is stored per box, so there is no column-height limit here.
 * @example Array.from(signalStates([5, 1, 6, 3, 7], { scale: { fixed: 1 } })) //=> [0, 0, 0, 0, 1]
 */
export function signalStates(close: ArrayLike<number>, options: { scale: PnfScale; reversal?: number }): Int8Array {
  const scale = boxScale(options.scale);
  const R = checkReversal(options.reversal);
  const positiveOnly = scale.positiveOnly;
  const n = close.length;
  const out = new Int8Array(n);
  // Values whose box index could not be stepped exactly (an absurd 1e300) are skipped like a missing value, and so
  // are NaN, ±Infinity and, on a positive-only scale, prices ≤ 0: a usable value lies strictly between these two.
  const highest = scale.level(MAX_BOX_INDEX / 2);
  const lowest = positiveOnly ? 0 : scale.level(-MAX_BOX_INDEX / 2);

  let phase = 0; // 0 no value yet, 1 anchored (day 0 seen), 2 X column, 3 O column
  let top = 0; // X: top index; O: unused
  let bot = 0; // O: bottom index
  let lastXTop = Infinity; // top of the last completed X column (none → never exceeded)
  let lastOBot = -Infinity; // bottom of the last completed O column
  let thrExt = 0;
  let thrRev = 0;
  let state = 0;

  for (let i = 0; i < n; i++) {
    const v = close[i];
    if (!(v > lowest && v < highest)) {
      out[i] = state; // NaN, ±Infinity, a non-positive price or one beyond the ladder: skip the day
      continue;
    }
    if (phase === 2) {
      if (v >= thrExt) {
        top = climb(scale, v, top + 1, Infinity);
        thrExt = scale.upAt(top + 1);
        thrRev = scale.downAt(top - R);
        if (top > lastXTop) state = 1;
      } else if (v <= thrRev) {
        lastXTop = top;
        bot = descend(scale, v, top - R, Infinity);
        phase = 3;
        thrExt = scale.downAt(bot - 1);
        thrRev = scale.upAt(bot + R);
        if (bot < lastOBot) state = -1;
      }
    } else if (phase === 3) {
      if (v <= thrExt) {
        bot = descend(scale, v, bot - 1, Infinity);
        thrExt = scale.downAt(bot - 1);
        thrRev = scale.upAt(bot + R);
        if (bot < lastOBot) state = -1;
      } else if (v >= thrRev) {
        lastOBot = bot;
        top = climb(scale, v, bot + R, Infinity);
        phase = 2;
        thrExt = scale.upAt(top + 1);
        thrRev = scale.downAt(top - R);
        if (top > lastXTop) state = 1;
      }
    } else {
      if (phase === 0) {
        top = scale.floorIndex(v); // up0
        bot = scale.ceilIndex(v); // dn0
        thrExt = scale.upAt(top + 1);
        thrRev = scale.downAt(bot - 1);
        phase = 1;
      } else if (v >= thrExt) {
        top = climb(scale, v, top + 1, Infinity);
        phase = 2;
        thrExt = scale.upAt(top + 1);
        thrRev = scale.downAt(top - R);
      } else if (v <= thrRev) {
        bot = descend(scale, v, bot - 1, Infinity);
        phase = 3;
        thrExt = scale.downAt(bot - 1);
        thrRev = scale.upAt(bot + R);
      }
    }
    out[i] = state;
  }
  return out;
}
