/**
 * The demo market cached on disk: generating it (600 members, 25 years of indexes) costs more than a cold
 * `build` spends on anything else, and it is the same every run. The cache file is keyed by the generator's own
 * code (a hash of its modules), the package version and the V8 serialisation version, so a changed generator
 * never reads a stale market. Best effort: an unreadable, unwritable or damaged cache only means the market is
 * generated again.
 *
 * Folder: MARKET_NOTE_CACHE_DIR, else $XDG_CACHE_HOME/market-note, else node_modules/.cache/market-note in the
 * package folder. MARKET_NOTE_CACHE_DIR=off turns the cache off.
 */
import { createRequire } from 'node:module';
import { threadId } from 'node:worker_threads';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Market } from './types.js';
import { CODE_DIR, CODE_KIND, PACKAGE_ROOT } from '../config/paths.js';

/**
 * node:crypto, loaded on first use: the demo cache is the only thing the `facts` command would load it for, and loading
 * it costs ~10 ms of a cold run that reads a market.yaml and never touches the demo market.
 */
const crypto = (): typeof import('node:crypto') => createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');

/** The generator's modules (compiled JavaScript, or the TypeScript sources in tests: each keeps its own cache file). */
const HERE = join(CODE_DIR, 'data');
const KIND = CODE_KIND;

/** The cache folder, or null when the cache is off. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const own = env.MARKET_NOTE_CACHE_DIR;
  if (own === 'off') return null;
  if (own) return own;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'market-note');
  return join(PACKAGE_ROOT, 'node_modules', '.cache', 'market-note');
}

/**
 * Write `data` to the cache entry `file` (its folder made if needed) through a temporary file renamed over it, so a
 * reader never sees half an entry (another process, or a build's early worker, may write the same entry at once);
 * then, when `keep` is given, remove all but the `keep` newest entries of the folder named `prefix…suffix`.
 */
export function writeCacheEntry(file: string, data: string | Uint8Array, keep?: { prefix: string; suffix: string; count: number }): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.${threadId}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
  if (!keep) return;
  const entries = readdirSync(dir).filter((f) => f.startsWith(keep.prefix) && f.endsWith(keep.suffix));
  if (entries.length <= keep.count) return;
  const dated = entries.map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs })).sort((a, b) => b.t - a.t);
  for (const { f } of dated.slice(keep.count)) rmSync(join(dir, f), { force: true });
}

/** Hash of the generator's modules (this folder's demo-market and calendar, and demo/), the package version and V8's. */
function generatorKey(): string {
  const h = crypto().createHash('sha256');
  const ext = `.${KIND}`;
  const files = [join(HERE, `demo-market${ext}`), join(HERE, `calendar${ext}`)];
  const demo = join(HERE, 'demo');
  for (const f of readdirSync(demo).sort()) if (f.endsWith(ext)) files.push(join(demo, f));
  for (const f of files) h.update(f.slice(HERE.length)).update(readFileSync(f));
  let version = '';
  try {
    version = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')).version ?? '';
  } catch {
    // no package.json next to the sources: the code hash alone keys the cache
  }
  h.update(`${version}|${process.versions.v8}`);
  return h.digest('hex').slice(0, 16);
}

/**
 * The market `generate()` returns, read from the cache when it holds this generator's market, else generated and
 * written there (atomically; older demo caches are removed). Each call returns fresh objects.
 */
export function cachedMarket(generate: () => Market, env: NodeJS.ProcessEnv = process.env): Market {
  const dir = cacheDir(env);
  if (!dir) return generate();
  let file: string;
  try {
    file = join(dir, `demo-market-${KIND}-${generatorKey()}.v8`);
    if (existsSync(file)) return deserialize(readFileSync(file)) as Market;
  } catch {
    return generate(); // unreadable or damaged: generate, and leave the file to the next writer
  }
  const market = generate();
  try {
    mkdirSync(dir, { recursive: true });
    for (const f of readdirSync(dir)) if (f.startsWith(`demo-market-${KIND}-`) && f.endsWith('.v8')) rmSync(join(dir, f), { force: true });
    writeCacheEntry(file, serialize(market)); // a build's early worker may write it at the same time
  } catch {
    // read-only or full disk: the generated market is used as it is
  }
  return market;
}
