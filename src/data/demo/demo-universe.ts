/**
 * The synthetic S&P 600-like universe: each member's log price is `beta × (small-cap factor move)` plus its own
 * mean-reverting noise whose target level jumps now and then (regime changes), rescaled so the member trades
 * between about $5 and $300. Some members list after the first day (`NaN` before).
 */
import type { IsoDate } from '../types.js';
import { roundTo } from './ohlc-bars.js';
import { type Rng, rng, seedOf } from './random.js';

/** Price band the members are scaled into, so every band of the traditional P&F scale is used. */
const MIN_PRICE = 5;
const MAX_PRICE = 300;

export interface DemoUniverse {
  members: string[];
  closes: Float64Array[];
}

/** `count` distinct made-up tickers of 3–4 letters, sorted. */
function tickers(count: number, r: Rng): string[] {
  const seen = new Set<string>();
  while (seen.size < count) {
    const len = r.uniform() < 0.45 ? 3 : 4;
    let t = '';
    for (let k = 0; k < len; k++) t += String.fromCharCode(65 + r.int(0, 25));
    seen.add(t);
  }
  return [...seen].sort();
}

/**
 * Closes of `count` members on `dates`, driven by `factor` (the small-cap factor's log level on the same dates).
 */
export function demoUniverse(dates: IsoDate[], factor: Float64Array, count: number): DemoUniverse {
  const n = dates.length;
  const members = tickers(count, rng(seedOf('demo:universe:tickers')));
  const closes = members.map((_, k) => memberCloses(n, factor, rng(seedOf(`demo:universe:member:${k}`))));
  return { members, closes };
}

function memberCloses(n: number, factor: Float64Array, r: Rng): Float64Array {
  const beta = 0.7 + 0.6 * r.uniform();
  const sigma = 0.013 + 0.014 * r.uniform();
  const revert = 1 / (60 + 120 * r.uniform());
  const start = r.uniform() < 0.12 ? r.int(250, n - 500) : 0;
  let target = 0.25 * r.normal();
  let x = 0;
  const raw = new Float64Array(n).fill(NaN);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = start; i < n; i++) {
    if (r.uniform() < 1 / 200) target = 0.5 * r.normal();
    x += revert * (target - x) + sigma * r.normal();
    const v = beta * (factor[i] - factor[start]) + x;
    raw[i] = v;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  // Place the path inside [MIN_PRICE, MAX_PRICE] at a random height (log-uniform over the room left).
  const low = Math.log(MIN_PRICE) - lo;
  const high = Math.log(MAX_PRICE) - hi;
  const shift = high > low ? low + (high - low) * r.uniform() : low;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = i < start ? NaN : roundTo(Math.exp(raw[i] + shift), 2);
  return out;
}
