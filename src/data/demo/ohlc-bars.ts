import type { Rng } from './random.js';

/** Daily bars as parallel arrays; `volume` only for series that have it. */
export interface Bars {
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume?: Float64Array;
}

/**
 * `x` rounded to `decimals` places, as the double that the written decimal text parses back to.
 * @example roundTo(2.34567, 2) //=> 2.35
 */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/**
 * Open/high/low around a close path: the open gaps a little from the previous close, the high and low reach
 * beyond the open-close body by a random fraction of the day's volatility. `additive` for yields (sigma in
 * yield units), else multiplicative (sigma as a log-return). All four are rounded to `decimals`, and the high
 * and low are then widened if rounding put them inside the body.
 */
export function ohlcBars(close: Float64Array, sigma: Float64Array, r: Rng, decimals: number, additive = false): Bars {
  const n = close.length;
  const open = new Float64Array(n);
  const high = new Float64Array(n);
  const low = new Float64Array(n);
  const c = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const prev = i === 0 ? close[0] : close[i - 1];
    const s = sigma[i];
    const z1 = r.normal();
    const up = Math.abs(r.normal()) * 0.55 + 0.05;
    const dn = Math.abs(r.normal()) * 0.55 + 0.05;
    let o: number, h: number, l: number;
    if (additive) {
      o = prev + 0.3 * s * z1;
      h = Math.max(o, close[i]) + up * s;
      l = Math.min(o, close[i]) - dn * s;
    } else {
      o = prev * Math.exp(0.3 * s * z1);
      h = Math.max(o, close[i]) * Math.exp(up * s);
      l = Math.min(o, close[i]) * Math.exp(-dn * s);
    }
    c[i] = roundTo(close[i], decimals);
    open[i] = roundTo(o, decimals);
    high[i] = Math.max(roundTo(h, decimals), open[i], c[i]);
    low[i] = Math.min(roundTo(l, decimals), open[i], c[i]);
  }
  return { open, high, low, close: c };
}

/**
 * Bars of a fund that tracks an index at `ratio` (e.g. 0.1 for "index / 10") with a small, slowly mean-reverting
 * tracking difference of about `noise` (as a log-ratio); the index's intraday shape is kept.
 */
export function trackingBars(index: Bars, ratio: number, noise: number, r: Rng, decimals: number): Bars {
  const n = index.close.length;
  const out: Bars = { open: new Float64Array(n), high: new Float64Array(n), low: new Float64Array(n), close: new Float64Array(n) };
  let te = 0;
  for (let i = 0; i < n; i++) {
    te = 0.9 * te + noise * Math.sqrt(1 - 0.81) * r.normal();
    const k = ratio * Math.exp(te);
    const o = roundTo(index.open[i] * k, decimals);
    const c = roundTo(index.close[i] * k, decimals);
    out.open[i] = o;
    out.close[i] = c;
    out.high[i] = Math.max(roundTo(index.high[i] * k, decimals), o, c);
    out.low[i] = Math.min(roundTo(index.low[i] * k, decimals), o, c);
  }
  return out;
}
