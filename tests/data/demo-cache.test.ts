import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheDir, cachedMarket } from '../../src/data/demo-cache.js';
import { demoMarket, generateDemoMarket } from '../../src/data/demo-market.js';
import type { Market } from '../../src/data/types.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'market-note-cache-test-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A tiny market and a generator that counts its calls. */
function counting() {
  let calls = 0;
  const generate = (): Market => {
    calls++;
    return { source: 'demo', series: { A: { key: 'A', name: 'A', kind: 'price', file: 'A.csv', dates: ['2025-01-02'], close: Float64Array.of(1.5) } }, universes: {} };
  };
  return { generate, calls: () => calls };
}

describe('demo market cache', () => {
  it('writes the market once, then reads back an equal market without generating it', () => {
    const dir = tmp();
    const g = counting();
    const first = cachedMarket(g.generate, { MARKET_NOTE_CACHE_DIR: dir });
    const second = cachedMarket(g.generate, { MARKET_NOTE_CACHE_DIR: dir });
    expect(g.calls()).toBe(1);
    expect(second).toEqual(first);
    expect(second.series.A.close).toBeInstanceOf(Float64Array);
    expect(second).not.toBe(first); // fresh objects: a caller that adds series changes no one else's market
  });

  it('a damaged cache file gives the generated market', () => {
    const dir = tmp();
    const g = counting();
    cachedMarket(g.generate, { MARKET_NOTE_CACHE_DIR: dir });
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file), 'not a market');
    expect(cachedMarket(g.generate, { MARKET_NOTE_CACHE_DIR: dir }).series.A.close[0]).toBe(1.5);
    expect(g.calls()).toBe(2);
  });

  it('MARKET_NOTE_CACHE_DIR=off generates every time and writes nothing', () => {
    const g = counting();
    cachedMarket(g.generate, { MARKET_NOTE_CACHE_DIR: 'off' });
    cachedMarket(g.generate, { MARKET_NOTE_CACHE_DIR: 'off' });
    expect(g.calls()).toBe(2);
    expect(cacheDir({ MARKET_NOTE_CACHE_DIR: 'off' })).toBeNull();
  });

  it('the folder is a cache folder, never output/', () => {
    expect(cacheDir({ XDG_CACHE_HOME: '/x' })).toBe(join('/x', 'market-note'));
    expect(cacheDir({})).toMatch(/node_modules[/\\]\.cache[/\\]market-note$/);
  });

  it('the cached demo market is exactly the generated one', () => {
    const dir = tmp();
    const env = { ...process.env, MARKET_NOTE_CACHE_DIR: dir };
    const generated = generateDemoMarket();
    cachedMarket(generateDemoMarket, env); // fills the cache
    expect(readdirSync(dir).filter((f) => f.endsWith('.v8'))).toHaveLength(1);
    expect(isDeepStrictEqual(cachedMarket(generateDemoMarket, env), generated)).toBe(true);
    expect(isDeepStrictEqual(demoMarket(), generated)).toBe(true);
  }, 60_000);
});
