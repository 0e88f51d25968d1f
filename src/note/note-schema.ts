/**
 * The note.yaml schema: what a note folder declares (titles, roles, fact sections, charts, page, e-mail), checked
 * with zod and normalised into the `NoteConfig` facts read plus the page and e-mail settings the pipeline reads.
 * docs/templates.md lists every key.
 */
import { z } from 'zod';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../facts/judgements/thresholds.js';
import { CHART_KINDS, SECTION_NAMES, type ChartRequest, type NoteConfig, type SectionName, type SectionRequest } from '../config/note-config.js';

const scaleSchema = z.union([
  z.enum(['traditional', 'traditional-pre2022']),
  z.object({ fixed: z.number().positive() }).strict(),
  z.object({ percent: z.number().positive() }).strict(),
]);

/** `fund: IWM`, or `peer: { series: IJR, optional: true }` for a role that may be missing from the market. */
const roleSchema = z.union([z.string().min(1), z.object({ series: z.string().min(1), optional: z.boolean().default(false) }).strict()]);

/** `- pnf` (the weekly outlook's roles) or `- pnf: [fund]` (the roles named). */
const sectionSchema = z.union([
  z.enum(SECTION_NAMES),
  z
    .record(z.enum(SECTION_NAMES), z.array(z.string().min(1)))
    .refine((o) => Object.keys(o).length === 1, { message: 'one section per list item, e.g. `- pnf: [fund]`' }),
]);

const chartSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z][\w-]*$/, 'a chart id is a word: letters, digits, - and _'),
    kind: z.enum(CHART_KINDS),
    series: z.union([z.string(), z.array(z.string())]).optional(),
    window: z.number().int().positive().optional(),
  })
  .strict();

/** A CSS length for the page margins: `18mm`, `0.75in`, `1cm`, `40px`. */
const length = z.string().regex(/^\d+(\.\d+)?(mm|cm|in|px)$/, 'a length such as 18mm, 1cm or 0.75in');

const bandSchema = z.object({ left: z.string().optional(), right: z.string().optional() }).strict();

const pageSchema = z
  .object({
    paper: z.enum(['A4', 'Letter']).optional(),
    margins: z.object({ top: length.optional(), bottom: length.optional(), left: length.optional(), right: length.optional() }).strict().default({}),
    header: bandSchema.default({}),
    footer: bandSchema.default({}),
    /** An image file in the note folder (PNG, JPEG or SVG), inlined into the document and the header band. */
    logo: z.string().optional(),
    /** Move a figure that does not fit at the foot of a page to the next one and let the text after it fill the space (default true; see render/page-flow.ts). */
    floatFigures: z.boolean().optional(),
  })
  .strict()
  .default({});

export const noteFileSchema = z
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
    roles: z.record(z.string().regex(/^[A-Za-z]\w*$/, 'a role name is a word: letters, digits and _'), roleSchema),
    each: z.string().optional(),
    sections: z.array(sectionSchema).optional(),
    charts: z.array(chartSchema).optional(),
    page: pageSchema,
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

export type NoteFile = z.infer<typeof noteFileSchema>;

/** Page setup of a note: paper, margins, header and footer text (with `{title}`, `{desk}`, `{date}`, `{symbol}`, `{page}`, `{pages}`), logo. */
export interface PageSetup {
  paper?: 'A4' | 'Letter';
  margins: { top: string; bottom: string; left: string; right: string };
  header: { left: string; right: string };
  footer: { left: string; right: string };
  /** The logo as a data: URL, or null. */
  logo: string | null;
  /** Figures float to the next page when they do not fit, the text after them filling the space (default true). */
  floatFigures?: boolean;
}

/** The whole note.yaml once read: facts config plus titles, page and e-mail settings. */
export interface NoteFileConfig extends NoteConfig {
  title: string;
  standfirst?: string;
  desk: string;
  author: string;
  subject?: string;
  keywords: string[];
  disclaimer: string;
  page: PageSetup;
  email: NoteFile['email'];
}

/** The sections of a note that declares none: the weekly outlook's. */
export const DEFAULT_SECTIONS: SectionName[] = ['lead', 'pnf', 'rs', 'rates', 'correlation', 'seasonal', 'breadth', 'score', 'ranking', 'changes'];

/** The charts of a note that declares none: the weekly outlook's, each with its kind as id. */
export const DEFAULT_CHARTS: ChartRequest[] = ['ytd', 'pnf', 'score', 'breadth', 'rates', 'correlation', 'seasonal'].map((k) => ({ id: k, kind: k as ChartRequest['kind'] }));

export const DEFAULT_PAGE: Omit<PageSetup, 'logo' | 'paper'> = {
  margins: { top: '20mm', bottom: '18mm', left: '16mm', right: '16mm' },
  header: { left: '{desk}', right: '{title} · {date}' },
  footer: { left: '{desk} · data through {date}', right: 'page {page} of {pages}' },
};

/** note.yaml (parsed and checked) → the config; `logo` turns the page's logo file name into a data: URL. */
export function normaliseNote(file: NoteFile, logo: (name: string) => string): NoteFileConfig {
  const roles: Record<string, string> = {};
  const optionalRoles: string[] = [];
  for (const [role, v] of Object.entries(file.roles)) {
    if (typeof v === 'string') roles[role] = v;
    else {
      roles[role] = v.series;
      if (v.optional) optionalRoles.push(role);
    }
  }
  const sections: SectionRequest[] = (file.sections ?? DEFAULT_SECTIONS).map((s) => {
    // the weekly outlook's "what changed" reports on the P&F charts its text reads: the fund's and the yield's
    const follows = ['smallFund', 'yield'].filter((r) => r in file.roles);
    if (typeof s === 'string') return !file.sections && s === 'changes' && follows.length ? { name: s, roles: follows } : { name: s };
    const [name, list] = Object.entries(s)[0] as [SectionName, string[]];
    return { name, roles: list };
  });
  const charts: ChartRequest[] = (file.charts ?? DEFAULT_CHARTS).map((c) => ({
    id: c.id,
    kind: c.kind,
    ...(c.series !== undefined ? { series: Array.isArray(c.series) ? c.series : [c.series] } : {}),
    ...(c.window !== undefined ? { window: c.window } : {}),
  }));
  const p = file.page;
  return {
    title: file.title,
    ...(file.titles ? { titles: file.titles } : {}),
    standfirst: file.standfirst,
    desk: file.desk,
    author: file.author,
    subject: file.subject,
    keywords: file.keywords,
    disclaimer: file.disclaimer,
    roles,
    optionalRoles,
    each: file.each,
    sections,
    charts,
    pnf: file.pnf,
    peers: file.peers,
    sizeGroups: file.sizeGroups,
    settings: file.settings,
    ...(file.thresholds ? { thresholds: file.thresholds } : {}),
    email: file.email,
    page: {
      paper: p.paper,
      margins: { ...DEFAULT_PAGE.margins, ...stripUndefined(p.margins) },
      header: { ...DEFAULT_PAGE.header, ...stripUndefined(p.header) },
      footer: { ...DEFAULT_PAGE.footer, ...stripUndefined(p.footer) },
      logo: p.logo ? logo(p.logo) : null,
      ...(p.floatFigures !== undefined ? { floatFigures: p.floatFigures } : {}),
    },
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Role names a note's sections and charts read that note.yaml does not define, each with where it is used;
 * `each` must be a role too. Empty when every name resolves.
 * @example undefinedRoles({ roles: { fund: 'IWM' }, sections: [{ name: 'pnf', roles: ['fund', 'bench'] }], charts: [] }) //=> [{ role: 'bench', where: 'sections: pnf', path: ['sections', 0] }]
 */
export function undefinedRoles(c: Pick<NoteConfig, 'roles' | 'sections' | 'charts' | 'each'>): { role: string; where: string; path: (string | number)[] }[] {
  const out: { role: string; where: string; path: (string | number)[] }[] = [];
  const check = (role: string, where: string, path: (string | number)[]) => {
    if (!(role in c.roles)) out.push({ role, where, path });
  };
  c.sections.forEach((s, i) => {
    for (const r of s.roles ?? []) for (const part of r.split('/')) check(part, `sections: ${s.name}`, ['sections', i]);
  });
  c.charts.forEach((ch, i) => {
    for (const r of ch.series ?? []) check(r, `charts: ${ch.id}`, ['charts', i]);
  });
  if (c.each !== undefined) check(c.each, 'each', ['each']);
  return out;
}
