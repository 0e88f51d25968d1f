import { describe, expect, it } from 'vitest';
import { pointAndFigure, signalStates, type PnfScale } from '../../../src/metrics/pnf/index.js';
import { days, prng } from './helpers.js';

describe('signalStates', () => {
  it('gives the buy/sell state per day of a close-only chart', () => {
    expect(Array.from(signalStates([5, 1, 6, 3, 7], { scale: { fixed: 1 } }))).toEqual([0, 0, 0, 0, 1]);
    expect(Array.from(signalStates([5, 1, 6, 3, 7, 2], { scale: { fixed: 1 } }))).toEqual([0, 0, 0, 0, 1, -1]);
  });

  it('skips NaN days (before listing, gaps) and carries the state', () => {
    expect(Array.from(signalStates([NaN, NaN, 5, 1, NaN, 6, 3, 7, NaN], { scale: { fixed: 1 } }))).toEqual([
      0, 0, 0, 0, 0, 0, 0, 1, 1,
    ]);
  });

  it('skips every unusable value (±Infinity, beyond the ladder, ≤ 0 where prices must be positive) the way it skips NaN', () => {
    const walk = [5, 1, 6, 3, 7, 2, 8, 4, 9];
    // 1e300 lies beyond the ladder of a fixed or traditional scale (2^49 boxes), not of a percentage one
    const junk = { positive: [NaN, Infinity, -Infinity, 0, -3, 1e300, -1e300], signed: [NaN, Infinity, -Infinity, 1e300, -1e300], percent: [NaN, Infinity, -Infinity, 0, -3, -1e300] };
    for (const [scale, bad] of [[{ fixed: 1 }, junk.signed], ['traditional', junk.positive], [{ percent: 2 }, junk.percent]] as const) {
      const clean = Array.from(signalStates(walk, { scale }));
      expect(clean.at(-1), JSON.stringify(scale)).not.toBe(0);
      // a junk day after every day of the walk: the walk's days keep their states, each junk day repeats the day before
      const mixed = walk.flatMap((v, i) => [v, bad[i % bad.length]]);
      expect(Array.from(signalStates(mixed, { scale })), JSON.stringify(scale)).toEqual(clean.flatMap((st) => [st, st]));
    }
    // on a scale that allows them, zero and negative values are prices like any other
    expect(Array.from(signalStates([-5, -9, -4, -8, -3], { scale: { fixed: 1 } }))).toEqual([0, 0, 0, 0, 1]);
  });

  it('agrees with pointAndFigure(...).daily.signal on seeded random walks with gaps', () => {
    const scales: PnfScale[] = ['traditional', 'traditional-pre2022', { percent: 2 }, { fixed: 0.5 }];
    let signals = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const rnd = prng(seed);
      const n = 1200;
      const close = new Float64Array(n);
      let p = 0.5 + rnd() * 400; // crosses several traditional bands
      const listing = Math.floor(rnd() * 200);
      for (let i = 0; i < n; i++) {
        p *= Math.exp((rnd() - 0.5) * 0.06);
        close[i] = i < listing || rnd() < 0.01 ? NaN : p;
      }
      const scale = scales[seed % scales.length];
      const reversal = 1 + (seed % 4);
      const fast = signalStates(close, { scale, reversal });
      const full = pointAndFigure({ dates: days(n), close }, { scale, reversal, method: 'close' });
      signals += full.signals.length;
      expect(Array.from(fast)).toEqual(Array.from(full.daily.signal));
    }
    expect(signals).toBeGreaterThan(40 * 10);
  });

  it('validates its options like pointAndFigure', () => {
    expect(() => signalStates([1, 2], { scale: 'traditional', reversal: -1 })).toThrow(RangeError);
    expect(() => signalStates([1, 2], { scale: { fixed: 0 } })).toThrow(/got 0/);
  });
});
