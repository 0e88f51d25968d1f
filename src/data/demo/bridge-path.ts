import type { IsoDate } from '../types.js';

/** A level the synthetic path must pass through on (the first trading day on or after) `date`. */
export interface Anchor {
  date: IsoDate;
  value: number;
}

/** A value that changes in steps: `value` applies from `from` until the next step. */
export interface Step {
  from: IsoDate;
  value: number;
}

/**
 * Index of the first date on or after `date` (dates sorted); `dates.length` when none.
 * @example indexOnOrAfter(['2025-01-02', '2025-01-03'], '2025-01-03') //=> 1
 */
export function indexOnOrAfter(dates: readonly IsoDate[], date: IsoDate): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid] < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The value of a step table on each date (before the first step: the first step's value).
 * @example stepValues(['2025-01-02', '2025-06-02'], [{ from: '2025-01-01', value: 1 }, { from: '2025-06-01', value: 2 }]) //=> Float64Array [1, 2]
 */
export function stepValues(dates: readonly IsoDate[], steps: readonly Step[]): Float64Array {
  const out = new Float64Array(dates.length);
  let s = 0;
  for (let i = 0; i < dates.length; i++) {
    while (s + 1 < steps.length && steps[s + 1].from <= dates[i]) s++;
    out[i] = steps[s].value;
  }
  return out;
}

/**
 * Linear interpolation of anchor values onto every date (flat outside the anchors).
 * @example anchorLine(['a', 'b', 'c'], [{ date: 'a', value: 0 }, { date: 'c', value: 2 }])[1] //=> 1
 */
export function anchorLine(dates: readonly IsoDate[], anchors: readonly Anchor[]): Float64Array {
  const out = new Float64Array(dates.length);
  const idx = anchors.map((a) => Math.min(indexOnOrAfter(dates, a.date), dates.length - 1));
  for (let i = 0; i < dates.length; i++) {
    if (i <= idx[0]) out[i] = anchors[0].value;
    else if (i >= idx[idx.length - 1]) out[i] = anchors[anchors.length - 1].value;
  }
  for (let k = 0; k + 1 < anchors.length; k++) {
    const a = idx[k];
    const b = idx[k + 1];
    for (let i = a; i <= b; i++) {
      out[i] = b === a ? anchors[k + 1].value : anchors[k].value + ((anchors[k + 1].value - anchors[k].value) * (i - a)) / (b - a);
    }
  }
  return out;
}

/**
 * A random path pinned to the anchors: between two anchors it is the straight line plus a Brownian bridge
 * built from `increments` (the walk of the increments minus its own straight line, so it ends where it began).
 * The first anchor must fall on `dates[0]`. `increments[i]` is the shock from day i−1 to day i. With `revert` > 0
 * the walk is pulled back toward zero by that fraction each day, which keeps long stretches near the line.
 * @example bridgePath(['a', 'b', 'c'], [{ date: 'a', value: 1 }, { date: 'c', value: 3 }], Float64Array.of(0, 5, 5)) //=> Float64Array [1, 2, 3]
 */
export function bridgePath(
  dates: readonly IsoDate[],
  anchors: readonly Anchor[],
  increments: Float64Array,
  revert = 0,
): Float64Array {
  const n = dates.length;
  const out = new Float64Array(n);
  const walk = new Float64Array(n);
  for (let i = 1; i < n; i++) walk[i] = (1 - revert) * walk[i - 1] + increments[i];
  const idx = anchors.map((a) => Math.min(indexOnOrAfter(dates, a.date), n - 1));
  out[0] = anchors[0].value;
  for (let k = 0; k + 1 < anchors.length; k++) {
    const a = idx[k];
    const b = idx[k + 1];
    if (b <= a) continue;
    const va = anchors[k].value;
    const vb = anchors[k + 1].value;
    for (let i = a + 1; i <= b; i++) {
      const f = (i - a) / (b - a);
      out[i] = va + (vb - va) * f + (walk[i] - walk[a]) - f * (walk[b] - walk[a]);
    }
  }
  // After the last anchor (not used by the demo, whose last anchor is its last day): keep walking.
  for (let i = idx[idx.length - 1] + 1; i < n; i++) out[i] = out[i - 1] + increments[i];
  return out;
}
