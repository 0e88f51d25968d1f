/**
 * Relative-strength P&F chart (methodology §3): the daily ratio close(a) / close(b) on the dates both series
 * have, on a percentage grid anchored at 1.0 (so the chart of b/a mirrors the chart of a/b), close method,
 * 3-box reversal by default. Levels are shown ×100, as DWA prints them.
 */
import { boxScale, checkReversal, round12 } from './boxes.js';
import { buildColumns } from './columns.js';
import { assembleChart, datedBoxLimit } from './point-and-figure.js';
import type { IsoDate, PnfOptions, RelativeStrengthChart, RelativeStrengthOptions } from './types.js';

/**
 * RS chart of `a` against `b`.
 * @example relativeStrength(iwm, rsp, { percent: 3.25, asOf: '2025-12-12' }).current.column //=> 'X'
 */
export function relativeStrength(
  a: { dates: IsoDate[]; close: ArrayLike<number> },
  b: { dates: IsoDate[]; close: ArrayLike<number> },
  options: RelativeStrengthOptions,
): RelativeStrengthChart {
  const reversal = checkReversal(options.reversal);
  const scaleSpec = { percent: options.percent };
  const scale = boxScale(scaleSpec);
  for (const [name, s] of [['a', a], ['b', b]] as const) {
    if (s.dates.length !== s.close.length) {
      throw new RangeError(`RS input ${name}: dates has ${s.dates.length} values, close has ${s.close.length}`);
    }
  }
  const asOf = options.asOf;
  const bIndex = new Map<IsoDate, number>();
  for (let i = 0; i < b.dates.length; i++) bIndex.set(b.dates[i], i);
  const dates: IsoDate[] = [];
  const ratio: number[] = [];
  for (let i = 0; i < a.dates.length; i++) {
    const d = a.dates[i];
    if (asOf !== undefined && d > asOf) continue;
    const j = bIndex.get(d);
    if (j === undefined) continue;
    const x = a.close[i];
    const y = b.close[j];
    if (!(x > 0) || !(y > 0) || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    dates.push(d);
    ratio.push(x / y);
  }
  const order = dates.map((_, i) => i).sort((p, q) => (dates[p] < dates[q] ? -1 : dates[p] > dates[q] ? 1 : 0));
  const sortedDates = order.map((i) => dates[i]);
  const values = Float64Array.from(order, (i) => ratio[i]);
  const chartOptions: Required<PnfOptions> = { scale: scaleSpec, reversal, method: 'close', requireSignalForTrendFlip: false };
  const raw = datedBoxLimit(() => buildColumns({ high: values, low: values, close: values, length: values.length }, scale, reversal), sortedDates);
  const chart = assembleChart(raw, sortedDates, scale, chartOptions, (k) => round12(scale.level(k) * 100));
  const last = chart.columns[chart.columns.length - 1];
  return Object.assign(chart, { lastColumnChange: last ? last.start : null, dates: sortedDates });
}
