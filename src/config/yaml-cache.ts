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
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { createRequire } from 'node:module';
import { LineCounter, parseDocument, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';
import { cacheDir, writeCacheEntry } from '../data/demo-cache.js';

const PREFIX = 'yaml-';
/** Entries kept in the folder; older ones are removed when a new one is written. */
const KEEP = 32;
/** What an entry's value depends on besides the text: the parser's version and this cache's layout. */
let version: string | undefined;
/** The yaml library's version, written into the bundles by scripts/bundle.js (finding it at run time takes 4–7 ms). */
declare const __MARKET_NOTE_YAML_VERSION__: string | undefined;
const yamlVersion = (): string =>
  typeof __MARKET_NOTE_YAML_VERSION__ === 'string'
    ? __MARKET_NOTE_YAML_VERSION__
    : (createRequire(import.meta.url)('yaml/package.json') as { version: string }).version;
const versionKey = (): string => (version ??= `yaml ${yamlVersion()} | entry 1 | v8 ${process.versions.v8}`);

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
    writeCacheEntry(file, serialize({ key, text, value }), { prefix: PREFIX, suffix: '.v8', count: KEEP });
  } catch {
    // read-only or full disk: the next run parses again
  }
  return value;
}

/** A YAML document and the line counter of its text, for the line of a node. */
export interface YamlDocument {
  doc: Document;
  lines: LineCounter;
}

/**
 * The value of a YAML text (`toValue` of its document, which may throw the text's error: then nothing is kept), from the
 * cache ({@link cachedYaml}) when it holds it, and the document itself, parsed on first use only (a cached value has
 * none until an error needs a line number).
 */
export function cachedYamlValue(
  text: string,
  kind: string,
  options: ParseOptions & DocumentOptions & SchemaOptions,
  toValue: (d: YamlDocument) => unknown,
): { value: unknown; document: () => YamlDocument } {
  let parsed: YamlDocument | undefined;
  const document = (): YamlDocument => {
    if (!parsed) {
      const lines = new LineCounter();
      parsed = { doc: parseDocument(text, { ...options, lineCounter: lines }), lines };
    }
    return parsed;
  };
  return { value: cachedYaml(text, kind, () => toValue(document())), document };
}
