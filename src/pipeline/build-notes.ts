/**
 * The one place the pipeline is assembled: `buildNotes(note, market, runs, options)` builds a note for each run
 * (an as-of date, and a symbol for per-symbol notes), from facts to written files. A single build is a batch of
 * one; `lint`, `audit` and `preview` use it with `mode: 'narrative'` (facts and the narrative HTML, no chart SVG,
 * no browser, nothing written).
 *
 * Many notes of one note type, one browser, one page (performance.md: a fresh page or context per note costs
 * 100–250 ms for nothing; notes are self-contained and printed with JavaScript off and the network blocked, so
 * reusing the page is safe):
 *
 *   compose(d1) ─▶ print(d1) ─────────▶ write(d1)
 *                  compose(d2) ─▶ print(d2) ─────────▶ write(d2)
 *                                 compose(d3) ─▶ …
 *
 * While Chromium prints note n, a worker thread computes the facts and draws the charts of the notes ahead (the
 * largest part of the work; with 2 cores they overlap), and this thread renders and writes. Without the compiled
 * worker script (tests run the TypeScript sources) facts and charts are made in this thread, yielding to the event
 * loop between charts so the print's protocol messages keep flowing. A note that fails is recorded and the others
 * go on.
 */
import { join } from 'node:path';
import { placeholderFigures, type Figures } from '../charts/build-charts.js';
import { drawFigures } from './draw-figures.js';
import { tuneJit } from './jit.js';
import { preloadVega } from '../charts/to-svg.js';
import type { IsoDate, Market } from '../data/types.js';
import { buildFacts } from '../facts/build-facts.js';
import { assertNoWarnings, factsWarnings, type FactsWarning } from '../facts/warnings.js';
import type { Facts } from '../facts/types.js';
import type { NoteSource } from '../note/load-note.js';
import { format } from 'date-fns/format'; // one function's modules, not the whole library's
import { parseISO } from 'date-fns/parseISO';
import { compileNote } from '../narrative/render-narrative.js';
import type { Page } from 'puppeteer-core';
import { BrowserSession, guardPrint, PAGE_USES, PrintFault, printTimeoutMs } from '../render/browser.js';
import type { EmailFlags } from '../email/email.js';
import { loadForPrint, printRawPdf, setPdfMetadata, type Paper, type PdfOptions } from '../render/pdf.js';
import type { Claims } from '../narrative/strict-paths.js';
import { factsFileText, lastClaims, noteTitle, renderNote } from '../render/render-note.js';
import { AtomicOutputs, outputError } from './write-atomic.js';
import { factsWorker, inThreadFacts, type FactsSource } from './facts-worker.js';
import { trace } from '../cli/trace.js';

export type OutputFormat = 'pdf' | 'html' | 'email';

/** One note to build: an as-of date (default: the last date of the data) and, for per-symbol notes, the symbol. */
export interface NoteRun {
  asOf?: IsoDate;
  /** Plays the note's `each` role (note.yaml), e.g. the fund of a fund snapshot. */
  symbol?: string;
}

export interface BuildNotesOptions {
  /** Where the files go (`<note>[-<symbol>]-<as-of>.*`); not needed with `mode: 'narrative'`. */
  outDir?: string;
  /**
   * 'full' (default): facts, charts, HTML, print, write. 'narrative': the facts and the narrative HTML only, with
   * placeholder figures: no chart SVG, no browser, nothing written (for lint and audit).
   */
  mode?: 'full' | 'narrative';
  /** Keep each note's facts, figures and HTML on its outcome (`built[i].note`); off by default so long batches stay flat in memory. */
  keep?: boolean;
  /** Default `['pdf', 'html']`; `<note>-<as-of>.facts.json` is always written. */
  formats?: OutputFormat[];
  paper?: Paper;
  /** A running browser to use (left open); without it one is launched for the batch and closed at the end. */
  browser?: BrowserSession | Promise<BrowserSession>;
  /** Close the browser (`browser` too) once the last note is printed, while that note's files are written. */
  closeBrowserEarly?: boolean;
  /** Templates compiled once for the batch (compiled here when absent). */
  compiled?: (ctx: object) => string;
  email?: EmailFlags & { attachPdf?: boolean };
  /** A date whose facts (or market data) carry a warning fails instead of being written (`build --strict`). */
  strict?: boolean;
  /** Compute facts in a worker thread (default true; falls back to this thread when the worker cannot start). */
  factsWorker?: boolean;
  /** Time limit of one note's print, ms (default: MARKET_NOTE_PRINT_TIMEOUT_S, else 60 s); see guardPrint. */
  printTimeoutMs?: number;
  /** Build dates on which a required series has ended, marking it stale (otherwise those dates fail). */
  allowStale?: boolean;
  /** Called after each run, built or failed, in order (progress bars, memory probes); a built outcome carries its `note` here. */
  onNote?: (outcome: BatchOutcome, index: number, total: number) => void | Promise<void>;
}

/** The options of buildBatch: buildNotes' options with an output folder. */
export type BuildBatchOptions = BuildNotesOptions & { outDir: string };

/** A note built: its facts, figures and HTML, and the claims each section's text read. */
export interface ComposedNote {
  facts: Facts;
  figures: Figures;
  html: string;
  claims: Claims;
}

/** One note built and written. */
export interface BatchNote {
  ok: true;
  asOf: IsoDate;
  symbol?: string;
  files: string[];
  /** Set when the first print failed (a crashed page, a dead or hung browser) and the second, on a fresh page or browser, worked. */
  retried?: string;
  /** The facts, figures and HTML: in `onNote` always, on the result with `keep: true`. */
  note?: ComposedNote;
  /** Wall time from the start of its facts to its files written, ms (overlaps the neighbours'). */
  ms: number;
  /** The facts' warnings (facts/warnings.ts). */
  warnings: FactsWarning[];
}

/** One date that failed; `stage` says where. */
export interface BatchFailure {
  ok: false;
  /** The run's as-of date ('' when it asked for the default). */
  asOf: IsoDate;
  symbol?: string;
  stage: 'compose' | 'print' | 'write';
  error: unknown;
  message: string;
}

export type BatchOutcome = BatchNote | BatchFailure;

export interface BatchResult {
  built: BatchNote[];
  failures: BatchFailure[];
  /** Wall time of the whole batch, browser launch included when the batch launched it, ms. */
  ms: number;
  /** Where the facts were computed: a worker thread, or this thread (also when the worker failed on the way). */
  factsIn: 'worker' | 'thread';
}

interface Composed {
  asOf: IsoDate;
  symbol?: string;
  facts: Facts;
  figures: Figures;
  html: string;
  /** What each section's text read, written into the facts file. */
  claims: Claims;
  started: number;
}

/** What a print gives: the PDF (or, to be finished, Chromium's own PDF and the metadata it is to get) and the e-mail. */
interface Printed {
  pdf?: Uint8Array;
  raw?: { pdf: Uint8Array; metadata: PdfOptions['metadata'] };
  eml?: Uint8Array | string;
}

/** Let queued I/O callbacks (the browser's protocol messages) run before the next stretch of computing. */
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const messageOf = (e: unknown): string => (e instanceof Error ? e.message.split('\n')[0] : String(e));

/** The failure of one run (`asOf` '' when it asked for the default date) at `stage`. */
const failed = (run: { asOf?: IsoDate; symbol?: string | null }, stage: BatchFailure['stage'], error: unknown): BatchFailure => ({
  ok: false,
  asOf: run.asOf ?? '',
  ...(run.symbol ? { symbol: run.symbol } : {}),
  stage,
  error,
  message: messageOf(error),
});

/** Facts, charts and HTML of one note, yielding to the event loop between steps. */
async function compose(note: NoteSource, facts: FactsSource, run: NoteRun, compiled: (ctx: object) => string, narrative: boolean, strict?: { market: Market }): Promise<Composed> {
  const started = performance.now();
  await tick();
  const { facts: f, figures, changes } = await facts.get(run);
  trace(`facts${figures ? ' and charts' : ''} received ${f.asOf}`);
  return drawAndRender(note, f, compiled, started, narrative, figures, changes, strict);
}

/**
 * Charts (unless drawn already) and HTML of one note. `changes`, when the facts source sends them after the facts,
 * is the comparison week computed meanwhile: the facts are complete once it is in, before anything reads them.
 */
async function drawAndRender(
  note: NoteSource,
  facts: Facts,
  compiled: (ctx: object) => string,
  started: number,
  narrative = false,
  drawn?: Figures,
  changes?: Promise<Facts['changes']>,
  strict?: { market: Market },
): Promise<Composed> {
  const asOf = facts.asOf;
  let figures: Figures;
  if (narrative) figures = placeholderFigures(note.config.charts.map((c) => c.id));
  else figures = drawn ?? (await drawFigures(facts, tick)); // drawn in the facts worker, else here (the charts read no changes)
  if (changes) facts.changes = await changes;
  if (strict) assertNoWarnings(facts, strict.market.warnings);
  await tick();
  const html = renderNote(facts, figures, note, compiled);
  trace(`rendered ${asOf}`);
  return { asOf, symbol: facts.symbol ?? undefined, facts, figures, html, claims: lastClaims(compiled), started };
}

/** Facts, charts and the HTML document of one note in this thread (preview, the library's composeNote). */
export async function composeOne(note: NoteSource, market: Market, run: NoteRun = {}, options: { compiled?: (ctx: object) => string; narrative?: boolean } = {}): Promise<ComposedNote> {
  const facts = buildFacts(market, note.config, { asOf: run.asOf, symbol: run.symbol, noteName: note.name });
  const c = await drawAndRender(note, facts, options.compiled ?? compileNote(note), performance.now(), options.narrative);
  return { facts: c.facts, figures: c.figures, html: c.html, claims: c.claims };
}

/** `<note>-<as-of>` or, for a per-symbol note, `<note>-<symbol>-<as-of>`. */
export function outputBase(noteName: string, asOf: IsoDate, symbol?: string | null): string {
  return symbol ? `${noteName}-${symbol}-${asOf}` : `${noteName}-${asOf}`;
}

/** What the print needs from the note: paper, the page's bands and margins, the PDF metadata. */
export function pdfOptions(note: NoteSource, facts: Facts, paper?: Paper): PdfOptions {
  const c = note.config;
  // the season's title (facts.note.title), and the demo market marked on every page
  const title = noteTitle(facts);
  return {
    paper: paper ?? c.page.paper,
    desk: c.desk,
    title: facts.note.title,
    dateLine: `${format(parseISO(facts.asOf), 'd MMMM yyyy')}${facts.data.demo ? ' (demo data)' : ''}`,
    symbol: facts.symbol ?? undefined,
    page: { margins: c.page.margins, header: c.page.header, footer: c.page.footer, logo: c.page.logo },
    metadata: { title, author: c.author, subject: c.subject ?? facts.note.title, keywords: c.keywords, asOf: facts.asOf },
    floatFigures: c.page.floatFigures !== false,
  };
}

/**
 * Build `note` for every date in `asOfDates`: {@link buildNotes} with one run per date.
 * @example (await buildBatch(loadNote(), loadMarket(), ['2025-12-05', '2025-12-12'], { outDir: 'out' })).built.length //=> 2
 */
export function buildBatch(note: NoteSource, market: Market, asOfDates: readonly IsoDate[], opts: BuildBatchOptions): Promise<BatchResult> {
  return buildNotes(note, market, asOfDates.map((asOf) => ({ asOf })), opts);
}

/**
 * Build `note` for every run with ONE browser and ONE reused page (`setContent` + `pdf` per note), writing
 * `<outDir>/<note>[-<symbol>]-<as-of>.*` atomically per note. Failures (bad date, missing data, a print error)
 * are returned with the run and do not stop the others. Each print has a time limit (`printTimeoutMs`); when a
 * print fails, the page is replaced (and the browser too when it died or hung) and the note is printed once more.
 * @example (await buildNotes(loadNote('./my-notes/per-fund'), market, [{ symbol: 'IWM' }, { symbol: 'IJR' }], { outDir: 'out' })).built.length //=> 2
 */
export async function buildNotes(note: NoteSource, market: Market, runs: readonly NoteRun[], opts: BuildNotesOptions = {}): Promise<BatchResult> {
  tuneJit(); // a batch is the longest run: V8's compiler threads would take a core from the print (pipeline/jit.ts)
  const t0 = performance.now();
  const narrative = opts.mode === 'narrative';
  const formats: OutputFormat[] = narrative ? [] : (opts.formats ?? ['pdf', 'html']);
  const total = runs.length;
  if (!narrative && opts.outDir === undefined) throw new TypeError('buildNotes: outDir is needed to write the notes (or use mode: "narrative")');
  const needsBrowser = formats.includes('pdf') || formats.includes('email');
  // a note's PDF metadata and files are done while the next note prints, except with the e-mail edition
  const pipelined = !formats.includes('email');
  const timeoutMs = needsBrowser ? (opts.printTimeoutMs ?? printTimeoutMs()) : 0;
  const own = needsBrowser && !opts.browser ? BrowserSession.launch() : undefined;
  own?.catch(() => undefined);
  const allowStale = opts.allowStale ?? false;
  // the worker starts first and computes the first note's facts while the templates compile here. A batch's
  // worker draws the charts too (this thread prints meanwhile); a single note's charts are drawn here, where Vega
  // loads while the facts are computed, so the two threads share the work instead of queueing it in the worker.
  const chartsInWorker = !narrative && total > 1;
  const facts =
    opts.factsWorker === false ? inThreadFacts(note, market, allowStale) : (factsWorker(note, market, allowStale, { charts: chartsInWorker }) ?? inThreadFacts(note, market, allowStale));
  if (total > 0) facts.prefetch(runs[0]);
  let compiled: (ctx: object) => string;
  try {
    compiled = opts.compiled ?? compileNote(note);
    trace('templates compiled');
    if (!narrative && !chartsInWorker && total > 0) preloadVega();
  } catch (e) {
    await facts.close();
    if (own) await (await own.catch(() => undefined))?.close();
    throw e;
  }
  const built: BatchNote[] = [];
  const failures: BatchFailure[] = [];
  let session: BrowserSession | undefined;
  let page: Page | undefined;

  const start = (i: number): Promise<Composed | BatchFailure> => {
    if (i + 1 < total) facts.prefetch(runs[i + 1]);
    const r = runs[i];
    return compose(note, facts, r, compiled, narrative, opts.strict ? { market } : undefined).catch((error) => failed(r, 'compose', error));
  };

  try {
    // the first note is composed while the browser starts and opens its page
    let next = total > 0 ? start(0) : undefined;
    if (needsBrowser && total > 0) {
      session = await (opts.browser ?? own);
      // the e-mail edition's charts page opens beside the print page, while the first note is composed
      if (formats.includes('email')) session!.prepareSparePage();
      page = await session!.newPage();
      trace('browser page ready');
    }
    // The last note printed, not finished yet: its PDF metadata and files are done while Chromium loads the next
    // one (with the e-mail edition, whose charts Chromium draws, a note is finished within its own print).
    let printed: { c: Composed; result: Printed | undefined; retried?: string; i: number } | undefined;
    const finishPrinted = async () => {
      if (!printed) return;
      const { c, result, retried, i } = printed;
      printed = undefined;
      let outcome: BatchOutcome;
      try {
        const done = write(c, result?.raw ? { ...result, pdf: await setPdfMetadata(result.raw.pdf, result.raw.metadata) } : result);
        outcome = done.ok && retried ? { ...done, retried } : done;
      } catch (error) {
        outcome = failed(c, 'print', error);
      }
      await record(outcome, i);
    };
    const record = async (outcome: BatchOutcome, i: number) => {
      await opts.onNote?.(outcome, i, total);
      if (outcome.ok) {
        if (!opts.keep) delete outcome.note;
        built.push(outcome);
      } else failures.push(outcome);
    };
    for (let i = 0; i < total; i++) {
      const c = await next!;
      if ('ok' in c) {
        next = i + 1 < total ? start(i + 1) : undefined;
        await finishPrinted();
        await record(c, i);
      } else {
        // print note i while note i + 1 is composed: compose starts once the print command is on its way
        let sent!: () => void;
        const whenSent = new Promise<void>((resolve) => (sent = resolve));
        const printing = needsBrowser ? guarded(c, sent) : Promise.resolve(undefined);
        printing.catch(() => undefined).finally(sent);
        await finishPrinted(); // the note before, while Chromium loads this one
        if (needsBrowser) await whenSent;
        next = i + 1 < total ? start(i + 1) : undefined;
        const result: { r?: Printed; retried?: string } | { error: unknown } = await printing.then(
          (r) => ({ r }),
          async (first) => {
            // a dead page or browser is replaced and the note printed once more; a second failure is recorded
            try {
              await recover(first);
              return { r: await guarded(c, () => undefined), retried: messageOf(first) };
            } catch (error) {
              await recover(error).catch(() => undefined); // a working page for the next note
              return { error };
            }
          },
        );
        if ('error' in result) await record(failed(c, 'print', result.error), i);
        else printed = { c, result: result.r, retried: result.retried, i };
        if (!pipelined) await finishPrinted();
      }
      if (page && (i + 1) % PAGE_USES === 0 && i + 1 < total) {
        // the next print opens the fresh page (guarded), so a browser that cannot give one fails that note only
        const old = page;
        page = undefined;
        await old.close().catch(() => undefined);
      }
    }
    // nothing prints after this: the browser ends while the last note's PDF metadata and files are done
    let closing: Promise<void> | undefined;
    if (opts.closeBrowserEarly && session) {
      page = undefined;
      closing = session.close();
      closing.catch(() => undefined);
    }
    await finishPrinted();
    await closing;
  } finally {
    await facts.close();
    await page?.close().catch(() => undefined);
    if (own) await (await own.catch(() => undefined))?.close();
  }
  return { built, failures, ms: performance.now() - t0, factsIn: facts.where() };

  /** Print one note on the batch's page within the time limit; a crash, a closed browser or the limit is a PrintFault. */
  async function guarded(c: Composed, sent: () => void): Promise<Printed> {
    page ??= await session!.newPage();
    const p = page;
    return guardPrint(session!, p, timeoutMs, () => print(c, p, sent));
  }

  /** After a failed print: a fresh browser when it died or hung (the page is gone with it), else a fresh page. */
  async function recover(error: unknown): Promise<void> {
    const old = page;
    page = undefined;
    const kind = error instanceof PrintFault ? error.kind : 'error';
    if (kind === 'timeout' || kind === 'closed' || !session!.alive) await session!.restart();
    else if (old) await Promise.race([old.close().catch(() => undefined), new Promise((r) => setTimeout(r, 5_000).unref())]);
    page = await session!.newPage();
  }

  /**
   * Print one note; `sent()` is called as soon as the print command has gone to the browser. Without the e-mail
   * edition the PDF comes back as Chromium printed it (`raw`): its metadata is set when the note is finished.
   */
  async function print(c: Composed, page: Page, sent: () => void): Promise<Printed> {
    let pdf: Uint8Array | undefined;
    if (formats.includes('pdf') || (formats.includes('email') && opts.email?.attachPdf)) {
      const po = pdfOptions(note, c.facts, opts.paper);
      await loadForPrint(page, c.html, po);
      trace(`loaded and laid out ${c.asOf}`);
      const printing = printRawPdf(page, po);
      sent();
      const raw = await printing;
      trace(`printed ${c.asOf}`);
      if (pipelined) return { raw: { pdf: raw, metadata: po.metadata } };
      pdf = await setPdfMetadata(raw, po.metadata);
    }
    sent();
    let eml: Uint8Array | string | undefined;
    if (formats.includes('email')) {
      const { buildEmail } = await import('../email/email.js'); // e-mail modules load only for the e-mail edition
      eml = (await buildEmail(session!, { note, facts: c.facts, figures: c.figures, flags: opts.email, pdf: opts.email?.attachPdf ? pdf : undefined })).eml;
    }
    return { pdf, eml };
  }

  function write(c: Composed, printed: Printed | undefined): BatchOutcome {
    const composed = { facts: c.facts, figures: c.figures, html: c.html, claims: c.claims };
    const who = c.symbol ? { symbol: c.symbol } : {};
    if (narrative) return { ok: true, asOf: c.asOf, ...who, files: [], note: composed, ms: performance.now() - c.started, warnings: factsWarnings(c.facts) };
    const base = join(opts.outDir!, outputBase(note.name, c.asOf, c.symbol));
    const out = new AtomicOutputs('this note');
    try {
      out.write(`${base}.facts.json`, factsFileText(c.facts, c.claims));
      if (formats.includes('html')) out.write(`${base}.html`, c.html);
      if (formats.includes('pdf') && printed?.pdf) out.write(`${base}.pdf`, printed.pdf);
      if (printed?.eml) out.write(`${base}.eml`, printed.eml);
      const files = out.commit();
      trace(`written ${c.asOf}`);
      return { ok: true, asOf: c.asOf, ...who, files, note: composed, ms: performance.now() - c.started, warnings: factsWarnings(c.facts) };
    } catch (e) {
      out.abort();
      const error = outputError(e, out.failedTarget, 'this note');
      return failed(c, 'write', error);
    }
  }
}
