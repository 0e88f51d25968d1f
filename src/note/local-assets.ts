/**
 * Files of the note folder that the note's templates and CSS point at (`<img src="logo.png">`,
 * `url(fonts/house.woff2)`), inlined as data URIs so the HTML, the PDF and the e-mail stay one self-contained
 * document. A relative reference that leaves the note folder (`../x.png`, `/etc/x.png`, a symlink out) or names a
 * missing file is a problem with its template file and line: `lint` lists it, a build fails on it. Absolute URLs
 * (`https:`, `file:`, `data:`, `cid:`) are not local files and are left to the resource checks.
 *
 *   note ──noteAssets──▶ { assets: ref → data URI, problems } ──inlineNoteAssets(html)──▶ html with data URIs
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import mime from 'mime';
import { MarketNoteError } from '../errors/market-note-error.js';
import * as msg from '../errors/messages.js';
import type { NoteSource } from './load-note.js';

/** A reference that cannot be inlined. */
export interface AssetProblem {
  code: 'asset-outside-note' | 'asset-missing';
  message: string;
  hint?: string;
  file: string;
  line: number;
  ref: string;
}

export interface NoteAssets {
  /** Each reference as written in the template (`logo.png`) → its `data:` URI. */
  assets: Map<string, string>;
  problems: AssetProblem[];
}

const SRC = /\bsrc\s*=\s*(["'])([^"'{}<>]*)\1/gi;
const CSS_URL = /\burl\(\s*(["']?)([^"')]*)\1\s*\)/gi;
/** `https:`, `data:`, `cid:`, `file:` … and `//host/…`: not a file of the note folder. */
const NOT_LOCAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;

const cache = new WeakMap<NoteSource, NoteAssets>();

/** Every `(file, line, ref)` of a local reference in the note's templates and note.css. */
function references(note: NoteSource): { file: string; line: number; ref: string }[] {
  const out: { file: string; line: number; ref: string }[] = [];
  const scan = (file: string, text: string, pattern: RegExp) =>
    text.split('\n').forEach((line, i) => {
      for (const m of line.matchAll(pattern)) {
        const ref = m[2].trim();
        if (ref && !NOT_LOCAL.test(ref)) out.push({ file, line: i + 1, ref });
      }
    });
  for (const t of [note.main, ...note.partials]) scan(t.file, t.text, SRC);
  const email = join(note.dir, 'email.hbs');
  if (existsSync(email)) scan(email, readFileSync(email, 'utf8'), SRC);
  scan(join(note.dir, 'note.css'), note.css, CSS_URL);
  return out;
}

const inside = (dir: string, target: string): boolean => {
  const rel = relative(dir, target);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
};

/**
 * The note folder's files its templates point at, as data URIs, and the references that cannot be inlined.
 * @example noteAssets(loadNote('my-note')).assets.get('logo.png') //=> 'data:image/png;base64,iVBORw0…'
 */
export function noteAssets(note: NoteSource): NoteAssets {
  const hit = cache.get(note);
  if (hit) return hit;
  const assets = new Map<string, string>();
  const problems: AssetProblem[] = [];
  const root = existsSync(note.dir) ? realpathSync(note.dir) : resolve(note.dir);
  for (const { file, line, ref } of references(note)) {
    if (assets.has(ref)) continue;
    let path = ref.split(/[?#]/)[0];
    try {
      path = decodeURI(path);
    } catch {
      // not percent-encoded: use it as written
    }
    const target = resolve(note.dir, path);
    const real = existsSync(target) ? realpathSync(target) : target;
    if (isAbsolute(path) || !inside(root, real) || !inside(resolve(note.dir), target)) {
      problems.push({ code: 'asset-outside-note', file, line, ref, ...msg.assetOutsideNote(ref, note.dir) });
    } else if (!existsSync(real) || !statSync(real).isFile()) {
      problems.push({ code: 'asset-missing', file, line, ref, ...msg.assetMissing(ref, note.dir) });
    } else {
      const type = mime.getType(extname(real)) ?? 'application/octet-stream';
      assets.set(ref, `data:${type};base64,${readFileSync(real).toString('base64')}`);
    }
  }
  const result = { assets, problems };
  cache.set(note, result);
  return result;
}

/**
 * Replace each `src="ref"` / `url(ref)` of a note-folder file in `html` by its data URI; throw (template file and
 * line) on the first reference that leaves the note folder or names a missing file.
 * @example inlineNoteAssets('<img src="logo.png">', note) //=> '<img src="data:image/png;base64,…">'
 */
export function inlineNoteAssets(html: string, note: NoteSource): string {
  const { assets, problems } = noteAssets(note);
  const p = problems[0];
  if (p) throw new MarketNoteError('TEMPLATE', p.message, { file: p.file, line: p.line, hint: p.hint });
  if (assets.size === 0) return html;
  const swap = (all: string, q: string, ref: string, make: (uri: string) => string) => {
    const uri = assets.get(ref.trim());
    return uri ? make(uri) : all;
  };
  return html
    .replace(SRC, (all, q: string, ref: string) => swap(all, q, ref, (uri) => `src=${q}${uri}${q}`))
    .replace(CSS_URL, (all, q: string, ref: string) => swap(all, q, ref, (uri) => `url("${uri}")`));
}
