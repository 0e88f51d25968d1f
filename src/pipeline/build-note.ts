import { join } from 'node:path';
import { buildCharts, type Figures } from '../charts/build-charts.js';
import type { IsoDate, Market } from '../data/types.js';
import { buildFacts } from '../facts/build-facts.js';
import type { Facts } from '../facts/types.js';
import { loadNote, type NoteSource } from '../note/load-note.js';
import { compileNote } from '../narrative/render-narrative.js';
import { BrowserSession } from '../render/browser.js';
import { assertNoWarnings, factsWarnings, type FactsWarning } from '../facts/warnings.js';
import { buildEmail, type EmailFlags } from '../email/email.js';
import { printPdf, setHtml, type Paper } from '../render/pdf.js';
import { factsFileText, lastClaims, renderNote } from '../render/render-note.js';
import { AtomicOutputs } from './write-atomic.js';
import { format, parseISO } from 'date-fns';

export type OutputFormat = 'pdf' | 'html' | 'email';

export interface BuildNoteOptions {
  note: NoteSource;
  market: Market;
  asOf?: IsoDate;
  formats: OutputFormat[];
  outDir: string;
  paper?: Paper;
  /**
   * For pdf and e-mail: a running browser (left open), or a promise of one so it can start while facts and charts
   * are computed. Without it, buildNote launches Chromium itself when a format needs it and closes it at the end.
   */
  browser?: Promise<BrowserSession> | BrowserSession;
  /** Refuse to write anything when the facts (or the market data) carry a warning (`build --strict`). */
  strict?: boolean;
  /** A compiled note, reused across a batch. */
  compiled?: (ctx: object) => string;
  /** E-mail edition: `--from`, `--to`, `--subject` over note.yaml's `email` block; `attachPdf` adds the PDF. */
  email?: EmailFlags & { attachPdf?: boolean };
  /** Build even when a required series ends before the as-of date, marking it stale. */
  allowStale?: boolean;
}

export interface BuiltNote {
  facts: Facts;
  figures: Figures;
  html: string;
  files: string[];
  /** The facts' warnings (see facts/warnings.ts); the note was written all the same unless `strict`. */
  warnings: FactsWarning[];
}

/** Everything that has no browser in it: facts, charts and the HTML document. */
export async function composeNote(note: NoteSource, market: Market, asOf?: IsoDate, compiled: (ctx: object) => string = compileNote(note), options: { allowStale?: boolean } = {}) {
  const facts = buildFacts(market, note.config, { asOf, noteName: note.name, allowStale: options.allowStale });
  const figures = await buildCharts(facts);
  const html = renderNote(facts, figures, note, compiled);
  const claims = lastClaims(compiled);
  return { facts, figures, html, claims };
}

/**
 * Build one note: facts → charts → HTML → PDF, then write `<note>-<as-of>.*` atomically (all files appear
 * together, or none does).
 */
export async function buildNote(o: BuildNoteOptions): Promise<BuiltNote> {
  const needsBrowser = o.formats.includes('pdf') || o.formats.includes('email');
  const own = needsBrowser && !o.browser ? BrowserSession.launch() : undefined;
  own?.catch(() => undefined);
  const browser = o.browser ?? own;
  const out = new AtomicOutputs();
  try {
    const { facts, figures, html, claims } = await composeNote(o.note, o.market, o.asOf, o.compiled, { allowStale: o.allowStale });
    if (o.strict) assertNoWarnings(facts, o.market.warnings);
    const base = join(o.outDir, `${o.note.name}-${facts.asOf}`);
    // The facts, with the judgements and figures each section's sentences read ("why does this sentence say that?").
    out.write(`${base}.facts.json`, factsFileText(facts, claims));
    if (o.formats.includes('html')) out.write(`${base}.html`, html);
    const email = o.formats.includes('email');
    let pdf: Uint8Array | undefined;
    if (o.formats.includes('pdf') || (email && o.email?.attachPdf)) {
      const session = await browser!;
      pdf = await session.withPage(async (page) => {
        await setHtml(page, html);
        return printPdf(page, pdfOptions(o.note, facts, o.paper));
      });
      if (o.formats.includes('pdf')) out.write(`${base}.pdf`, pdf);
    }
    if (email) {
      const { eml } = await buildEmail(await browser!, { note: o.note, facts, figures, flags: o.email, pdf: o.email?.attachPdf ? pdf : undefined });
      out.write(`${base}.eml`, eml);
    }
    return { facts, figures, html, files: out.commit(), warnings: factsWarnings(facts) };
  } catch (e) {
    out.abort();
    throw e;
  } finally {
    if (own) await (await own.catch(() => undefined))?.close();
  }
}

export function pdfOptions(note: NoteSource, facts: Facts, paper?: Paper) {
  const c = note.config;
  return {
    paper,
    desk: c.desk,
    title: facts.note.title,
    dateLine: `${format(parseISO(facts.asOf), 'd MMMM yyyy')}${facts.data.demo ? ' (demo data)' : ''}`,
    metadata: { title: facts.note.title, author: c.author, subject: c.subject ?? facts.note.title, keywords: c.keywords, asOf: facts.asOf },
  };
}

export { loadNote };
