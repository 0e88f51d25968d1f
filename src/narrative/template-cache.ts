/**
 * Compiled templates cached on disk. Parsing, checking and compiling a note's templates with Handlebars costs a
 * cold process ~0.3–0.5 s of CPU, the same every run until an editor changes a template. The compiled code of
 * every template of a note is written once, as one JSON file, to the cache folder of the demo market
 * (`cacheDir`), keyed by a hash of everything the compiled code depends on: each template's file name and
 * text, the partial and helper names, the compile options, Handlebars' version and the code of the modules that
 * rewrite and compile the syntax tree. Any change to any of them is another key, so a stale entry is never
 * read. Only a compile that succeeded is written, so every check a compile makes (unknown paths, partials,
 * helpers) has passed for exactly these inputs. Best effort: an unreadable, unwritable or damaged entry only
 * means the templates are compiled again.
 *
 * The entries are code run with `new Function`, like the modules in node_modules beside the default folder;
 * the folder is the user's own (MARKET_NOTE_CACHE_DIR=off turns every cache off).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cacheDir, writeCacheEntry } from '../data/demo-cache.js';
import { CODE_DIR, CODE_KIND } from '../config/paths.js';

const HERE = join(CODE_DIR, 'narrative');
const EXT = CODE_KIND;
/** The modules whose code shapes the compiled output: the syntax-tree rewrite, the compile call and this file. */
const CODE = ['strict-paths', 'render-narrative', 'template-cache'].map((m) => join(HERE, `${m}.${EXT}`));
/** Entries kept in the folder; older ones are removed when a new one is written. */
const KEEP = 32;
const PREFIX = `templates-${EXT}-`;

let codeKey: string | undefined;
function codeHash(): string {
  if (codeKey === undefined) {
    const h = createHash('sha256');
    for (const f of CODE) h.update(f.slice(HERE.length)).update(readFileSync(f));
    const version = (createRequire(import.meta.url)('handlebars/package.json') as { version: string }).version;
    codeKey = h.update(`handlebars ${version}`).digest('hex');
  }
  return codeKey;
}

/** What a note's compiled templates depend on besides the code: each template, and the compile's settings. */
export interface TemplateSet {
  templates: { file: string; text: string }[];
  settings: unknown;
}

export interface TemplateCache {
  /** The compiled code of each template file, or undefined when the cache does not hold this set. */
  read(): Record<string, string> | undefined;
  /** Keep the compiled code of each template file for the next run. */
  write(compiled: Record<string, string>): void;
}

/** The cache entry of one set of templates, or null when the cache is off or unusable. */
export function templateCache(set: TemplateSet, env: NodeJS.ProcessEnv = process.env): TemplateCache | null {
  const dir = cacheDir(env);
  if (!dir) return null;
  let file: string;
  try {
    const h = createHash('sha256').update(codeHash()).update(JSON.stringify(set.settings));
    for (const t of set.templates) h.update(`\0${t.file}\0${t.text.length}\0`).update(t.text);
    file = join(dir, `${PREFIX}${h.digest('hex').slice(0, 24)}.json`);
  } catch {
    return null;
  }
  const files = set.templates.map((t) => t.file);
  return {
    read() {
      try {
        const entry = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
        return files.every((f) => typeof entry[f] === 'string') ? (entry as Record<string, string>) : undefined;
      } catch {
        return undefined; // absent or damaged: compile
      }
    },
    write(compiled) {
      try {
        writeCacheEntry(file, JSON.stringify(compiled), { prefix: PREFIX, suffix: '.json', count: KEEP });
      } catch {
        // read-only or full disk: the next run compiles again
      }
    },
  };
}
