/**
 * Relative-strength P&F chart (methodology §3): the daily ratio close(a) / close(b) on the dates both series
 * have, on a percentage grid anchored at 1.0 (so the chart of b/a mirrors the chart of a/b), close method,
 * 3-box reversal by default. Levels are shown ×100, as DWA prints them.
 *
 * The aligned ratio series of a pair is computed once per pair of input arrays (over all their dates) and an
 * as-of date reads its prefix; the chart is remembered per (pair, box, reversal, last row), so the sections and
 * notes of a run that ask for the same chart share one (see ../memo.ts). Results are read-only.
 */
import { objectMemo } from '../memo.js';
import { datesAscending } from '../calendar.js';
import { boxScale, checkReversal, round12 } from './boxes.js';
import { buildColumns } from './columns.js';
import { assembleChart, datedBoxLimit } from './point-and-figure.js';
import type { IsoDate, PnfOptions, RelativeStrengthChart, RelativeStrengthOptions } from './types.js';

interface Series {
  dates: IsoDate[];
  close: ArrayLike<number>;
}

/** close(a) / close(b) on the dates both have (usable prices only), in date order. */
interface RatioSeries {
  dates: IsoDate[];
  values: Float64Array;
}

/** Charts kept per pair of series (a batch moves forward a date at a time: a few rows are enough). */
const CHARTS_PER_PAIR = 8;
const ratios = objectMemo<RatioSeries>(1);
const charts = objectMemo<RelativeStrengthChart>(CHARTS_PER_PAIR);

const usable = (x: number, y: number): boolean => x > 0 && y > 0 && Number.isFinite(x) && Number.isFinite(y);

/** The aligned ratio over every date of `a` (a date of `b` repeated: its last row counts). */
function ratioSeries(a: Series, b: Series): RatioSeries {
  if (datesAscending(a.dates) && datesAscending(b.dates)) {
    // both in date order without repeats (what the loaders give): one merge pass, already sorted
    const dates: IsoDate[] = [];
    const values = new Float64Array(Math.min(a.dates.length, b.dates.length));
    let j = 0;
    for (let i = 0; i < a.dates.length; i++) {
      const d = a.dates[i];
      while (j < b.dates.length && b.dates[j] < d) j++;
      if (j === b.dates.length) break;
      if (b.dates[j] !== d) continue;
      const x = a.close[i];
      const y = b.close[j];
      if (usable(x, y)) values[dates.push(d) - 1] = x / y;
    }
    return { dates, values: values.slice(0, dates.length) };
  }
  const bIndex = new Map<IsoDate, number>();
  for (let i = 0; i < b.dates.length; i++) bIndex.set(b.dates[i], i);
  const dates: IsoDate[] = [];
  const ratio: number[] = [];
  for (let i = 0; i < a.dates.length; i++) {
    const d = a.dates[i];
    const j = bIndex.get(d);
    if (j === undefined) continue;
    const x = a.close[i];
    const y = b.close[j];
    if (!usable(x, y)) continue;
    dates.push(d);
    ratio.push(x / y);
  }
  let sorted = true;
  for (let i = 1; i < dates.length && sorted; i++) sorted = dates[i - 1] <= dates[i];
  if (sorted) return { dates, values: Float64Array.from(ratio) };
  const order = dates.map((_, i) => i).sort((p, q) => (dates[p] < dates[q] ? -1 : dates[p] > dates[q] ? 1 : 0));
  return { dates: order.map((i) => dates[i]), values: Float64Array.from(order, (i) => ratio[i]) };
}

/** Number of leading dates ≤ asOf in an ascending list. */
function countUpTo(dates: IsoDate[], asOf: IsoDate | undefined): number {
  if (asOf === undefined) return dates.length;
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid] <= asOf) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * RS chart of `a` against `b`.
 * @example relativeStrength(iwm, rsp, { percent: 3.25, asOf: '2025-12-12' }).current.column //=> 'X'
 */
export function relativeStrength(a: Series, b: Series, options: RelativeStrengthOptions): RelativeStrengthChart {
  const reversal = checkReversal(options.reversal);
  const scaleSpec = { percent: options.percent };
  const scale = boxScale(scaleSpec);
  for (const [name, s] of [['a', a], ['b', b]] as const) {
    if (s.dates.length !== s.close.length) {
      throw new RangeError(`RS input ${name}: dates has ${s.dates.length} values, close has ${s.close.length}`);
    }
  }
  const pair = [a.dates, a.close as object, b.dates, b.close as object];
  const full = ratios.get(pair, '', () => ratioSeries(a, b));
  const end = countUpTo(full.dates, options.asOf);
  return charts.get(pair, `${options.percent}|${reversal}|${end}`, () => {
    const dates = full.dates.slice(0, end);
    const values = full.values.subarray(0, end);
    const chartOptions: Required<PnfOptions> = { scale: scaleSpec, reversal, method: 'close', requireSignalForTrendFlip: false };
    const raw = datedBoxLimit(() => buildColumns({ high: values, low: values, close: values, length: values.length }, scale, reversal), dates);
    const chart = assembleChart(raw, dates, scale, chartOptions, (k) => round12(scale.level(k) * 100));
    const last = chart.columns[chart.columns.length - 1];
    return Object.assign(chart, { lastColumnChange: last ? last.start : null, dates });
  });
}
