/**
 * Box scales (methodology §1.2, §1.3): every scale is a ladder of levels addressed by integer indexes.
 * Prices map to indexes with `floorIndex` (X side: a high rounds down) and `ceilIndex` (O side: a low rounds up);
 * `upAt(k)` / `downAt(k)` are the matching thresholds, so `v >= upAt(k)` ⇔ `floorIndex(v) >= k` and
 * `v <= downAt(k)` ⇔ `ceilIndex(v) <= k`. A touch of the exact level counts, with a tolerance of 1e-9 box.
 */
import type { PnfScale } from './types.js';

/** Tolerance, in boxes (log-boxes on a percentage scale), for "the price reached the level". */
export const BOX_EPSILON = 1e-9;

export interface BoxScale {
  readonly kind: 'traditional' | 'traditional-pre2022' | 'fixed' | 'percent';
  /** Traditional and percentage scales only accept prices > 0. */
  readonly positiveOnly: boolean;
  /** Exact decimal level of index k. */
  level(k: number): number;
  /** Largest k whose level the value reaches from below. */
  floorIndex(v: number): number;
  /** Smallest k whose level the value reaches from above. */
  ceilIndex(v: number): number;
  /** Lowest value that reaches box k from below. */
  upAt(k: number): number;
  /** Highest value that reaches box k from above. */
  downAt(k: number): number;
  /** Human label; traditional scales name the band of `lastValue`. */
  label(lastValue: number): string;
  /**
   * Label of the boxes between levels `low` and `high` (a drawn chart's grid); traditional scales name every band
   * those boxes fall in, since a chart that crosses a band edge draws boxes of two sizes.
   */
  labelOver(low: number, high: number): string;
}

// Traditional bands in ticks of 1/16: [lower bound, box size]. Every bound is a multiple of the band's step.
const POST_2022: [number, number][] = [
  [0, 0.0625], [0.25, 0.125], [1, 0.25], [5, 0.5], [20, 1], [100, 2], [200, 4], [500, 5],
  [1000, 10], [2500, 50], [25000, 500],
];
const PRE_2022: [number, number][] = [
  [0, 0.0625], [0.25, 0.125], [1, 0.25], [5, 0.5], [20, 1], [100, 2], [200, 4], [500, 5],
  [1000, 50], [25000, 500],
];
const TICKS = 16;
/** Indexes with precomputed thresholds on traditional ladders (covers prices up to ~70,000). */
const TABLE_SIZE = 1024;

/**
 * Builds the ladder of a scale, validating it.
 * @example boxScale('traditional').level(boxScale('traditional').floorIndex(21.7)) //=> 21
 * @example boxScale({ fixed: 0.1 }).level(3) //=> 0.3
 */
export function boxScale(scale: PnfScale): BoxScale {
  if (scale === 'traditional') return (TRADITIONAL ??= traditionalScale('traditional', POST_2022));
  if (scale === 'traditional-pre2022') return (TRADITIONAL_PRE ??= traditionalScale('traditional-pre2022', PRE_2022));
  if (scale !== null && typeof scale === 'object') {
    const s = scale as { fixed?: unknown; percent?: unknown };
    if ('fixed' in s && !('percent' in s)) {
      if (typeof s.fixed !== 'number' || !Number.isFinite(s.fixed) || s.fixed <= 0) {
        throw new RangeError(`P&F fixed box size must be a positive number, got ${show(s.fixed)}`);
      }
      return memoScale(FIXED_SCALES, s.fixed, fixedScale);
    }
    if ('percent' in s && !('fixed' in s)) {
      if (typeof s.percent !== 'number' || !Number.isFinite(s.percent) || s.percent <= 0) {
        throw new RangeError(`P&F percent box size must be a positive number (in percent), got ${show(s.percent)}`);
      }
      return memoScale(PERCENT_SCALES, s.percent, percentScale);
    }
  }
  throw new TypeError(
    `unknown P&F scale: ${show(scale)} (use 'traditional', 'traditional-pre2022', { fixed: n } or { percent: n })`,
  );
}

/**
 * Fixed and percent scales, made once per box size. A scale is immutable, and keeping one object per size keeps its
 * functions (`upAt`, `floorIndex`, …) alive between charts: V8 holds a function's optimized code only while some
 * closure of it lives, so a new scale for every chart had its functions re-optimized after every full GC (a
 * batch re-optimized each ~30 times in 100 notes).
 */
const FIXED_SCALES = new Map<number, BoxScale>();
const PERCENT_SCALES = new Map<number, BoxScale>();
const MAX_MEMO_SCALES = 256;

function memoScale(memo: Map<number, BoxScale>, size: number, make: (size: number) => BoxScale): BoxScale {
  let scale = memo.get(size);
  if (scale === undefined) {
    scale = make(size);
    if (memo.size >= MAX_MEMO_SCALES) memo.delete(memo.keys().next().value!);
    memo.set(size, scale);
  }
  return scale;
}

/** Validates a reversal count: an integer ≥ 1 (default 3). */
export function checkReversal(reversal: number | undefined): number {
  if (reversal === undefined) return 3;
  if (typeof reversal !== 'number' || !Number.isInteger(reversal) || reversal < 1) {
    throw new RangeError(`P&F reversal must be an integer >= 1, got ${show(reversal)}`);
  }
  return reversal;
}

/**
 * The most boxes one column may gain in one day. A real chart adds a handful; an absurd price (1e9 on a
 * traditional scale: two million boxes) would cost gigabytes, so it is refused instead.
 */
export const MAX_COLUMN_BOXES = 50_000;
/** Largest box index a chart may use: beyond it `k + 1` is no longer exact in a double and a loop would not advance. */
export const MAX_BOX_INDEX = 2 ** 50;

/**
 * A chart that would need more boxes than `MAX_COLUMN_BOXES` (or an index beyond `MAX_BOX_INDEX`). `day` is the
 * index of the day in the chart's input and `date` its date, filled in by the callers that know them.
 */
export class PnfBoxLimitError extends RangeError {
  day?: number;
  date?: string;
  constructor(
    readonly limit: number,
    readonly scope: 'column' | 'chart' = 'column',
  ) {
    super(`P&F chart would need more than ${limit} boxes ${scope === 'column' ? 'in one column in one day' : 'in all'}`);
    this.name = 'PnfBoxLimitError';
  }
}

/** Whether box index `k` is small enough to step one by one (see `MAX_BOX_INDEX`). */
export const indexInRange = (k: number): boolean => Math.abs(k) < MAX_BOX_INDEX;

function checkSpan(from: number, target: number, maxBoxes: number): void {
  if (!indexInRange(from) || !indexInRange(target) || !(Math.abs(target - from) <= maxBoxes)) throw new PnfBoxLimitError(MAX_COLUMN_BOXES);
}

/**
 * Highest index k ≥ from with `v >= upAt(k)`, given `v >= upAt(from)`: the top of an X column after a high of v.
 * Steps box by box (jumping with `floorIndex` after 8 boxes), so the result always agrees with the thresholds.
 * Throws `PnfBoxLimitError` when the column would grow by more than `maxBoxes` (default `MAX_COLUMN_BOXES`). With
 * `maxBoxes` Infinity nothing is checked: the caller keeps v on the ladder (signalStates skips any value beyond it).
 */
export function climb(scale: BoxScale, v: number, from: number, maxBoxes = MAX_COLUMN_BOXES): number {
  if (maxBoxes !== Infinity) checkSpan(from, scale.floorIndex(v), maxBoxes);
  let k = from;
  for (let steps = 1; v >= scale.upAt(k + 1); steps++) {
    k = steps === 8 ? Math.max(k + 1, scale.floorIndex(v) - 1) : k + 1;
  }
  return k;
}

/** Lowest index k ≤ from with `v <= downAt(k)`, given `v <= downAt(from)`: the bottom of an O column after a low of v (same limit). */
export function descend(scale: BoxScale, v: number, from: number, maxBoxes = MAX_COLUMN_BOXES): number {
  if (maxBoxes !== Infinity) checkSpan(from, scale.ceilIndex(v), maxBoxes);
  let k = from;
  for (let steps = 1; v <= scale.downAt(k - 1); steps++) {
    k = steps === 8 ? Math.min(k - 1, scale.ceilIndex(v) + 1) : k - 1;
  }
  return k;
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || v === undefined || v === null) return String(v);
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

function traditionalScale(kind: 'traditional' | 'traditional-pre2022', bands: [number, number][]): BoxScale {
  const n = bands.length;
  const lowT = new Float64Array(n);
  const stepT = new Float64Array(n);
  const start = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lowT[i] = bands[i][0] * TICKS;
    stepT[i] = bands[i][1] * TICKS;
    if (i > 0) start[i] = start[i - 1] + (lowT[i] - lowT[i - 1]) / stepT[i - 1];
  }
  // band holding ticks x, lower bound inclusive (x on a boundary → upper band)
  const bandOf = (x: number): number => {
    let i = n - 1;
    while (i > 0 && lowT[i] > x) i--;
    return i;
  };
  // band holding ticks x, lower bound exclusive (x on a boundary → lower band)
  const bandBelow = (x: number): number => {
    let i = n - 1;
    while (i > 0 && lowT[i] >= x) i--;
    return i;
  };
  const levelTicks = (k: number): number => {
    let i = n - 1;
    while (i > 0 && start[i] > k) i--;
    return lowT[i] + (k - start[i]) * stepT[i];
  };
  const level = (k: number): number => levelTicks(k) / TICKS;
  const boxText = (step: number): string => (Number.isInteger(step * 100) ? step.toFixed(2) : String(step));
  const rangeText = (i: number): string => (i === n - 1 ? `${bands[i][0]} and up` : `${bands[i][0]}–${bands[i + 1][0]}`);
  const upSlow = (k: number): number => {
    const t = levelTicks(k);
    return (t - BOX_EPSILON * (t - levelTicks(k - 1))) / TICKS;
  };
  const downSlow = (k: number): number => {
    const t = levelTicks(k);
    return (t + BOX_EPSILON * (levelTicks(k + 1) - t)) / TICKS;
  };
  const UP = new Float64Array(TABLE_SIZE);
  const DOWN = new Float64Array(TABLE_SIZE);
  for (let k = 0; k < TABLE_SIZE; k++) {
    UP[k] = upSlow(k);
    DOWN[k] = downSlow(k);
  }
  return {
    kind,
    positiveOnly: true,
    level,
    floorIndex(v) {
      const x = v * TICKS;
      const i = bandOf(x);
      return start[i] + Math.floor((x - lowT[i]) / stepT[i] + BOX_EPSILON);
    },
    ceilIndex(v) {
      const x = v * TICKS;
      const i = bandBelow(x);
      return start[i] + Math.ceil((x - lowT[i]) / stepT[i] - BOX_EPSILON);
    },
    upAt: (k) => (k >= 0 && k < TABLE_SIZE ? UP[k] : upSlow(k)),
    downAt: (k) => (k >= 0 && k < TABLE_SIZE ? DOWN[k] : downSlow(k)),
    label(lastValue) {
      if (!Number.isFinite(lastValue)) return kind;
      const i = bandBelow(lastValue * TICKS);
      return `${kind} (${boxText(bands[i][1])} box in ${rangeText(i)})`;
    },
    labelOver(low, high) {
      if (!(Number.isFinite(low) && Number.isFinite(high)) || high <= low) return this.label(high);
      // the box from level x upwards lies in the band holding x (lower bound inclusive); the top level adds no box
      const from = bandOf(low * TICKS);
      const to = bandBelow(high * TICKS);
      if (to <= from) return this.label(high);
      const parts: string[] = [];
      for (let i = from; i <= to; i++) parts.push(`${boxText(bands[i][1])}${i === from ? ' box' : ''} in ${rangeText(i)}`);
      return `${kind} (${parts.join(', ')})`;
    },
  };
}

/** Decimal places of a number as written (0.25 → 2, 1e-7 → 7). */
export function decimalsOf(x: number): number {
  const m = /^\d+(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) return 0;
  return Math.max(0, (m[1]?.length ?? 0) - Number(m[2] ?? 0));
}

function fixedScale(step: number): BoxScale {
  const d = decimalsOf(step);
  // levels from integers: k × units / 10^d is the correctly rounded decimal (0.1 × 3 prints 0.3)
  const exact = d <= 10;
  const pow = exact ? 10 ** d : 1;
  const units = exact ? Math.round(step * pow) : step;
  return {
    kind: 'fixed',
    positiveOnly: false,
    level: (k) => (k * units) / pow || 0,
    floorIndex: (v) => Math.floor((v * pow) / units + BOX_EPSILON),
    ceilIndex: (v) => Math.ceil((v * pow) / units - BOX_EPSILON) || 0,
    upAt: (k) => ((k - BOX_EPSILON) * units) / pow,
    downAt: (k) => ((k + BOX_EPSILON) * units) / pow,
    label: () => `fixed ${step}`,
    labelOver: () => `fixed ${step}`,
  };
}

/** Rounds to 12 significant digits: percentage levels print without float noise (1.0325² = 1.06605625). */
export function round12(x: number): number {
  return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(12));
}

function percentScale(percent: number): BoxScale {
  const base = 1 + percent / 100;
  const L = Math.log(base);
  return {
    kind: 'percent',
    positiveOnly: true,
    level: (k) => round12(base ** k),
    floorIndex: (v) => Math.floor(Math.log(v) / L + BOX_EPSILON),
    ceilIndex: (v) => Math.ceil(Math.log(v) / L - BOX_EPSILON) || 0,
    upAt: (k) => Math.exp((k - BOX_EPSILON) * L),
    downAt: (k) => Math.exp((k + BOX_EPSILON) * L),
    label: () => `${percent}%`,
    labelOver: () => `${percent}%`,
  };
}

// The traditional scales are immutable, each made on first use (it fills two tables of TABLE_SIZE levels): a run
// reads one of them, or neither.
let TRADITIONAL: BoxScale | undefined;
let TRADITIONAL_PRE: BoxScale | undefined;
