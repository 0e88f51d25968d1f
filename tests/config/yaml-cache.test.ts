// Parsed YAML cached on disk (src/config/yaml-cache.ts): used only for exactly the text it was parsed from, never for a
// parse that failed, and the errors found after the parse (schema, missing files) name the same line from a cached
// value as from a fresh parse.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedYaml, fnv1a } from '../../src/config/yaml-cache.js';
import { parseMarketYaml } from '../../src/data/market-yaml.js';
import { loadNote } from '../../src/note/load-note.js';
import { errorOf } from '../data/error-text.js';
import { tempDir } from '../helpers/cli.js';

describe('fnv1a', () => {
  it('is the 32-bit FNV-1a hash, as 8 hex digits', () => {
    expect(fnv1a('')).toBe('811c9dc5');
    expect(fnv1a('a')).toBe('e40c292c');
    expect(fnv1a('foobar')).toBe('bf9cf968');
  });
});

describe('cachedYaml', () => {
  const env = () => ({ MARKET_NOTE_CACHE_DIR: tempDir('market-note-yaml-cache-') });
  const counting = (value: unknown) => {
    const c = { calls: 0, parse: () => (c.calls++, structuredClone(value)) };
    return c;
  };

  it('parses a text once, then gives the same value from the cache', () => {
    const e = env();
    const p = counting({ a: [1, 2, { b: null }], c: 'x' });
    expect(cachedYaml('a: 1', 'k', p.parse, e)).toEqual({ a: [1, 2, { b: null }], c: 'x' });
    expect(cachedYaml('a: 1', 'k', p.parse, e)).toEqual({ a: [1, 2, { b: null }], c: 'x' });
    expect(p.calls).toBe(1);
    expect(readdirSync(e.MARKET_NOTE_CACHE_DIR).filter((f) => f.startsWith('yaml-'))).toHaveLength(1);
  });

  it('parses again for another text or another kind of parse', () => {
    const e = env();
    const p = counting(1);
    cachedYaml('a: 1', 'k', p.parse, e);
    cachedYaml('a: 1 ', 'k', p.parse, e);
    cachedYaml('a: 1', 'other options', p.parse, e);
    expect(p.calls).toBe(3);
  });

  it('keeps nothing from a parse that throws', () => {
    const e = env();
    let calls = 0;
    const bad = () => {
      calls++;
      throw new Error('bad yaml');
    };
    expect(() => cachedYaml('a: [', 'k', bad, e)).toThrow('bad yaml');
    expect(() => cachedYaml('a: [', 'k', bad, e)).toThrow('bad yaml');
    expect(calls).toBe(2);
  });

  it('parses again when the entry is damaged, or holds another text under the same name', () => {
    const e = env();
    const p = counting({ v: 1 });
    cachedYaml('a: 1', 'k', p.parse, e);
    const [entry] = readdirSync(e.MARKET_NOTE_CACHE_DIR);
    writeFileSync(join(e.MARKET_NOTE_CACHE_DIR, entry), 'not a v8 value');
    expect(cachedYaml('a: 1', 'k', p.parse, e)).toEqual({ v: 1 });
    expect(p.calls).toBe(2);
  });

  it('is off with MARKET_NOTE_CACHE_DIR=off, and keeps the 32 newest entries', () => {
    const p = counting(0);
    cachedYaml('a', 'k', p.parse, { MARKET_NOTE_CACHE_DIR: 'off' });
    cachedYaml('a', 'k', p.parse, { MARKET_NOTE_CACHE_DIR: 'off' });
    expect(p.calls).toBe(2);
    const e = env();
    for (let i = 0; i < 40; i++) cachedYaml(`n: ${i}`, 'k', p.parse, e);
    expect(readdirSync(e.MARKET_NOTE_CACHE_DIR).filter((f) => f.startsWith('yaml-'))).toHaveLength(32);
  });
});

describe('errors after a cached parse name the same line as after a fresh one', () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.MARKET_NOTE_CACHE_DIR;
    process.env.MARKET_NOTE_CACHE_DIR = tempDir('market-note-yaml-cache-');
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.MARKET_NOTE_CACHE_DIR;
    else process.env.MARKET_NOTE_CACHE_DIR = saved;
  });

  it('note.yaml: a role no section may read, a bad margin, a missing logo', () => {
    const HEAD = 'title: T\ndesk: D\ndisclaimer: X\n';
    for (const [yaml, line] of [
      [`${HEAD}roles:\n  rate: TNX\nsections:\n  - pnf: [rate, fund]\n`, 7],
      [`${HEAD}roles: { a: SPX }\npage:\n  margins:\n    top: 2 inches\n`, 7],
      [`${HEAD}roles: { a: SPX }\npage:\n  logo: gone.png\n`, 6],
    ] as const) {
      const dir = join(tempDir(), 'my-note');
      mkdirSync(dir, { recursive: true });
      for (const [f, text] of Object.entries({ 'note.yaml': yaml, 'note.hbs': '<h1>{{note.title}}</h1>', 'note.css': '' })) writeFileSync(join(dir, f), text);
      const fresh = errorOf(() => loadNote(dir));
      expect(readdirSync(process.env.MARKET_NOTE_CACHE_DIR!).some((f) => f.startsWith('yaml-')), 'the YAML itself parsed, so it is kept').toBe(true);
      const cached = errorOf(() => loadNote(dir));
      expect([fresh.line, cached.line]).toEqual([line, line]);
      expect(cached.message).toBe(fresh.message);
    }
  });

  it('market.yaml: an unknown key, a symbol listed twice, and the line of a key asked for later', () => {
    for (const [text, line] of [
      ['series:\n  SPX: { file: GSPC.csv }\n  RUT: { file: RUT.csv, colour: red }\n', 3],
      ['series:\n  SPX: { file: GSPC.csv }\nuniverses:\n  SPX: { file: sp.csv, layout: wide }\n', 4],
    ] as const) {
      const fresh = errorOf(() => parseMarketYaml(text, 'market.yaml'));
      const cached = errorOf(() => parseMarketYaml(text, 'market.yaml'));
      expect([fresh.line, cached.line]).toEqual([line, line]);
      expect(cached.message).toBe(fresh.message);
    }
    const ok = 'series:\n  SPX: { file: GSPC.csv }\n  DGS10:\n    file: fred/DGS10.csv\n    kind: yield\n';
    expect(parseMarketYaml(ok, 'market.yaml').lineOf(['series', 'DGS10', 'file'])).toBe(4);
    expect(parseMarketYaml(ok, 'market.yaml').lineOf(['series', 'DGS10', 'file'])).toBe(4);
  });
});
