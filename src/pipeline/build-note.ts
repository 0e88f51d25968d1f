import type { Figures } from '../charts/build-charts.js';
import type { IsoDate, Market } from '../data/types.js';
import type { Facts } from '../facts/types.js';
import { loadNote, type NoteSource } from '../note/load-note.js';
import type { BrowserSession } from '../render/browser.js';
import type { EmailFlags } from '../email/email.js';
import type { Paper } from '../render/pdf.js';
import { buildNotes, composeOne, pdfOptions, type OutputFormat } from './build-notes.js';
import type { FactsWarning } from '../facts/warnings.js';

export type { OutputFormat };

export interface BuildNoteOptions {
  note: NoteSource;
  market: Market;
  asOf?: IsoDate;
  /** Per-symbol notes (note.yaml `each`): the symbol this note is about. */
  symbol?: string;
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
  /** A compiled note, reused across calls. */
  compiled?: (ctx: object) => string;
  /** E-mail edition: `--from`, `--to`, `--subject` over note.yaml's `email` block; `attachPdf` adds the PDF. */
  email?: EmailFlags & { attachPdf?: boolean };
  /** Build even when a required series ends before the as-of date, marking it stale. */
  allowStale?: boolean;
  /** Close `browser` as soon as the note is printed (the CLI's single build, which uses it for nothing else). */
  closeBrowserEarly?: boolean;
}

export interface BuiltNote {
  facts: Facts;
  figures: Figures;
  html: string;
  files: string[];
  /** The facts' warnings (see facts/warnings.ts); the note was written all the same unless `strict`. */
  warnings: FactsWarning[];
}

/**
 * Everything that has no browser in it: facts, charts and the HTML document.
 * @example (await composeNote(loadNote(), loadMarket(), '2025-12-12')).facts.asOf //=> '2025-12-12'
 */
export async function composeNote(note: NoteSource, market: Market, asOf?: IsoDate, compiled?: (ctx: object) => string, symbol?: string) {
  return composeOne(note, market, { asOf, symbol }, { compiled });
}

/**
 * Build one note — a batch of one ({@link buildNotes}) — and throw its error if it fails. Writes
 * `<note>[-<symbol>]-<as-of>.*` atomically (all files appear together, or none does).
 * @example (await buildNote({ note: loadNote(), market: loadMarket(), formats: ['html'], outDir: 'out' })).files
 * //=> ['out/weekly-outlook-2025-12-12.facts.json', 'out/weekly-outlook-2025-12-12.html']
 */
export async function buildNote(o: BuildNoteOptions): Promise<BuiltNote> {
  const r = await buildNotes(o.note, o.market, [{ asOf: o.asOf, symbol: o.symbol }], {
    outDir: o.outDir,
    formats: o.formats,
    paper: o.paper,
    browser: o.browser,
    compiled: o.compiled,
    email: o.email,
    strict: o.strict,
    allowStale: o.allowStale,
    keep: true,
    closeBrowserEarly: o.closeBrowserEarly,
  });
  if (r.failures.length) throw r.failures[0].error;
  const b = r.built[0];
  return { ...b.note!, files: b.files, warnings: b.warnings ?? [] };
}

export { loadNote, pdfOptions };
