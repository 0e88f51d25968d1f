/**
 * Small scale helpers shared by the spec builders: a nice y domain computed up front (so label placement can
 * work in pixels) and the pixel position of a value on it.
 */

/** Lower and upper bound of a linear domain. */
export type Domain = [number, number];

/**
 * The smallest domain on a 1-2-5 step grid (about `ticks` steps) that holds every finite value; `include` values
 * (a zero or 100 reference) are held too. Falls back to [0, 1] when there is no finite value.
 * @example niceDomain([3.2, 4.9]) //=> [3, 5]
 */
export function niceDomain(values: Iterable<number | null>, include: number[] = [], ticks = 5): Domain {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of [...values, ...include]) {
    if (v === null || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return [0, 1];
  if (lo === hi) {
    const pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.05 : 1;
    lo -= pad;
    hi += pad;
  }
  const step = niceStep((hi - lo) / ticks);
  return [round(Math.floor(lo / step) * step), round(Math.ceil(hi / step) * step)];
}

/**
 * A 1, 2 or 5 × 10^k step at least `raw`.
 * @example niceStep(0.34) //=> 0.5
 */
export function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

/**
 * Pixel offset from the top of a plot `height` px tall of the value `v` on `domain`.
 * @example yPixel(75, [0, 100], 200) //=> 50
 */
export function yPixel(v: number, domain: Domain, height: number): number {
  return ((domain[1] - v) / (domain[1] - domain[0])) * height;
}

const round = (x: number): number => Math.round(x * 1e9) / 1e9;
