/**
 * Seeded randomness for the synthetic demo market: mulberry32 for uniforms, Box-Muller for normals.
 * Same seed, same numbers, on every machine (only integer ops, `Math.log`, `Math.sqrt`, `Math.cos`/`Math.sin`).
 */

/** A source of random numbers; every draw advances its state. */
export interface Rng {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal. */
  normal(): number;
  /** Integer in [lo, hi], both included. */
  int(lo: number, hi: number): number;
}

/**
 * A mulberry32 generator seeded with a 32-bit integer, with Box-Muller normals (the spare is kept).
 * @example rng(42).int(1, 6) //=> the same die roll every run
 */
export function rng(seed: number): Rng {
  let state = seed >>> 0;
  let spare = NaN;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    if (!Number.isNaN(spare)) {
      const s = spare;
      spare = NaN;
      return s;
    }
    const u = 1 - uniform(); // (0, 1]: log never sees 0
    const v = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  return { uniform, normal, int: (lo, hi) => lo + Math.floor(uniform() * (hi - lo + 1)) };
}

/**
 * A stable 32-bit seed from a label, so each synthetic series draws from its own stream (FNV-1a).
 * @example seedOf('SPX') === seedOf('SPX') //=> true
 */
export function seedOf(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
