/**
 * Parsed YAML cached on disk. Parsing a note.yaml or a market.yaml is the same every run until someone edits it, yet a
 * cold process spends ~15–20 ms on the first (the YAML library's code runs cold) and several more on the second. The
 * plain value a parse gave is kept per text: the entry's file name comes from a hash of the text, the YAML library's
 * version and what the caller names the parse (its options), and the entry holds the text itself, so it is used only
 * for exactly that text. Only a parse that succeeded is kept, so every error is still the parser's own (callers parse
 * again, lazily, when they need the document for a line number). Best effort: an unreadable, unwritable or damaged
 * entry only means the text is parsed again. Folder: the demo market's (`cacheDir`; MARKET_NOTE_CACHE_DIR=off turns
 * it off).
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { threadId } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { cacheDir } from '../data/demo-cache.js';

const PREFIX = 'yaml-';
/** Entries kept in the folder; older ones are removed when a new one is written. */
const KEEP = 32;
/** What an entry's value depends on besides the text: the parser's version and this cache's layout. */
let version: string | undefined;
const versionKey = (): string =>
  (version ??= `yaml ${(createRequire(import.meta.url)('yaml/package.json') as { version: string }).version} | entry 1 | v8 ${process.versions.v8}`);

/**
 * FNV-1a (32 bits) of a string's UTF-16 code units, as 8 hex digits: a file name for an entry, not a check (the entry
 * holds its text).
 * @example fnv1a('a') //=> 'e40c292c'
 */
export function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The value `parse()` gives for `text`, from the cache when an entry holds exactly this text for the parse named
 * `kind` (which stands for its options), else parsed and kept. A `parse` that throws keeps nothing.
 * @example cachedYaml(text, 'note.yaml', () => parseDocument(text).toJS())
 */
export function cachedYaml(text: string, kind: string, parse: () => unknown, env: NodeJS.ProcessEnv = process.env): unknown {
  const dir = cacheDir(env);
  if (!dir) return parse();
  const key = `${versionKey()} | ${kind}`;
  const file = join(dir, `${PREFIX}${fnv1a(`${key}\0${text}`)}.v8`);
  try {
    const entry = deserialize(readFileSync(file)) as { key?: unknown; text?: unknown; value?: unknown };
    if (entry.key === key && entry.text === text) return entry.value;
  } catch {
    // absent or damaged: parse
  }
  const value = parse();
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.${threadId}.tmp`;
    writeFileSync(tmp, serialize({ key, text, value }));
    renameSync(tmp, file);
    prune(dir);
  } catch {
    // read-only or full disk: the next run parses again
  }
  return value;
}

/** Remove all but the KEEP newest entries. */
function prune(dir: string): void {
  const entries = readdirSync(dir).filter((f) => f.startsWith(PREFIX) && f.endsWith('.v8'));
  if (entries.length <= KEEP) return;
  const dated = entries.map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs })).sort((a, b) => b.t - a.t);
  for (const { f } of dated.slice(KEEP)) rmSync(join(dir, f), { force: true });
}
