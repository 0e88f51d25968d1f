/**
 * Many notes of one note type, one browser, one page (performance.md: a fresh page or context per note costs
 * 100–250 ms for nothing; notes are self-contained and printed with JavaScript off and the network blocked, so
 * reusing the page is safe):
 *
 *   compose(d1) ─▶ print(d1) ─────────▶ write(d1)
 *                  compose(d2) ─▶ print(d2) ─────────▶ write(d2)
 *                                 compose(d3) ─▶ …
 *
 * While Chromium prints note n, Node computes the facts and charts of note n + 1 (they yield to the event loop
 * between steps so the print's protocol messages keep flowing). A note that fails is recorded and the others go on.
 */
import { join } from 'node:path';
import { chartPlans, type Figures } from '../charts/build-charts.js';
import { toSvg } from '../charts/to-svg.js';
import type { IsoDate, Market } from '../data/types.js';
import { buildFacts } from '../facts/build-facts.js';
import type { Facts } from '../facts/types.js';
import type { NoteSource } from '../narrative/load-note.js';
import { compileNote } from '../narrative/render-narrative.js';
import type { Page } from 'puppeteer-core';
import { BrowserSession } from './browser.js';
import { pdfOptions, type OutputFormat } from './build-note.js';
import { buildEmail, type EmailFlags } from './email.js';
import { printPdf, setHtml, type Paper } from './pdf.js';
import { renderNote } from './render-note.js';
import { AtomicOutputs } from './write-atomic.js';

export interface BuildBatchOptions {
  outDir: string;
  /** Default `['pdf', 'html']`; `<note>-<as-of>.facts.json` is always written. */
  formats?: OutputFormat[];
  paper?: Paper;
  /** A running browser to use (left open); without it one is launched for the batch and closed at the end. */
  browser?: BrowserSession | Promise<BrowserSession>;
  /** Templates compiled once for the batch (compiled here when absent). */
  compiled?: (ctx: object) => string;
  email?: EmailFlags & { attachPdf?: boolean };
  /** Called after each date, built or failed, in date order (progress bars, memory probes). */
  onNote?: (outcome: BatchOutcome, index: number, total: number) => void | Promise<void>;
}

/** One note built and written. */
export interface BatchNote {
  ok: true;
  asOf: IsoDate;
  files: string[];
  /** Wall time from the start of its facts to its files written, ms (overlaps the neighbours'). */
  ms: number;
}

/** One date that failed; `stage` says where. */
export interface BatchFailure {
  ok: false;
  asOf: IsoDate;
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
}

interface Composed {
  asOf: IsoDate;
  facts: Facts;
  figures: Figures;
  html: string;
  started: number;
}

/** Let queued I/O callbacks (the browser's protocol messages) run before the next stretch of computing. */
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const messageOf = (e: unknown): string => (e instanceof Error ? e.message.split('\n')[0] : String(e));

/** Facts, charts and HTML of one note, yielding to the event loop between steps. */
async function compose(note: NoteSource, market: Market, asOf: IsoDate, compiled: (ctx: object) => string): Promise<Composed> {
  const started = performance.now();
  await tick();
  const facts = buildFacts(market, note.config, { asOf, noteName: note.name });
  const figures: Figures = {};
  for (const plan of chartPlans(facts)) {
    await tick();
    figures[plan.id] = { id: plan.id, svg: await toSvg(plan.spec), alt: plan.alt, source: plan.source };
  }
  await tick();
  return { asOf, facts, figures, html: renderNote(facts, figures, note, compiled), started };
}

/**
 * Build `note` for every date in `asOfDates` with ONE browser and ONE reused page (`setContent` + `pdf` per
 * note), writing `<outDir>/<note>-<as-of>.*` atomically per note. Failures (bad date, missing data, a print
 * error) are returned with the date and do not stop the others; the page is replaced if it crashes.
 * @example (await buildBatch(loadNote(), loadMarket(), ['2025-12-05', '2025-12-12'], { outDir: 'out' })).built.length //=> 2
 */
export async function buildBatch(note: NoteSource, market: Market, asOfDates: readonly IsoDate[], opts: BuildBatchOptions): Promise<BatchResult> {
  const t0 = performance.now();
  const formats = opts.formats ?? ['pdf', 'html'];
  const needsBrowser = formats.includes('pdf') || formats.includes('email');
  const own = needsBrowser && !opts.browser ? BrowserSession.launch() : undefined;
  own?.catch(() => undefined);
  const compiled = opts.compiled ?? compileNote(note);
  const built: BatchNote[] = [];
  const failures: BatchFailure[] = [];
  const total = asOfDates.length;
  let session: BrowserSession | undefined;
  let page: Page | undefined;

  const start = (i: number): Promise<Composed | BatchFailure> =>
    compose(note, market, asOfDates[i], compiled).catch((error) => ({ ok: false as const, asOf: asOfDates[i], stage: 'compose' as const, error, message: messageOf(error) }));

  try {
    if (needsBrowser && total > 0) {
      session = await (opts.browser ?? own);
      page = await session!.newPage();
    }
    let next = total > 0 ? start(0) : undefined;
    for (let i = 0; i < total; i++) {
      const c = await next!;
      let outcome: BatchOutcome;
      if ('ok' in c) {
        next = i + 1 < total ? start(i + 1) : undefined;
        outcome = c;
      } else {
        // print note i while note i + 1 is composed
        const printing = needsBrowser ? print(c) : Promise.resolve(undefined);
        printing.catch(() => undefined);
        next = i + 1 < total ? start(i + 1) : undefined;
        outcome = await printing.then(
          (pdf) => write(c, pdf),
          async (error) => {
            if (page?.isClosed() !== false || /Target closed|Session closed|crash/i.test(messageOf(error))) {
              await page?.close().catch(() => undefined);
              page = await session!.newPage();
            }
            return { ok: false as const, asOf: c.asOf, stage: 'print' as const, error, message: messageOf(error) };
          },
        );
      }
      if (outcome.ok) built.push(outcome);
      else failures.push(outcome);
      await opts.onNote?.(outcome, i, total);
    }
  } finally {
    await page?.close().catch(() => undefined);
    if (own) await (await own.catch(() => undefined))?.close();
  }
  return { built, failures, ms: performance.now() - t0 };

  async function print(c: Composed): Promise<{ pdf?: Uint8Array; eml?: Uint8Array | string }> {
    let pdf: Uint8Array | undefined;
    if (formats.includes('pdf') || (formats.includes('email') && opts.email?.attachPdf)) {
      await setHtml(page!, c.html);
      pdf = await printPdf(page!, pdfOptions(note, c.facts, opts.paper));
    }
    let eml: Uint8Array | string | undefined;
    if (formats.includes('email')) {
      eml = (await buildEmail(session!, { note, facts: c.facts, figures: c.figures, flags: opts.email, pdf: opts.email?.attachPdf ? pdf : undefined })).eml;
    }
    return { pdf, eml };
  }

  function write(c: Composed, printed: { pdf?: Uint8Array; eml?: Uint8Array | string } | undefined): BatchOutcome {
    const base = join(opts.outDir, `${note.name}-${c.asOf}`);
    const out = new AtomicOutputs();
    try {
      out.write(`${base}.facts.json`, `${JSON.stringify(c.facts, null, 2)}\n`);
      if (formats.includes('html')) out.write(`${base}.html`, c.html);
      if (formats.includes('pdf') && printed?.pdf) out.write(`${base}.pdf`, printed.pdf);
      if (printed?.eml) out.write(`${base}.eml`, printed.eml);
      return { ok: true, asOf: c.asOf, files: out.commit(), ms: performance.now() - c.started };
    } catch (error) {
      out.abort();
      return { ok: false, asOf: c.asOf, stage: 'write', error, message: messageOf(error) };
    }
  }
}
