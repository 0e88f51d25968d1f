import { join } from 'node:path';
import { buildCharts, type Figures } from '../charts/build-charts.js';
import type { IsoDate, Market } from '../data/types.js';
import { buildFacts } from '../facts/build-facts.js';
import type { Facts } from '../facts/types.js';
import { loadNote, type NoteSource } from '../note/load-note.js';
import { compileNote } from '../narrative/render-narrative.js';
import type { BrowserSession } from '../render/browser.js';
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
  /** Needed for pdf; a promise so the browser can start while facts and charts are computed. */
  browser?: Promise<BrowserSession> | BrowserSession;
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
  const { facts, figures, html, claims } = await composeNote(o.note, o.market, o.asOf, o.compiled, { allowStale: o.allowStale });
  const base = join(o.outDir, `${o.note.name}-${facts.asOf}`);
  const out = new AtomicOutputs();
  try {
    // The facts, with the judgements and figures each section's sentences read ("why does this sentence say that?").
    out.write(`${base}.facts.json`, factsFileText(facts, claims));
    if (o.formats.includes('html')) out.write(`${base}.html`, html);
    const email = o.formats.includes('email');
    let pdf: Uint8Array | undefined;
    if (o.formats.includes('pdf') || (email && o.email?.attachPdf)) {
      if (!o.browser) throw new Error('buildNote: a browser is needed for the PDF');
      const session = await o.browser;
      pdf = await session.withPage(async (page) => {
        await setHtml(page, html);
        return printPdf(page, pdfOptions(o.note, facts, o.paper));
      });
      if (o.formats.includes('pdf')) out.write(`${base}.pdf`, pdf);
    }
    if (email) {
      if (!o.browser) throw new Error('buildNote: a browser is needed for the e-mail charts');
      const { eml } = await buildEmail(await o.browser, { note: o.note, facts, figures, flags: o.email, pdf: o.email?.attachPdf ? pdf : undefined });
      out.write(`${base}.eml`, eml);
    }
    return { facts, figures, html, files: out.commit() };
  } catch (e) {
    out.abort();
    throw e;
  }
}

export function pdfOptions(note: NoteSource, facts: Facts, paper?: Paper) {
  const c = note.config;
  return {
    paper,
    desk: c.desk,
    title: facts.note.title,
    dateLine: format(parseISO(facts.asOf), 'd MMMM yyyy'),
    metadata: { title: facts.note.title, author: c.author, subject: c.subject ?? facts.note.title, keywords: c.keywords, asOf: facts.asOf },
  };
}

export { loadNote };
