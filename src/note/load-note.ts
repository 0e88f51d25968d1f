import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { fail } from '../errors/market-note-error.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../facts/judgements/thresholds.js';

/** The project's own templates folder (templates/ beside src/ or dist/). */
export const TEMPLATES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../templates');

const scaleSchema = z.union([
  z.enum(['traditional', 'traditional-pre2022']),
  z.object({ fixed: z.number().positive() }).strict(),
  z.object({ percent: z.number().positive() }).strict(),
]);

const noteConfigSchema = z
  .object({
    title: z.string(),
    /** Titles per season: `thisYear` before `thresholds.nextYearFromMonth` (October), `nextYear` from then on; `title` otherwise. */
    titles: z.object({ thisYear: z.string().optional(), nextYear: z.string().optional() }).strict().optional(),
    standfirst: z.string().optional(),
    desk: z.string(),
    author: z.string().default('market-note'),
    subject: z.string().optional(),
    keywords: z.array(z.string()).default([]),
    disclaimer: z.string(),
    roles: z
      .object({
        largeCap: z.string(),
        smallCap: z.string(),
        yield: z.string(),
        smallFund: z.string(),
        largeFund: z.string(),
        marketBenchmark: z.string(),
        universe: z.string().optional(),
      })
      .strict(),
    pnf: z
      .record(
        z.string(),
        z.object({ scale: scaleSchema, method: z.enum(['highlow', 'close']).optional(), reversal: z.number().int().min(1).optional() }).strict(),
      )
      .default({}),
    peers: z.record(z.string(), z.union([z.string(), z.array(z.string()).min(1)])).default({}),
    sizeGroups: z.record(z.string(), z.array(z.string())).default({}),
    settings: z
      .object({
        ratePeakWindow: z.number().int().positive().default(200),
        correlationWindow: z.number().int().positive().default(126),
        scoreDirectionWindow: z.number().int().positive().default(126),
      })
      .strict()
      .default({}),
    /** Overrides of the judgement thresholds (src/facts/judgements/thresholds.ts, docs/metrics.md "Judgements"). */
    thresholds: z
      .object(Object.fromEntries(Object.keys(DEFAULT_THRESHOLDS).map((k) => [k, z.number().finite().optional()])) as Record<keyof Thresholds, z.ZodOptional<z.ZodNumber>>)
      .strict()
      .optional(),
    email: z
      .object({ from: z.string().optional(), to: z.array(z.string()).optional(), subject: z.string().optional(), pdfUrl: z.string().optional() })
      .strict()
      .default({}),
  })
  .strict();

export type NoteConfig = z.infer<typeof noteConfigSchema>;

/** A note on disk: its config, main template, partials and CSS, each with the file it came from. */
export interface NoteSource {
  name: string;
  dir: string;
  config: NoteConfig;
  main: { file: string; text: string };
  partials: { name: string; file: string; text: string }[];
  css: string;
  emailCss: string;
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
  let raw: unknown;
  try {
    raw = parseYaml(read('note.yaml'));
  } catch (e) {
    const line = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    fail('BAD_YAML', `note.yaml is not valid YAML: ${(e as Error).message.split('\n')[0]}`, { file: yamlFile, line, cause: e });
  }
  const parsed = noteConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail('CONFIG', `note.yaml: ${issue.path.join('.') || '(root)'}: ${issue.message}`, {
      file: yamlFile,
      hint: 'Fix that key; docs/templates.md lists what note.yaml may hold.',
    });
  }
  const partialsDir = join(dir, 'partials');
  const partials = existsSync(partialsDir)
    ? readdirSync(partialsDir)
        .filter((f) => f.endsWith('.hbs'))
        .sort()
        .map((f) => ({ name: basename(f, '.hbs'), file: join(partialsDir, f), text: readFileSync(join(partialsDir, f), 'utf8') }))
    : [];
  return {
    name: basename(dir),
    dir,
    config: parsed.data,
    main: { file: join(dir, 'note.hbs'), text: read('note.hbs') },
    partials,
    css: read('note.css'),
    emailCss: read('email.css', false),
  };
}
