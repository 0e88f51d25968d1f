import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, type Document, type LineCounter } from 'yaml';
import { fail } from '../errors/market-note-error.js';
import { cachedYamlValue } from '../config/yaml-cache.js';
import { normaliseNote, noteFileSchema, undefinedRoles, type NoteFileConfig } from './note-schema.js';

/** The project's own templates folder (templates/ beside src/ or dist/). */
export const TEMPLATES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../templates');

/** Partials every note gets (`figure`, …); a note's own partial of the same name replaces one. */
export const SHARED_PARTIALS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../assets/partials');

/** The house stylesheet every note starts from (assets/house.css), read once. */
let house: string | undefined;
function houseCss(): string {
  return (house ??= readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../assets/house.css'), 'utf8'));
}

export type { NoteConfig } from '../config/note-config.js';
export type { NoteFileConfig, PageSetup } from './note-schema.js';

/** A note on disk: its config, main template, partials and CSS, each with the file it came from. */
export interface NoteSource {
  name: string;
  dir: string;
  config: NoteFileConfig;
  main: { file: string; text: string };
  /** The note's partials, then the shared ones it does not override (`shared: true`). */
  partials: { name: string; file: string; text: string; shared?: boolean }[];
  css: string;
  emailCss: string;
  /** The house look (assets/house.css), applied before the note's own note.css. */
  houseCss: string;
}

/** Resolve `--note NAME|DIR`: a folder path, or a note name under the project's templates/. */
export function resolveNoteDir(note = 'weekly-outlook'): string {
  if (existsSync(note) && statSync(note).isDirectory()) return resolve(note);
  const dir = join(TEMPLATES_DIR, note);
  if (existsSync(dir)) return dir;
  const known = existsSync(TEMPLATES_DIR) ? readdirSync(TEMPLATES_DIR).join(', ') : 'none';
  return fail('CONFIG', `no note named "${note}"`, { hint: `Use one of: ${known}, or give the path of a note folder.` });
}

/** Read a note folder: note.yaml, note.hbs, partials/*.hbs, note.css, email.css. */
export function loadNote(note = 'weekly-outlook'): NoteSource {
  const dir = resolveNoteDir(note);
  const read = (f: string, required = true): string => {
    const p = join(dir, f);
    if (!existsSync(p)) {
      if (!required) return '';
      fail('MISSING_FILE', `the note has no ${f}`, { file: p, hint: 'A note folder holds note.yaml, note.hbs, partials/ and note.css.' });
    }
    return readFileSync(p, 'utf8');
  };
  const yamlFile = join(dir, 'note.yaml');
  const text = read('note.yaml');
  const { value, document } = cachedYamlValue(text, 'note.yaml', { prettyErrors: false }, ({ doc }) => {
    if (doc.errors.length) {
      const e = doc.errors[0];
      fail('BAD_YAML', `note.yaml is not valid YAML: ${e.message.split('\n')[0]}`, { file: yamlFile, line: e.linePos?.[0]?.line, cause: e });
    }
    return doc.toJS();
  });
  const line = (path: (string | number)[]) => lineOf(document().doc, document().lines, path);
  const parsed = noteFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail('CONFIG', `note.yaml: ${issue.path.join('.') || '(root)'}: ${issue.message}`, {
      file: yamlFile,
      line: line(issue.path),
      hint: 'Fix that key; docs/templates.md lists what note.yaml may hold.',
    });
  }
  const config = normaliseNote(parsed.data, (name) => inlineImage(dir, name, yamlFile, line(['page', 'logo'])));
  const unknown = undefinedRoles(config)[0];
  if (unknown) {
    fail('CONFIG', `note.yaml: ${unknown.where} reads the role "${unknown.role}", which roles does not define`, {
      file: yamlFile,
      line: line(unknown.path),
      hint: `Add \`${unknown.role}: SYMBOL\` under roles, or use one of: ${Object.keys(config.roles).join(', ')}.`,
    });
  }
  const partialsDir = join(dir, 'partials');
  const partials = existsSync(partialsDir)
    ? readdirSync(partialsDir)
        .filter((f) => f.endsWith('.hbs'))
        .sort()
        .map((f) => ({ name: basename(f, '.hbs'), file: join(partialsDir, f), text: readFileSync(join(partialsDir, f), 'utf8') }))
    : [];
  for (const shared of sharedPartials()) if (!partials.some((p) => p.name === shared.name)) partials.push(shared);
  return {
    name: basename(dir),
    dir,
    config,
    main: { file: join(dir, 'note.hbs'), text: read('note.hbs') },
    partials,
    css: read('note.css'),
    emailCss: read('email.css', false),
    houseCss: houseCss(),
  };
}

/** The shared partials (assets/partials/*.hbs). */
export function sharedPartials(): { name: string; file: string; text: string; shared: true }[] {
  if (!existsSync(SHARED_PARTIALS_DIR)) return [];
  return readdirSync(SHARED_PARTIALS_DIR)
    .filter((f) => f.endsWith('.hbs'))
    .sort()
    .map((f) => ({ name: basename(f, '.hbs'), file: join(SHARED_PARTIALS_DIR, f), text: readFileSync(join(SHARED_PARTIALS_DIR, f), 'utf8'), shared: true as const }));
}

/** Line (1-based) of the deepest key of `path` that exists in the YAML document. */
function lineOf(doc: Document, lines: LineCounter, path: (string | number)[]): number | undefined {
  for (let n = path.length; n > 0; n--) {
    const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
    if (isMap(parent)) {
      const pair = parent.items.find((it) => (it.key as { value?: unknown } | null)?.value === path[n - 1]);
      const range = (pair?.key as { range?: number[] } | undefined)?.range;
      if (range) return lines.linePos(range[0]).line;
    }
    const node = doc.getIn(path.slice(0, n), true) as { range?: number[] } | undefined;
    if (node?.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

const IMAGE_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', svg: 'image/svg+xml', webp: 'image/webp' };

/** An image file of the note folder as a data: URL (the document stays self-contained: no file or network reads). */
function inlineImage(dir: string, name: string, yamlFile: string, line: number | undefined): string {
  const ext = name.split('.').pop()?.toLowerCase() ?? '';
  const type = IMAGE_TYPES[ext];
  if (!type) fail('CONFIG', `note.yaml: page.logo: "${name}" is not a PNG, JPEG, WebP or SVG file`, { file: yamlFile, line, hint: 'Give an image file of the note folder.' });
  const p = resolve(dir, name);
  if (!p.startsWith(resolve(dir)) || !existsSync(p)) {
    fail('MISSING_FILE', `note.yaml: page.logo: the note folder has no ${name}`, { file: yamlFile, line, hint: `Put the image in ${dir}, or remove page.logo.` });
  }
  return `data:${type};base64,${readFileSync(p).toString('base64')}`;
}
