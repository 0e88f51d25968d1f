// bin/code-cache.cjs: the CommonJS bundle runs with V8's code cache when the cache matches its source, and compiles
// as usual (same exports, same results) when the cache is missing, stale or not a cache at all.
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module of the bin, without types
import { loadBundle } from '../../bin/code-cache.cjs';
import { tempDir } from '../helpers/cli.js';

const source = (k: number) => `const { join } = require('node:path');\nexports.scale = (x) => x * ${k};\nexports.where = join(__dirname, 'x');\n`;

describe('loadBundle (bin/code-cache.cjs)', () => {
  it('runs the bundle without a cache, writes one, and is then served from it', () => {
    const dir = tempDir();
    const file = join(dir, 'cli.cjs');
    const cache = join(dir, 'cli.cache');
    writeFileSync(file, source(3));
    const first = loadBundle(file, cache);
    expect(first.rejected).toBe(true); // no cache yet
    expect(first.exports.scale(2)).toBe(6);
    expect(first.exports.where).toBe(join(dir, 'x')); // __dirname is the bundle's folder
    first.exports.scale(1); // compile what a run would
    first.writeCache();
    expect(existsSync(cache)).toBe(true);
    const second = loadBundle(file, cache);
    expect(second.rejected).toBe(false);
    expect(second.exports.scale(2)).toBe(6);
  });

  it('refuses a cache made for another source, or one that is not a cache, and still runs the bundle', () => {
    const dir = tempDir();
    const file = join(dir, 'cli.cjs');
    const cache = join(dir, 'cli.cache');
    writeFileSync(file, source(3));
    loadBundle(file, cache).writeCache();
    // the bundle was rebuilt, the cache was not: same length, which V8 alone would accept, and another time
    writeFileSync(file, source(5));
    utimesSync(file, new Date('2001-01-01'), new Date('2001-01-01'));
    const stale = loadBundle(file, cache);
    expect(stale.rejected).toBe(true);
    expect(stale.exports.scale(2)).toBe(10);
    writeFileSync(cache, 'not a cache');
    const junk = loadBundle(file, cache);
    expect(junk.rejected).toBe(true);
    expect(junk.exports.scale(2)).toBe(10);
  });
});
