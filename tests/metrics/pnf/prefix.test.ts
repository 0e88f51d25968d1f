/**
 * A chart of a series' first days cut from the chart of more of its days (columnsPrefix, prefixCharts, and the RS
 * charts of an earlier as-of date) equals the chart built from those days alone, on every day of seeded walks with
 * gaps, bad days and both methods, on every scale kind and reversal, and on the real funds' RS pairs.
 */
import { describe, expect, it } from 'vitest';
import { boxScale } from '../../../src/metrics/pnf/boxes.js';
import { buildColumns, columnsPrefix, type DailyBars } from '../../../src/metrics/pnf/columns.js';
import { clearMemos } from '../../../src/metrics/memo.js';
import { pointAndFigure, prefixCharts, relativeStrength, type PnfOptions } from '../../../src/metrics/pnf/index.js';
import { prng, randomWalk } from './helpers.js';

/** A walk with some days missing (NaN), some with only a close, some with a non-positive low. */
function roughWalk(seed: number, n: number) {
  const w = randomWalk(seed, n, 40, 0.03);
  const rnd = prng(seed + 1);
  for (let i = 0; i < n; i++) {
    const r = rnd();
    if (r < 0.03) w.close[i] = NaN;
    else if (r < 0.06) w.high[i] = w.low[i] = NaN;
    else if (r < 0.07) w.low[i] = -1;
    else if (r < 0.08) w.close[i] = Infinity;
  }
  return w;
}

/** A chart without its functions (toStrictEqual compares closures by identity). */
const plain = (c: ReturnType<typeof pointAndFigure>) => ({ ...c, boxLabelOver: undefined, level: undefined });

const SCALES = [{ fixed: 1 }, { fixed: 0.5 }, { percent: 2 }, 'traditional'] as const;

describe('columnsPrefix: the first k days cut from the chart of all of them', () => {
  it('equals buildColumns of the first k days, for every k, scale, reversal and method', () => {
    let cuts = 0;
    for (const seed of [1, 2, 3]) {
      const w = roughWalk(seed, 260);
      for (const spec of SCALES) {
        const scale = boxScale(spec);
        for (const reversal of [1, 3, 5]) {
          for (const highlow of [true, false]) {
            const bars: DailyBars = highlow
              ? { high: w.high, low: w.low, close: w.close, length: w.close.length }
              : { high: w.close, low: w.close, close: w.close, length: w.close.length };
            const full = buildColumns(bars, scale, reversal);
            expect(full.columns.length).toBeGreaterThan(3);
            for (let k = 0; k <= bars.length; k++) {
              const cut = columnsPrefix(full, bars, scale.positiveOnly, k);
              expect(cut, `seed ${seed} ${JSON.stringify(spec)} R${reversal} ${highlow ? 'highlow' : 'close'} k=${k}`).toStrictEqual(
                buildColumns({ ...bars, length: k }, scale, reversal),
              );
              cuts++;
            }
          }
        }
      }
    }
    expect(cuts).toBe(3 * SCALES.length * 3 * 2 * 261);
  });
});

describe('prefixCharts: charts of a series\' first days', () => {
  it('gives pointAndFigure of those days, whichever order the days are asked in', () => {
    const w = roughWalk(7, 400);
    const options: PnfOptions = { scale: { percent: 1.5 }, reversal: 3, method: 'highlow' };
    const at = prefixCharts(w, options);
    for (const end of [400, 395, 390, 200, 399, 1, 0, 400, 250]) {
      const fresh = pointAndFigure({ dates: w.dates.slice(0, end), close: w.close.subarray(0, end), high: w.high.subarray(0, end), low: w.low.subarray(0, end) }, options);
      expect(plain(at(end)), `end ${end}`).toStrictEqual(plain(fresh));
    }
    expect(() => at(401)).toThrow(RangeError);
  });
});

describe('relativeStrength: an earlier as-of date of a pair already charted', () => {
  it('equals the chart of that date made first', () => {
    const a = randomWalk(11, 700, 30, 0.025);
    const b = randomWalk(12, 700, 60, 0.015);
    const asOfs = [a.dates[699], a.dates[694], a.dates[650], a.dates[300]];
    for (const percent of [3.25, 6.5]) {
      clearMemos();
      const shared = asOfs.map((asOf) => relativeStrength(a, b, { percent, asOf })); // the later date first: the rest are cut
      for (const [i, asOf] of asOfs.entries()) {
        clearMemos();
        expect(plain(shared[i]), `${percent}% ${asOf}`).toStrictEqual(plain(relativeStrength(a, b, { percent, asOf })));
      }
    }
  });
});
