import { describe, expect, it } from 'vitest';
import { Lru, clearMemos, objectMemo } from '../../src/metrics/memo.js';
import { relativeStrength } from '../../src/metrics/pnf/index.js';
import { days, prng } from './pnf/helpers.js';

/** Two random walks on the same business days. */
function pair(seed: number, n = 1200) {
  const rnd = prng(seed);
  const d = days(n);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  let pa = 40;
  let pb = 55;
  for (let i = 0; i < n; i++) {
    pa *= Math.exp((rnd() - 0.5) * 0.04);
    pb *= Math.exp((rnd() - 0.5) * 0.03);
    a[i] = pa;
    b[i] = pb;
  }
  return { a: { dates: d, close: a }, b: { dates: d, close: b } };
}

/** A chart as plain data (levels through its level function at a few indexes). */
const plain = (c: ReturnType<typeof relativeStrength>) => JSON.parse(JSON.stringify({ ...c, level: [0, 1, 10, -5].map(c.level), daily: { column: [...c.daily.column], signal: [...c.daily.signal], trend: [...c.daily.trend] } }));

describe('memos of pure computations', () => {
  it('an Lru keeps the most recently used entries up to its size', () => {
    const l = new Lru<string, number>(2);
    l.set('a', 1);
    l.set('b', 2);
    expect(l.get('a')).toBe(1); // a is now the most recent
    l.set('c', 3);
    expect([l.get('a'), l.get('b'), l.get('c')]).toEqual([1, undefined, 3]);
    expect(l.length).toBe(2);
  });

  it('an object memo computes once per (objects, key) and again after clearMemos', () => {
    const m = objectMemo<number[]>(4);
    const k = {};
    let calls = 0;
    const f = () => (calls++, [calls]);
    const first = m.get([k], 'x', f);
    expect(m.get([k], 'x', f)).toBe(first);
    expect(m.get([{}], 'x', f)).not.toBe(first); // another object is another key
    clearMemos();
    expect(m.get([k], 'x', f)).toEqual([3]);
  });

  it('an object memo can be read without computing and replaced', () => {
    const m = objectMemo<number[]>(1);
    const a = {};
    const b = {};
    expect(m.peek([a, b], 'x')).toBeUndefined();
    const v = m.set([a, b], 'x', [1]);
    expect(m.peek([a, b], 'x')).toBe(v);
    expect(m.peek([b, a], 'x')).toBeUndefined(); // the objects in order
    m.set([a, b], 'x', [2]);
    expect(m.peek([a, b], 'x')).toEqual([2]);
    m.set([a, b], 'y', [3]); // one result per key pair here: the older key goes
    expect(m.peek([a, b], 'x')).toBeUndefined();
  });

  it('an object memo with a total keeps that many results over all its keys, the oldest out first', () => {
    const m = objectMemo<number[]>(1, 2);
    const [a, b, c] = [{}, {}, {}];
    const f = (v: number) => () => [v];
    m.get([a], 'x', f(1));
    m.get([b], 'x', f(2));
    expect(m.peek([a], 'x')).toEqual([1]);
    m.get([c], 'x', f(3)); // a third result: the first goes
    expect(m.peek([a], 'x')).toBeUndefined();
    expect([m.peek([b], 'x'), m.peek([c], 'x')]).toEqual([[2], [3]]);
    m.set([b], 'x', [4]); // replacing b's result counts as the newest; c's is now the older one
    m.get([a], 'x', f(5));
    expect(m.peek([c], 'x')).toBeUndefined();
    expect([m.peek([a], 'x'), m.peek([b], 'x')]).toEqual([[5], [4]]);
  });

  it('relativeStrength returns the remembered chart for the same series and options, equal to a fresh computation', () => {
    const { a, b } = pair(7);
    const asOf = a.dates[900];
    const first = relativeStrength(a, b, { percent: 3.25, asOf });
    expect(relativeStrength(a, b, { percent: 3.25, asOf })).toBe(first);
    // fresh arrays (nothing to share) cut at the as-of date give the same chart
    const cut = (s: typeof a) => ({ dates: s.dates.slice(0, 901), close: Float64Array.from(s.close.subarray(0, 901)) });
    expect(plain(relativeStrength(cut(a), cut(b), { percent: 3.25 }))).toEqual(plain(first));
    clearMemos();
    expect(plain(relativeStrength(a, b, { percent: 3.25, asOf }))).toEqual(plain(first));
  });

  it('relativeStrength gives the same chart whether the rows come in date order or shuffled', () => {
    const { a, b } = pair(11, 600);
    const order = a.dates.map((_, i) => i).reverse();
    const shuffled = { dates: order.map((i) => a.dates[i]), close: order.map((i) => a.close[i]) };
    for (const percent of [3.25, 6.5]) {
      expect(plain(relativeStrength(shuffled, b, { percent, asOf: a.dates[500] }))).toEqual(plain(relativeStrength(a, b, { percent, asOf: a.dates[500] })));
    }
  });

  it('a different box, reversal or as-of date is a different chart', () => {
    const { a, b } = pair(3);
    const base = relativeStrength(a, b, { percent: 3.25, asOf: a.dates[1000] });
    expect(relativeStrength(a, b, { percent: 6.5, asOf: a.dates[1000] })).not.toBe(base);
    expect(relativeStrength(a, b, { percent: 3.25, reversal: 2, asOf: a.dates[1000] })).not.toBe(base);
    expect(relativeStrength(a, b, { percent: 3.25, asOf: a.dates[999] }).dates.length).toBe(1000);
  });
});
