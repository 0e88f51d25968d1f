/**
 * Many notes of one note type, one browser, one page (performance.md: a fresh page or context per note costs
 * 100–250 ms for nothing; notes are self-contained and printed with JavaScript off and the network blocked, so
 * reusing the page is safe):
 *
 *   compose(d1) ─▶ print(d1) ─────────▶ write(d1)
 *                  compose(d2) ─▶ print(d2) ─────────▶ write(d2)
 *                                 compose(d3) ─▶ …
 *
 * While Chromium prints note n, Node draws the charts of note n + 1 (yielding to the event loop between charts so
 * the print's protocol messages keep flowing), and a worker thread computes the facts of the notes ahead (the
 * largest part of the work; with 2 cores the three overlap). Without the compiled worker script (tests run the
 * TypeScript sources) the facts are computed in this thread. A note that fails is recorded and the others go on.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { chartPlans, type Figures } from '../charts/build-charts.js';
import { toSvg } from '../charts/to-svg.js';
import type { IsoDate, Market } from '../data/types.js';
import { MarketNoteError, type ErrorCode } from '../errors/market-note-error.js';
import { buildFacts } from '../facts/build-facts.js';
import type { Facts } from '../facts/types.js';
import type { NoteConfig, NoteSource } from '../note/load-note.js';
import { compileNote } from '../narrative/render-narrative.js';
import type { Page } from 'puppeteer-core';
import { BrowserSession } from '../render/browser.js';
import { pdfOptions, type OutputFormat } from './build-note.js';
import { buildEmail, type EmailFlags } from '../email/email.js';
import { printPdf, setHtml, type Paper } from '../render/pdf.js';
import type { Claims } from '../narrative/strict-paths.js';
import { factsFileText, lastClaims, renderNote } from '../render/render-note.js';
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
  /** Compute facts in a worker thread (default true; falls back to this thread when the worker cannot start). */
  factsWorker?: boolean;
  /** Build dates on which a required series has ended, marking it stale (otherwise those dates fail). */
  allowStale?: boolean;
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
  /** Where the facts were computed: a worker thread, or this thread (also when the worker failed on the way). */
  factsIn: 'worker' | 'thread';
}

interface Composed {
  asOf: IsoDate;
  facts: Facts;
  figures: Figures;
  html: string;
  /** What each section's text read, written into the facts file. */
  claims: Claims;
  started: number;
}

/** Let queued I/O callbacks (the browser's protocol messages) run before the next stretch of computing. */
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const messageOf = (e: unknown): string => (e instanceof Error ? e.message.split('\n')[0] : String(e));

/** Facts, charts and HTML of one note, yielding to the event loop between steps. */
async function compose(note: NoteSource, facts: FactsSource, asOf: IsoDate, compiled: (ctx: object) => string): Promise<Composed> {
  const started = performance.now();
  await tick();
  const f = await facts.get(asOf);
  return drawAndRender(note, f, compiled, started);
}

async function drawAndRender(note: NoteSource, facts: Facts, compiled: (ctx: object) => string, started: number): Promise<Composed> {
  const asOf = facts.asOf;
  const figures: Figures = {};
  for (const plan of chartPlans(facts)) {
    await tick();
    figures[plan.id] = { id: plan.id, svg: await toSvg(plan.spec), alt: plan.alt, source: plan.source };
  }
  await tick();
  const html = renderNote(facts, figures, note, compiled);
  return { asOf, facts, figures, html, claims: lastClaims(compiled), started };
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
  const allowStale = opts.allowStale ?? false;
  const facts =
    opts.factsWorker === false ? inThreadFacts(note, market, allowStale) : (factsWorker(note, market, allowStale) ?? inThreadFacts(note, market, allowStale));
  const built: BatchNote[] = [];
  const failures: BatchFailure[] = [];
  const total = asOfDates.length;
  let session: BrowserSession | undefined;
  let page: Page | undefined;

  const start = (i: number): Promise<Composed | BatchFailure> => {
    if (i + 1 < total) facts.prefetch(asOfDates[i + 1]);
    return compose(note, facts, asOfDates[i], compiled).catch((error) => ({ ok: false as const, asOf: asOfDates[i], stage: 'compose' as const, error, message: messageOf(error) }));
  };

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
        // print note i while note i + 1 is composed: compose starts once the print command is on its way
        let sent!: () => void;
        const whenSent = new Promise<void>((resolve) => (sent = resolve));
        const printing = needsBrowser ? print(c, sent) : Promise.resolve(undefined);
        printing.catch(() => undefined).finally(sent);
        if (needsBrowser) await whenSent;
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
    await facts.close();
    await page?.close().catch(() => undefined);
    if (own) await (await own.catch(() => undefined))?.close();
  }
  return { built, failures, ms: performance.now() - t0, factsIn: facts.where() };

  /** Print one note; `sent()` is called as soon as the print command has gone to the browser. */
  async function print(c: Composed, sent: () => void): Promise<{ pdf?: Uint8Array; eml?: Uint8Array | string }> {
    let pdf: Uint8Array | undefined;
    if (formats.includes('pdf') || (formats.includes('email') && opts.email?.attachPdf)) {
      await setHtml(page!, c.html);
      const printing = printPdf(page!, pdfOptions(note, c.facts, opts.paper));
      sent();
      pdf = await printing;
    }
    sent();
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
      out.write(`${base}.facts.json`, factsFileText(c.facts, c.claims));
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

// ── facts: in a worker thread, or in this one ────────────────────────────────────────────────────────────────

/** Where a batch gets each note's facts from. */
interface FactsSource {
  get(asOf: IsoDate): Promise<Facts>;
  /** Start computing a date that will be asked for soon. */
  prefetch(asOf: IsoDate): void;
  close(): Promise<void>;
  where(): 'worker' | 'thread';
}

const WORKER_FLAG = 'market-note:batch-facts';

interface WorkerInit {
  [WORKER_FLAG]: true;
  market: Market;
  config: NoteConfig;
  noteName: string;
  allowStale: boolean;
}

type WorkerReply = { asOf: IsoDate; facts: Facts } | { asOf: IsoDate; error: { code?: ErrorCode; message: string; file?: string; line?: number; column?: number; hint?: string } };

function inThreadFacts(note: NoteSource, market: Market, allowStale: boolean): FactsSource {
  return {
    get: async (asOf) => buildFacts(market, note.config, { asOf, noteName: note.name, allowStale }),
    prefetch: () => undefined,
    close: async () => undefined,
    where: () => 'thread',
  };
}

/**
 * A worker thread running this same module, computing facts in the order asked; null when this module is not the
 * compiled JavaScript (a worker cannot load the TypeScript sources the tests run).
 */
function factsWorker(note: NoteSource, market: Market, allowStale: boolean): FactsSource | null {
  const self = new URL(import.meta.url);
  if (!self.pathname.endsWith('.js')) return null;
  let worker: Worker;
  try {
    const init: WorkerInit = { [WORKER_FLAG]: true, market, config: note.config, noteName: note.name, allowStale };
    worker = new Worker(fileURLToPath(self), { workerData: init });
  } catch {
    return null;
  }
  const pending = new Map<IsoDate, { promise: Promise<Facts>; resolve: (f: Facts) => void; reject: (e: unknown) => void }>();
  let dead: unknown = null;
  const fallback = inThreadFacts(note, market, allowStale);
  worker.on('message', (reply: WorkerReply) => {
    const p = pending.get(reply.asOf);
    if (!p) return;
    if ('facts' in reply) p.resolve(reply.facts);
    else p.reject(reply.error.code ? new MarketNoteError(reply.error.code, reply.error.message, reply.error) : new Error(reply.error.message));
  });
  let closing = false;
  const giveUp = (why: unknown) => {
    if (dead || closing) return;
    dead = why;
    // the dates still waiting are computed here instead
    for (const [asOf, p] of pending) fallback.get(asOf).then(p.resolve, p.reject);
  };
  worker.on('error', giveUp);
  worker.on('exit', (code) => giveUp(new Error(`the facts worker exited with code ${code}`)));
  const request = (asOf: IsoDate) => {
    let entry = pending.get(asOf);
    if (!entry) {
      let resolve!: (f: Facts) => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<Facts>((res, rej) => ((resolve = res), (reject = rej)));
      promise.catch(() => undefined);
      entry = { promise, resolve, reject };
      pending.set(asOf, entry);
      if (dead) fallback.get(asOf).then(resolve, reject);
      else worker.postMessage(asOf);
    }
    return entry;
  };
  return {
    get: (asOf) => {
      const { promise } = request(asOf);
      // a date is asked for once: forget it when it is done, so facts do not pile up
      return promise.finally(() => pending.delete(asOf));
    },
    prefetch: (asOf) => void request(asOf),
    close: async () => {
      closing = true;
      await worker.terminate();
    },
    where: () => (dead ? 'thread' : 'worker'),
  };
}

// When this module runs as a batch's facts worker: answer each as-of date with its facts (or the error).
if (!isMainThread && parentPort && (workerData as Partial<WorkerInit> | null)?.[WORKER_FLAG]) {
  const { market, config, noteName, allowStale } = workerData as WorkerInit;
  const port = parentPort;
  port.on('message', (asOf: IsoDate) => {
    try {
      port.postMessage({ asOf, facts: buildFacts(market, config, { asOf, noteName, allowStale }) } satisfies WorkerReply);
    } catch (e) {
      const m = e instanceof MarketNoteError ? { code: e.code, file: e.file, line: e.line, column: e.column, hint: e.hint } : {};
      port.postMessage({ asOf, error: { ...m, message: e instanceof Error ? e.message : String(e) } } satisfies WorkerReply);
    }
  });
}
