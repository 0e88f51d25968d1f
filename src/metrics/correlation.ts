import type { IsoDate } from '../data/types.js';
import { fail } from '../errors/market-note-error.js';
import {
  assertIsoDate,
  datesAscending,
  daysBetween,
  isValidClose,
  lastIndexOnOrBefore,
  maxStaleDaysOf,
  type CloseSeries,
  type PointInTimeOptions,
} from './calendar.js';
import { objectMemo } from './memo.js';
import { measured, unmeasured, type Measured } from './result.js';

/**
 * Rolling Pearson correlation between daily % changes of an equity series and daily bp changes of a yield
 * (methodology §10). The two series are inner-joined on the dates where both have a close (equity close > 0),
 * changes are taken between consecutive common dates, and only rows on or before T are read.
 */

/** The rolling series: `values[k]` is the correlation of the `window` changes ending on `dates[k]`. */
export interface RollingCorrelation {
  /** Date of each daily change (the later of the two common dates), oldest first. */
  dates: IsoDate[];
  /** Correlation per change date; NaN before `window` changes exist or when a side has zero variance. */
  values: Float64Array;
  /** First row used by the window ending on `dates[k]` (the base date of its first change); null before a full window. */
  windowStart: (IsoDate | null)[];
}

interface JoinedChanges {
  /** Common dates c[0..m]. */
  common: IsoDate[];
  /** x[k] = equity % change and y[k] = yield bp change from common[k] to common[k+1]. */
  x: Float64Array;
  y: Float64Array;
}

function checkWindow(name: string, n: number, min: number): void {
  if (!Number.isInteger(n) || n < min) fail('CONFIG', `${name} must be a whole number >= ${min}, got ${n}`);
}

function joinChanges(equity: CloseSeries, yieldSeries: CloseSeries, asOf: IsoDate): JoinedChanges {
  const ie = lastIndexOnOrBefore(equity.dates, asOf);
  const iy = lastIndexOnOrBefore(yieldSeries.dates, asOf);
  const cap = Math.max(0, Math.min(ie, iy) + 1);
  const common: IsoDate[] = [];
  const x = new Float64Array(cap);
  const y = new Float64Array(cap);
  let i = 0;
  let j = 0;
  let m = 0;
  let prevE = NaN;
  let prevY = NaN;
  while (i <= ie && j <= iy) {
    const di = equity.dates[i];
    const dj = yieldSeries.dates[j];
    if (di < dj) i++;
    else if (di > dj) j++;
    else {
      const e = equity.close[i];
      const v = yieldSeries.close[j];
      if (isValidClose(e) && e > 0 && isValidClose(v)) {
        if (common.length > 0) {
          x[m] = (e / prevE - 1) * 100;
          y[m] = (v - prevY) * 100;
          m++;
        }
        common.push(di);
        prevE = e;
        prevY = v;
      }
      i++;
      j++;
    }
  }
  return { common, x: x.subarray(0, m), y: y.subarray(0, m) };
}

/** A date after every ISO date: the as-of date that reads all rows. */
const ALL_ROWS = '\uffff';

/** The join of a pair over all rows and its rolling values per window; `sorted` false: not usable as prefixes. */
interface FullJoin extends JoinedChanges {
  sorted: boolean;
  rolling: Map<number, Float64Array>;
}
const joins = objectMemo<FullJoin>(1);

/**
 * `joinChanges(equity, yieldSeries, asOf)` and its rolling values, as `common` plus the count `c` of its dates
 * that are ≤ asOf (x, y and values are read below index c − 1 only). The join and the rolling values are computed
 * once per pair over all rows and shared by every as-of date: joinChanges walks both series in date order and a
 * rolling value depends only on the changes up to it (its sums are recomputed at fixed positions from the first
 * change), so the prefix for asOf is exactly what a computation on rows ≤ asOf gives.
 */
function joinedUpTo(equity: CloseSeries, yieldSeries: CloseSeries, asOf: IsoDate, window: number): JoinedChanges & { c: number; values: Float64Array } {
  const full = joins.get([equity.dates, equity.close as object, yieldSeries.dates, yieldSeries.close as object], '', () => {
    const sorted = datesAscending(equity.dates) && datesAscending(yieldSeries.dates);
    return { ...(sorted ? joinChanges(equity, yieldSeries, ALL_ROWS) : { common: [], x: new Float64Array(0), y: new Float64Array(0) }), sorted, rolling: new Map() };
  });
  if (!full.sorted) {
    const j = joinChanges(equity, yieldSeries, asOf);
    return { ...j, c: j.common.length, values: rollingValues(j.x, j.y, window) };
  }
  let values = full.rolling.get(window);
  if (!values) full.rolling.set(window, (values = rollingValues(full.x, full.y, window)));
  const c = lastIndexOnOrBefore(full.common, asOf) + 1;
  return { common: full.common, x: full.x, y: full.y, c, values };
}

/** Relative variance below which a window counts as constant (float residue of running sums). */
const FLAT = 1e-10;

function rollingValues(x: Float64Array, y: Float64Array, window: number): Float64Array {
  const m = x.length;
  const out = new Float64Array(m).fill(NaN);
  let sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  let runX = 0, runY = 0; // length of the trailing run of identical values: exact zero-variance test
  for (let k = 0; k < m; k++) {
    const a = x[k];
    const b = y[k];
    runX = k > 0 && a === x[k - 1] ? runX + 1 : 1;
    runY = k > 0 && b === y[k - 1] ? runY + 1 : 1;
    if ((k + 1) % window === 0) {
      // Recompute the sums exactly once per window length: O(n) overall, and no drift from add/remove.
      sx = sy = sxx = syy = sxy = 0;
      for (let t = k - window + 1; t <= k; t++) {
        sx += x[t]; sy += y[t]; sxx += x[t] * x[t]; syy += y[t] * y[t]; sxy += x[t] * y[t];
      }
    } else {
      sx += a; sy += b; sxx += a * a; syy += b * b; sxy += a * b;
      if (k >= window) {
        const c = x[k - window];
        const d = y[k - window];
        sx -= c; sy -= d; sxx -= c * c; syy -= d * d; sxy -= c * d;
      }
    }
    if (k + 1 < window || runX >= window || runY >= window) continue;
    const vx = sxx - (sx * sx) / window;
    const vy = syy - (sy * sy) / window;
    if (!(vx > FLAT * sxx) || !(vy > FLAT * syy)) continue;
    const r = (sxy - (sx * sy) / window) / Math.sqrt(vx * vy);
    out[k] = Math.max(-1, Math.min(1, r));
  }
  return out;
}

/**
 * Rolling `window`-day Pearson correlation of equity % changes vs yield bp changes, over the common dates
 * on or before T. O(n): running sums, recomputed exactly once per `window` steps.
 * @example rollingCorrelation(spx, tnx, '2025-12-12').values.at(-1) //=> the 126-day correlation at T
 */
export function rollingCorrelation(
  equity: CloseSeries,
  yieldSeries: CloseSeries,
  asOf: IsoDate,
  window = 126,
): RollingCorrelation {
  assertIsoDate('asOf', asOf);
  checkWindow('correlation window', window, 2);
  const { common, c, values: all } = joinedUpTo(equity, yieldSeries, asOf, window);
  const dates = common.slice(1, c);
  const values = all.slice(0, dates.length);
  const windowStart = dates.map((_, k) => (k + 1 >= window ? common[k + 1 - window] : null));
  return { dates, values, windowStart };
}

/** The correlation at T and its mean over the last `meanDays` rolling values. */
export interface CorrelationSummary {
  latest: Measured<number>;
  mean252: Measured<number>;
}

/**
 * Correlation at T (`latest`, the rolling value on the last common date) and the mean of the last `meanDays`
 * rolling values (`mean252`). `from`/`to` are the first and last rows those values read. Null with a reason
 * when the window is longer than the data, the window has zero variance, or the last common date is more than
 * `maxStaleDays` before T.
 * @example correlationSummary(spx, tnx, '2025-12-12') // Yahoo ^GSPC vs ^TNX
 * //=> { latest: { value: 0.0525, from: '2025-06-13', to: '2025-12-12' }, mean252: { value: 0.1351, from: '2024-06-12', to: '2025-12-12' } }
 */
export function correlationSummary(
  equity: CloseSeries,
  yieldSeries: CloseSeries,
  asOf: IsoDate,
  window = 126,
  meanDays = 252,
  options?: PointInTimeOptions,
): CorrelationSummary {
  assertIsoDate('asOf', asOf);
  checkWindow('correlation window', window, 2);
  checkWindow('correlation mean length', meanDays, 1);
  const maxStale = maxStaleDaysOf(options);
  const { common, c, values } = joinedUpTo(equity, yieldSeries, asOf, window);
  const m = Math.max(0, c - 1); // changes on or before asOf
  if (m < window) {
    const reason = `window of ${window} daily changes is longer than the ${m} available on common dates on or before ${asOf}`;
    return { latest: unmeasured(reason), mean252: unmeasured(reason) };
  }
  const last = common[m];
  const gap = daysBetween(last, asOf);
  if (gap > maxStale) {
    const reason = `last common date of equity and yield is ${last}, ${gap} days before ${asOf} (limit ${maxStale})`;
    return { latest: unmeasured(reason, null, last), mean252: unmeasured(reason, null, last) };
  }
  const v = values[m - 1];
  const latestFrom = common[m - window];
  const latest = Number.isNaN(v)
    ? unmeasured<number>(`zero variance in the ${window}-day window ending ${last}`, latestFrom, last)
    : measured(v, latestFrom, last);

  const available = m - window + 1;
  let mean252: Measured<number>;
  if (available < meanDays) {
    mean252 = unmeasured(
      `only ${available} rolling values on or before ${asOf}, the mean needs ${meanDays}`,
      common[0],
      last,
    );
  } else {
    let sum = 0;
    let missing = 0;
    for (let k = m - meanDays; k < m; k++) {
      if (Number.isNaN(values[k])) missing++;
      else sum += values[k];
    }
    const meanFrom = common[m - meanDays - window + 1];
    mean252 = missing > 0
      ? unmeasured(`${missing} of the last ${meanDays} rolling values are undefined (zero variance)`, meanFrom, last)
      : measured(sum / meanDays, meanFrom, last);
  }
  return { latest, mean252 };
}
