/**
 * The full Point & Figure chart: boxes → columns → signals → trend → patterns → dated, levelled output.
 *
 *   input (dates, close[, high, low])
 *     │ boxScale            §1.2  ladder of levels, integer indexes
 *     │ buildColumns        §1.4–1.5  one action per day, per-box fill days
 *     │ rawSignals          §2.1–2.2  buy/sell, consecutive count
 *     │ rawTrend            §2.4  BSL/BRL, flips
 *     │ labelPatterns       §2.3  labels, traps, poles, …
 *     ▼ assembleChart       levels, dates, daily arrays, current state
 */
import { boxScale, checkReversal, PnfBoxLimitError, type BoxScale } from './boxes.js';
import { buildColumns, type DailyBars, type RawChart } from './columns.js';
import { labelPatterns } from './patterns.js';
import { rawSignals } from './signals.js';
import { rawTrend } from './trend.js';
import type { IsoDate, PnfChart, PnfColumn, PnfInput, PnfOptions, PnfSignal } from './types.js';

/**
 * Builds a Point & Figure chart from daily data.
 * @example pointAndFigure({ dates, close: [5, 1, 6, 3, 7] }, { scale: { fixed: 1 } }).signals[0].pattern //=> 'double top'
 */
export function pointAndFigure(input: PnfInput, options: PnfOptions): PnfChart {
  const opts = resolveOptions(input, options);
  const scale = boxScale(opts.scale);
  const n = checkLengths(input);
  const bars: DailyBars =
    opts.method === 'highlow'
      ? { high: input.high as ArrayLike<number>, low: input.low as ArrayLike<number>, close: input.close, length: n }
      : { high: input.close, low: input.close, close: input.close, length: n };
  const raw = datedBoxLimit(() => buildColumns(bars, scale, opts.reversal), input.dates);
  return assembleChart(raw, input.dates, scale, opts, (k) => scale.level(k));
}

/** Runs `build`; a `PnfBoxLimitError` it throws gets the date of its day. */
export function datedBoxLimit<T>(build: () => T, dates: readonly IsoDate[]): T {
  try {
    return build();
  } catch (e) {
    if (e instanceof PnfBoxLimitError && e.day !== undefined) e.date = dates[e.day];
    throw e;
  }
}

/** Fills the defaults and validates the caller's options. */
export function resolveOptions(input: Pick<PnfInput, 'high' | 'low'>, options: PnfOptions): Required<PnfOptions> {
  if (options === null || typeof options !== 'object') throw new TypeError(`P&F options must be an object, got ${String(options)}`);
  const reversal = checkReversal(options.reversal);
  const hasHL = input.high != null && input.low != null;
  const method = options.method ?? (hasHL ? 'highlow' : 'close');
  if (method !== 'highlow' && method !== 'close') throw new TypeError(`unknown P&F method: ${JSON.stringify(method)}`);
  if (method === 'highlow' && !hasHL) throw new TypeError(`P&F method 'highlow' needs high and low arrays`);
  boxScale(options.scale); // validates
  return { scale: options.scale, reversal, method, requireSignalForTrendFlip: options.requireSignalForTrendFlip ?? false };
}

function checkLengths(input: PnfInput): number {
  const n = input.dates.length;
  const check = (name: string, a: ArrayLike<number> | undefined): void => {
    if (a != null && a.length !== n) {
      throw new RangeError(`P&F input arrays differ in length: dates has ${n} values, ${name} has ${a.length}`);
    }
  };
  check('close', input.close);
  check('high', input.high);
  check('low', input.low);
  return n;
}

/**
 * Turns an index-space chart into the public object. `shown(k)` is the printed level of index k
 * (ratio × 100 on RS charts).
 */
export function assembleChart(
  raw: RawChart,
  dates: IsoDate[],
  scale: BoxScale,
  options: Required<PnfOptions>,
  shown: (k: number) => number,
): PnfChart {
  const n = dates.length;
  const rc = raw.columns;
  const sigs = rawSignals(rc);
  const trend = rawTrend(rc, sigs, options.requireSignalForTrendFlip);
  const { labels, events } = labelPatterns(rc, sigs, trend.afterColumn, options.reversal);

  const columns: PnfColumn[] = rc.map((c) => ({
    type: c.up ? 'X' : 'O',
    low: shown(c.lo),
    high: shown(c.hi),
    lowIndex: c.lo,
    highIndex: c.hi,
    start: dates[c.startDay],
    end: dates[c.endDay],
    boxDates: c.boxDays.map((d) => dates[d]),
  }));
  const signals: PnfSignal[] = sigs.map((s, i) => ({
    type: s.buy ? 'buy' : 'sell',
    date: dates[s.day],
    level: shown(s.box),
    resistanceLevel: shown(s.resistance),
    column: s.column,
    pattern: labels[i].pattern,
    patternLevel: shown(labels[i].box),
    patternDate: dates[labels[i].day],
    tags: labels[i].tags,
    consecutive: s.consecutive,
  }));

  // daily arrays: step functions over day indexes
  const daily = { column: new Int8Array(n), signal: new Int8Array(n), trend: new Int8Array(n) };
  fillSteps(daily.column, rc.map((c) => [c.startDay, c.up ? 1 : -1]));
  fillSteps(daily.signal, sigs.map((s) => [s.day, s.buy ? 1 : -1]));
  const trendSteps: [number, number][] = trend.seedDay >= 0 ? [[trend.seedDay, trend.seedState]] : [];
  for (const f of trend.flips) trendSteps.push([f.day, f.to]);
  fillSteps(daily.trend, trendSteps);

  const lastCol = rc[rc.length - 1];
  const lastSig = signals[signals.length - 1];
  const lastFlip = trend.flips[trend.flips.length - 1];
  let maxTop = -Infinity;
  for (const c of rc) if (c.hi > maxTop) maxTop = c.hi;
  const state = trend.line ? (trend.line.bsl ? 'positive' : 'negative') : null;

  return {
    options,
    boxLabel: scale.label(raw.lastValue),
    boxLabelOver: (low, high) => scale.labelOver(scale.level(low), scale.level(high)),
    level: shown,
    columns,
    signals,
    events: events.map((e) => ({ name: e.name, bias: e.bias, column: e.column, date: dates[e.day], level: shown(e.box) })),
    trend: {
      state,
      since: lastFlip ? dates[lastFlip.day] : trend.seedDay >= 0 ? dates[trend.seedDay] : null,
      line: trend.line ? { type: trend.line.bsl ? 'BSL' : 'BRL', anchorColumn: trend.line.anchor, anchorIndex: trend.line.k } : null,
      flips: trend.flips.map((f) => ({ date: dates[f.day], to: f.to === 1 ? 'positive' : 'negative', column: f.column })),
    },
    current: {
      column: lastCol ? (lastCol.up ? 'X' : 'O') : null,
      signal: lastSig ? lastSig.type : null,
      consecutiveSignals: lastSig ? lastSig.consecutive : 0,
      lastPattern: lastSig ? lastSig.pattern : null,
      breakoutLevel: lastSig ? lastSig.level : null,
      atAllTimeHigh: lastCol ? lastCol.up && lastCol.hi >= maxTop : false,
      lastSignalDate: lastSig ? lastSig.date : null,
    },
    daily,
  };
}

/** Writes value v from day d until the next step (steps sorted by day). */
function fillSteps(out: Int8Array, steps: [number, number][]): void {
  for (let i = 0; i < steps.length; i++) {
    const end = i + 1 < steps.length ? steps[i + 1][0] : out.length;
    out.fill(steps[i][1], steps[i][0], end);
  }
}
