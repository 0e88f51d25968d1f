import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import juice from 'juice';
import addressparser from 'nodemailer/lib/addressparser/index.js';
import { fail } from '../errors/market-note-error.js';
import * as msg from '../errors/messages.js';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { Figures } from '../charts/build-charts.js';
import type { IsoDate } from '../data/types.js';
import type { Facts } from '../facts/types.js';
import { SHARED_PARTIALS_DIR, type NoteSource } from '../note/load-note.js';
import { compileNote } from '../narrative/render-narrative.js';
import { inlineNoteAssets } from '../note/local-assets.js';
import type { BrowserSession } from '../render/browser.js';
import { escapeHtml } from '../render/html.js';
import { mailText } from './mail-text.js';
import { chartBox, rasterizeCharts, type ChartImage } from './rasterize.js';
import { templateContext } from '../render/render-note.js';

/**
 * The e-mail edition: the note's own templates rendered with each chart as a PNG `<img src="cid:…">`, the CSS
 * inlined by juice, a plain-text version derived from that HTML, and one MIME message (.eml) holding both plus
 * the chart PNGs (and the PDF if asked). Same inputs → same bytes: boundary and Message-ID come from the note
 * name and as-of date, the Date header is the as-of date.
 *
 *   facts + figures ──renderEmail──▶ { html, text, charts } ──rasterizeCharts──▶ PNGs ──composeEml──▶ .eml
 */

/** Width of the message column (px) and of the charts inside it. */
export const EMAIL_WIDTH = 640;
export const CHART_WIDTH = 600;
/** Space between two key-figure cells (px). */
const KF_GAP = 8;

/** What `--from`, `--to` and `--subject` may override. */
export interface EmailFlags {
  from?: string;
  to?: string[];
  subject?: string;
}

/** Sender, recipients, subject and PDF link of one message. */
export interface EmailSettings {
  from?: string;
  to: string[];
  subject: string;
  /** Link to the PDF edition, with `{note}` and `{asOf}` filled in. */
  pdfUrl?: string;
}

/** The rendered e-mail body: inlined HTML, plain text and the charts it shows, in document order. */
export interface EmailBody {
  html: string;
  text: string;
  charts: { id: string; cid: string; width: number; height: number; alt: string }[];
}

/**
 * note.yaml's `email` block with the flags on top; the subject falls back to the note title.
 * @example emailSettings(note, '2025-12-12', { to: ['desk@example.com'] }).to //=> ['desk@example.com']
 */
export function emailSettings(note: NoteSource, asOf: IsoDate, flags: EmailFlags = {}): EmailSettings {
  const c = note.config.email ?? {};
  const fill = (s: string) => s.replaceAll('{note}', note.name).replaceAll('{asOf}', asOf);
  return {
    from: flags.from ?? c.from,
    to: flags.to ?? c.to ?? [],
    subject: flags.subject ?? c.subject ?? note.config.title,
    pdfUrl: c.pdfUrl ? fill(c.pdfUrl) : undefined,
  };
}

/**
 * Check before anything is built that the message will have a sender and at least one recipient, each an e-mail
 * address (flags over note.yaml's `email` block), so `send` will not refuse it later.
 * @example requireEmailAddresses(note, { from: 'desk@example.com', to: ['a@example.com'] }) // passes; without them: throws naming --mail-from
 */
export function requireEmailAddresses(note: NoteSource, flags: EmailFlags = {}): void {
  const c = note.config.email ?? {};
  const check = (role: 'sender' | 'recipient', raw: string, origin: 'flag' | 'note.yaml') => {
    const parsed = addressparser(raw, { flatten: true });
    if (parsed.length !== 1 || !/^[^\s@]+@[^\s@]+$/.test(parsed[0].address ?? '')) {
      const p = msg.badMailAddress(role, raw, origin);
      fail('CONFIG', p.message, { hint: p.hint, file: origin === 'note.yaml' ? join(note.dir, 'note.yaml') : undefined });
    }
  };
  const from = flags.from ?? c.from;
  if (!from?.trim()) fail('CONFIG', msg.noMailFrom().message, { hint: msg.noMailFrom().hint });
  check('sender', from, flags.from !== undefined ? 'flag' : 'note.yaml');
  const to = (flags.to ?? c.to ?? []).filter((t) => t.trim());
  if (to.length === 0) fail('CONFIG', msg.noMailTo().message, { hint: msg.noMailTo().hint });
  for (const t of to) check('recipient', t, flags.to !== undefined ? 'flag' : 'note.yaml');
}

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * The Content-ID of one chart: stable for a note, date and figure.
 * @example contentId('weekly-outlook', '2025-12-12', 'ytd') //=> 'ytd.weekly-outlook.2025-12-12@market-note'
 */
export function contentId(note: string, asOf: IsoDate, figureId: string): string {
  return `${figureId}.${note}.${asOf}@market-note`;
}

/** email.hbs of the note, or the shared one (assets/email/) when it has none; the shared email.css, then the note's own (which may add or override rules). */
function emailTemplates(note: NoteSource): { main: { file: string; text: string }; css: string } {
  const own = join(note.dir, 'email.hbs');
  const file = existsSync(own) ? own : join(SHARED_EMAIL_DIR, 'email.hbs');
  const css = `${readFileSync(join(SHARED_EMAIL_DIR, 'email.css'), 'utf8')}${note.emailCss ? `\n${note.emailCss}` : ''}`;
  return { main: { file, text: readFileSync(file, 'utf8') }, css };
}

/** The e-mail shell of notes without their own email.hbs / email.css. */
const SHARED_EMAIL_DIR = resolve(SHARED_PARTIALS_DIR, '../email');

const compiled = new WeakMap<NoteSource, (ctx: object) => string>();

/** email.hbs as the main template, with note.hbs available to it as the partial `note-main`. */
function compileEmail(note: NoteSource, main: { file: string; text: string }): (ctx: object) => string {
  let fn = compiled.get(note);
  if (!fn) {
    fn = compileNote({ ...note, main, partials: [...note.partials, { name: 'note-main', file: note.main.file, text: note.main.text }] });
    compiled.set(note, fn);
  }
  return fn;
}

/** Number the figure titles in document order, as the PDF's CSS counter does ("Figure 1.", "Figure 2.", …). */
function numberFigures(html: string): string {
  let n = 0;
  return html.replace(/<span class="fig-no">Figure #\.<\/span>/g, () => `<span class="fig-no">Figure ${++n}.</span>`);
}

/**
 * The key figures strip (`<section class="key-figures">` of `<div class="kf">` cells) as a one-row table, the
 * layout every e-mail client keeps; the cells' content is left as the partial wrote it.
 * @example keyFiguresTable('<section class="key-figures"><div class="kf">A</div></section>') //=> '<table role="presentation" class="kf-table" …><tr><td class="kf-cell" width="600">A</td></tr></table>'
 */
export function keyFiguresTable(html: string): string {
  return html.replace(/<section class="key-figures"[^>]*>([\s\S]*?)<\/section>/, (all, inner: string) => {
    const cells = [...inner.matchAll(/<div class="kf">([\s\S]*?)<\/div>/g)].map((m) => m[1].trim());
    if (cells.length === 0) return all;
    const w = Math.floor((CHART_WIDTH - KF_GAP * (cells.length - 1)) / cells.length);
    const tds = cells.map((c) => `<td class="kf-cell" width="${w}">${c}</td>`).join(`<td class="kf-gap" width="${KF_GAP}">&nbsp;</td>`);
    return `<table role="presentation" class="kf-table" width="${CHART_WIDTH}" cellpadding="0" cellspacing="0" border="0"><tr>${tds}</tr></table>`;
  });
}

/**
 * The e-mail HTML (CSS inlined; only the @media rules stay in a `<style>` tag) and its plain-text version, from
 * the note's templates. No browser: each chart is an `<img src="cid:…" width height alt>` to be rasterised later.
 * @example renderEmail(facts, figures, note, emailSettings(note, facts.asOf)).charts[0] //=> { id: 'ytd', cid: 'ytd.weekly-outlook.2025-12-12@market-note', width: 600, height: 197, alt: '…' }
 */
export function renderEmail(facts: Facts, figures: Figures, note: NoteSource, settings: EmailSettings): EmailBody {
  const tpl = emailTemplates(note);
  const boxes = new Map<string, { cid: string; width: number; height: number; alt: string }>();
  const emailFigures: Record<string, object> = {};
  for (const [key, fig] of Object.entries(figures)) {
    const box = chartBox(fig.svg, CHART_WIDTH);
    const cid = contentId(note.name, facts.asOf, fig.id);
    boxes.set(cid, { cid, ...box, alt: fig.alt });
    const img = `<img class="chart-img" src="cid:${cid}" width="${box.width}" height="${box.height}" alt="${escapeHtml(fig.alt)}" border="0">`;
    emailFigures[key] = { ...fig, svg: img, img };
  }
  const ctx = { ...templateContext(facts, emailFigures as unknown as Figures, note), email: { css: tpl.css, pdfUrl: settings.pdfUrl ?? null } };
  const html = inlineNoteAssets(keyFiguresTable(numberFigures(compileEmail(note, tpl.main)(ctx).trim())), note);
  const inlined = juice(html, {
    removeStyleTags: true,
    preserveMediaQueries: true,
    preserveFontFaces: false,
    preserveImportant: true,
    applyWidthAttributes: false,
    applyHeightAttributes: false,
    applyAttributesTableElements: true,
    inlinePseudoElements: false,
    resolveCSSVariables: true,
  });
  const used = [...new Set([...inlined.matchAll(/src="cid:([^"]+)"/g)].map((m) => m[1]))];
  const charts = used.map((cid) => {
    const b = boxes.get(cid);
    if (!b) throw new Error(`renderEmail: the template shows an image cid:${cid} that is not a chart of this note`);
    const id = Object.values(figures).find((f) => contentId(note.name, facts.asOf, f.id) === cid)?.id ?? cid;
    return { id, ...b };
  });
  return { html: inlined, text: mailText(html), charts };
}

/** Everything the .eml holds. */
export interface EmlInput {
  note: string;
  asOf: IsoDate;
  settings: EmailSettings;
  body: EmailBody;
  images: ChartImage[];
  pdf?: Uint8Array;
}

/**
 * The MIME message: multipart/alternative (text, then multipart/related HTML + inline PNGs by Content-ID), inside
 * multipart/mixed when the PDF is attached. Boundary, Message-ID and Date depend only on note, as-of and sender.
 * @example (await composeEml({ note: 'weekly-outlook', asOf: '2025-12-12', settings, body, images })).toString().match(/^Date: .*$/m)[0] //=> 'Date: Fri, 12 Dec 2025 12:00:00 +0000'
 */
export async function composeEml(input: EmlInput): Promise<Buffer> {
  const { note, asOf, settings, body } = input;
  const key = hash(`${note}\n${asOf}`);
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(settings.from ?? '')?.[1] ?? 'market-note.invalid';
  const png = new Map(input.images.map((i) => [i.id, i.png]));
  const attachments = body.charts.map((c) => {
    const content = png.get(c.id);
    if (!content) throw new Error(`composeEml: no PNG for chart ${c.id}`);
    return { filename: `${c.id}.png`, content, contentType: 'image/png', cid: c.cid, contentDisposition: 'inline' as const };
  });
  const files = input.pdf ? [{ filename: `${note}-${asOf}.pdf`, content: Buffer.from(input.pdf), contentType: 'application/pdf' }] : [];
  const mail = new MailComposer({
    from: settings.from,
    to: settings.to.length ? settings.to : undefined,
    subject: settings.subject,
    date: new Date(`${asOf}T12:00:00Z`),
    messageId: `<${note}.${asOf}.${key.slice(0, 16)}@${domain}>`,
    text: body.text,
    html: body.html,
    attachments: [...attachments, ...files],
    disableFileAccess: true,
    disableUrlAccess: true,
    newline: '\r\n', // CRLF everywhere, as on the wire (the text part would otherwise keep bare LFs)
    baseBoundary: key.slice(16, 32),
    boundaryPrefix: '--_market-note',
  } as ConstructorParameters<typeof MailComposer>[0]);
  return new Promise<Buffer>((resolve, reject) => mail.compile().build((err, msg) => (err ? reject(err) : resolve(msg))));
}

export interface BuildEmailInput {
  note: NoteSource;
  facts: Facts;
  figures: Figures;
  flags?: EmailFlags;
  /** The PDF to attach (`--attach-pdf`). */
  pdf?: Uint8Array;
}

export interface EmailEdition {
  eml: Buffer;
  body: EmailBody;
  images: ChartImage[];
  settings: EmailSettings;
}

/**
 * Render the e-mail, rasterise the charts it shows (one page, 2×) and compose the .eml.
 * @example writeFileSync('note.eml', (await buildEmail(session, { note, facts, figures, flags: { to: ['desk@example.com'] } })).eml)
 */
export async function buildEmail(session: BrowserSession, input: BuildEmailInput): Promise<EmailEdition> {
  const settings = emailSettings(input.note, input.facts.asOf, input.flags);
  const body = renderEmail(input.facts, input.figures, input.note, settings);
  const svgOf = new Map(Object.values(input.figures).map((f) => [f.id, f.svg]));
  const images = await rasterizeCharts(
    session,
    body.charts.map((c) => ({ id: c.id, svg: svgOf.get(c.id) as string, width: c.width, height: c.height })),
  );
  const eml = await composeEml({ note: input.note.name, asOf: input.facts.asOf, settings, body, images, pdf: input.pdf });
  return { eml, body, images, settings };
}
