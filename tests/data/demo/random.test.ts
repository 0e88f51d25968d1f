import { describe, expect, it } from 'vitest';
import { rng, seedOf } from '../../../src/data/demo/random.js';

describe('rng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = rng(42), b = rng(42), c = rng(43);
    const xs = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(xs);
  });

  it('matches the reference mulberry32 (Tommy Ettinger / bryc, as usually published)', () => {
    function mulberry32(a: number) {
      return function () {
        let t = (a += 0x6d2b79f5);
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    }
    for (const seed of [1, 42, 0xdeadbeef, 2 ** 31 + 5]) {
      const ref = mulberry32(seed);
      const r = rng(seed);
      for (let i = 0; i < 1000; i++) if (r.uniform() !== ref()) throw new Error(`seed ${seed}, draw ${i}`);
    }
    expect(rng(1).uniform()).toBe(0.6270739405881613);
  });

  it('draws uniforms in [0, 1) and normals with mean ~0 and sd ~1', () => {
    const r = rng(7);
    let sum = 0, sq = 0, lo = 1, hi = 0;
    for (let i = 0; i < 20000; i++) {
      const u = r.uniform();
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
      const z = r.normal();
      sum += z;
      sq += z * z;
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    expect(Math.abs(sum / 20000)).toBeLessThan(0.03);
    expect(Math.sqrt(sq / 20000)).toBeCloseTo(1, 1);
  });

  it('draws integers in the closed range', () => {
    const r = rng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 600; i++) seen.add(r.int(1, 6));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('seedOf', () => {
  it('is a stable 32-bit hash of the label (FNV-1a)', () => {
    expect(seedOf('')).toBe(0x811c9dc5);
    expect(seedOf('a')).toBe(0xe40c292c);
    expect(seedOf('SPX')).not.toBe(seedOf('RUT'));
  });
});
