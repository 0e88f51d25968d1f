/**
 * `market-note preview`: a local HTTP server (127.0.0.1 only) that shows a note as HTML and reloads the page
 * when a template, partial, CSS or data file changes.
 *
 *   GET /                       the note (toolbar + reload script added); an error page with file:line when it fails
 *   GET /?as-of=YYYY-MM-DD      the note on another date
 *   GET /?format=pdf            the PDF (one Chromium, started on the first request, closed with the server)
 *   GET /?format=email          the e-mail edition's HTML (charts as SVG images instead of the PNG attachments)
 *   GET /?format=json           the facts object
 *   GET /events                 Server-Sent Events: `hello` on connect, `change` when a watched file changes
 *
 * Renders are cached per (file version, as-of date): a page is recomputed only after a change. The cache keeps the
 * most recently used renders only: at most `cacheEntries` (default 16) and about `cacheMB` (default 96 MB,
 * counted as two bytes per character of the note's HTML and its facts' JSON); older ones are dropped.
 *
 * Only the preview's own pages and the address bar are answered: a request whose `Sec-Fetch-Site` is another site
 * (or whose `Origin` is not the preview's) gets 403, as does a `Host` other than 127.0.0.1/localhost. PDFs are
 * printed one at a time (`pdfConcurrency`); at most `pdfQueue` more wait, beyond that the answer is 503. When the
 * preview's Chromium dies or hangs, the next PDF starts a fresh one (and a print cut short is tried once more).
 */
import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import pLimit from 'p-limit';
import type { Figures } from '../charts/build-charts.js';
import { emailSettings, renderEmail } from '../email/email.js';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { isIsoDate } from '../data/calendar.js';
import { loadMarket } from '../data/load-market.js';
import { defaultAsOf } from '../data/require.js';
import type { IsoDate, Market } from '../data/types.js';
import { MarketNoteError } from '../errors/market-note-error.js';
import { previewBusy, previewCrossSite } from '../errors/messages.js';
import { requiredSeries } from '../facts/build-facts.js';
import type { Facts } from '../facts/types.js';
import { lintNote, type LintIssue } from '../narrative/lint.js';
import { loadNote, resolveNoteDir, type NoteSource } from '../note/load-note.js';
import { BrowserSession, guardPrint, PrintFault, printTimeoutMs } from '../render/browser.js';
import { composeNote, pdfOptions } from '../pipeline/build-note.js';
import { outputBase } from '../pipeline/build-notes.js';
import { symbolMarket } from '../pipeline/symbol-market.js';
import { loadForPrint, printPdf, type Paper } from '../render/pdf.js';
import { errorPage, previewHtml, type PreviewPageState, type PreviewProblem } from './preview-page.js';
import { listFiles, watchFiles, type FileWatcher } from './watch-files.js';

export interface PreviewOptions {
  /** Note name under templates/ or a note folder (default weekly-outlook). */
  note?: string;
  /** --data path; the demo market when absent. */
  data?: string;
  /** Date shown when the URL has no `?as-of=` (default: the latest date with data). */
  asOf?: IsoDate;
  /** Per-symbol notes (note.yaml `each`): the symbol shown (default: the note's own). */
  symbol?: string;
  /** Port on 127.0.0.1; 0 picks a free one. Default 4700. */
  port?: number;
  paper?: Paper;
  /** Where the server says what it does (stderr in the CLI). */
  log?: (line: string) => void;
  /** File polling interval, ms (default 250). */
  pollMs?: number;
  /** Starts the browser for ?format=pdf (default: BrowserSession.launch). */
  launchBrowser?: () => Promise<BrowserSession>;
  /** Renders kept, most recently used first (default 16). */
  cacheEntries?: number;
  /** Memory the kept renders may take, MB (default 96; two bytes per character of HTML and facts JSON). */
  cacheMB?: number;
  /** PDFs printed at the same time (default 1). */
  pdfConcurrency?: number;
  /** PDF requests that may wait for their turn (default 8); more get 503. */
  pdfQueue?: number;
  /** Time limit of one PDF print, ms (default: MARKET_NOTE_PRINT_TIMEOUT_S, else 60 s). */
  printTimeoutMs?: number;
}

export const DEFAULT_CACHE_ENTRIES = 16;
export const DEFAULT_CACHE_MB = 96;
export const DEFAULT_PDF_CONCURRENCY = 1;
export const DEFAULT_PDF_QUEUE = 8;

export interface PreviewServer {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  port: number;
  /** Stop watching, end the event streams, close the server and the browser (if one was started). */
  close(): Promise<void>;
  /** What the render cache holds now: renders kept and their counted size in bytes. */
  cacheSize(): { entries: number; bytes: number };
}

import { DEFAULT_PREVIEW_PORT } from './port.js';
export { DEFAULT_PREVIEW_PORT };

type Rendered =
  | { ok: true; note: NoteSource; facts: Facts; figures: Figures; html: string; warnings: PreviewProblem[]; maxDate?: string }
  | { ok: false; status: number; title: string; problems: PreviewProblem[]; noteName: string };

/**
 * The e-mail edition's HTML as a mail client would show it, without a browser: each `cid:` chart image points at
 * the chart's SVG as a data URI (the sent message has a PNG of the same chart at the same size).
 */
function emailPreviewHtml(note: NoteSource, facts: Facts, figures: Figures): string {
  const body = renderEmail(facts, figures, note, emailSettings(note, facts.asOf));
  const svgOf = new Map(Object.values(figures).map((f) => [f.id, f.svg]));
  let html = body.html;
  for (const c of body.charts) html = html.replaceAll(`cid:${c.cid}`, `data:image/svg+xml;base64,${Buffer.from(svgOf.get(c.id) ?? '').toString('base64')}`);
  return html;
}

/** A thrown error as a problem line: MarketNoteError with its place and hint; anything else is a bug, shown with its stack top. */
function problemOf(e: unknown): PreviewProblem {
  if (e instanceof MarketNoteError) return { place: e.place || undefined, message: e.message, hint: e.hint, severity: 'error' };
  const err = e instanceof Error ? e : new Error(String(e));
  return { message: `${err.name}: ${err.message}`, hint: err.stack?.split('\n').slice(1, 4).join('\n').trim(), severity: 'error' };
}

const lintProblem = (i: LintIssue, severity: PreviewProblem['severity']): PreviewProblem => ({
  place: `${i.template}${i.line ? `:${i.line}` : ''}`,
  message: `${i.message} [${i.code}]`,
  severity,
});

/** Memory a render takes in the cache, bytes (two per character of its HTML and its facts' JSON, or its problems). */
function renderSize(r: Rendered): number {
  const chars = r.ok ? r.html.length + JSON.stringify(r.facts).length : JSON.stringify(r.problems).length;
  return Math.max(1, 2 * chars);
}

/** Start the preview server; resolves once it listens. Throws CONFIG for an unknown note or a busy port. */
export async function startPreview(o: PreviewOptions = {}): Promise<PreviewServer> {
  const log = o.log ?? (() => undefined);
  const noteDir = resolveNoteDir(o.note);
  const noteName = basename(noteDir);
  const nonce = randomBytes(16).toString('base64');
  const serverId = randomBytes(8).toString('hex');
  let generation = 0;
  let dataGeneration = 0;
  let market: { gen: number; value: Market } | undefined;
  // renders being computed (shared by requests for the same page), and the finished ones, least recently used dropped first
  const inFlight = new Map<string, Promise<Rendered>>();
  const renders = new LRUCache<string, Rendered>({
    max: o.cacheEntries ?? DEFAULT_CACHE_ENTRIES,
    maxSize: (o.cacheMB ?? DEFAULT_CACHE_MB) * 1024 * 1024,
    sizeCalculation: renderSize,
  });
  let browser: Promise<BrowserSession> | undefined;
  const pdfSlots = pLimit(o.pdfConcurrency ?? DEFAULT_PDF_CONCURRENCY);
  const pdfQueue = o.pdfQueue ?? DEFAULT_PDF_QUEUE;
  const timeoutMs = o.printTimeoutMs ?? printTimeoutMs();
  const clients = new Set<ServerResponse>();

  const getMarket = (): Market => {
    if (!market || market.gen !== dataGeneration) market = { gen: dataGeneration, value: loadMarket(o.data) };
    return market.value;
  };

  const dataFiles = (): string[] => {
    if (o.data === undefined) return [];
    const root = resolve(o.data);
    const files = existsSync(root) && statSync(root).isDirectory() ? listFiles(root, 2) : [root];
    if (market) {
      for (const s of Object.values(market.value.series)) files.push(resolve(s.file));
      for (const u of Object.values(market.value.universes)) files.push(resolve(u.file));
    }
    return [...new Set(files)];
  };

  async function render(asOf: IsoDate | undefined): Promise<Rendered> {
    let note: NoteSource;
    try {
      note = loadNote(noteDir);
    } catch (e) {
      return { ok: false, status: 500, title: 'The note cannot be read', problems: [problemOf(e)], noteName };
    }
    let m: Market;
    let symbol: string | undefined;
    try {
      ({ market: m, symbol } = symbolMarket(note, getMarket(), o.symbol));
    } catch (e) {
      return { ok: false, status: 500, title: 'The market data cannot be read', problems: [problemOf(e)], noteName };
    }
    let maxDate: string | undefined;
    try {
      const roles = symbol && note.config.each ? { ...note.config.roles, [note.config.each]: symbol } : note.config.roles;
      maxDate = defaultAsOf(m, requiredSeries({ ...note.config, roles }));
    } catch {
      maxDate = undefined;
    }
    const lint = async (): Promise<LintIssue[]> => {
      try {
        return await lintNote(note, m, asOf, symbol);
      } catch {
        return []; // the render error already says what is wrong
      }
    };
    try {
      const { facts, figures, html } = await composeNote(note, m, asOf, undefined, symbol);
      const warnings = (await lint()).map((i) => lintProblem(i, 'warning'));
      return { ok: true, note, facts, figures, html, warnings, maxDate };
    } catch (e) {
      if (!(e instanceof MarketNoteError)) log(`preview: unexpected error: ${(e as Error).stack ?? String(e)}`);
      const first = problemOf(e);
      const more = (await lint())
        .map((i) => lintProblem(i, 'error'))
        .filter((p) => !(p.message.startsWith(first.message) && (p.place === first.place || !first.place)));
      const title = e instanceof MarketNoteError && e.code === 'TEMPLATE' ? 'The templates do not render' : 'The note cannot be built';
      return { ok: false, status: 500, title, problems: [first, ...more], noteName };
    }
  }

  function rendered(asOf: IsoDate | undefined): Promise<Rendered> {
    const key = `${generation}|${asOf ?? ''}`;
    const done = renders.get(key);
    if (done) return Promise.resolve(done);
    let p = inFlight.get(key);
    if (!p) {
      const gen = generation;
      p = render(asOf).finally(() => inFlight.delete(key));
      p.then((r) => {
        if (gen === generation) renders.set(key, r);
      }, () => undefined);
      inFlight.set(key, p);
    }
    return p;
  }

  /** Print a rendered note; a print cut short by a crash, a dead or hung browser is tried once more in a fresh one. */
  async function printRendered(r: Extract<Rendered, { ok: true }>): Promise<Uint8Array> {
    if (!browser) {
      browser = (o.launchBrowser ?? (() => BrowserSession.launch()))();
      browser.catch(() => undefined);
    }
    const session = await browser;
    const once = () => session.withPage((page) => guardPrint(session, page, timeoutMs, async () => {
      const po = pdfOptions(r.note, r.facts, o.paper);
      await loadForPrint(page, r.html, po);
      return printPdf(page, po);
    }));
    try {
      return await once();
    } catch (e) {
      if (e instanceof PrintFault && (e.kind !== 'crash' || !session.alive)) await session.restart();
      else if (!(e instanceof PrintFault)) throw e;
      return once();
    }
  }

  const state = (asOf: string | undefined, r?: Rendered): PreviewPageState => ({
    nonce,
    serverId,
    generation,
    noteName: r?.ok ? r.note.name : noteName,
    asOf: r?.ok ? r.facts.asOf : asOf,
    maxDate: r?.ok ? r.maxDate : undefined,
  });

  const send = (res: ServerResponse, status: number, type: string, body: string | Uint8Array, extra: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...extra });
    res.end(body);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const port = (server.address() as AddressInfo).port;
    const host = req.headers.host ?? '';
    if (![`127.0.0.1:${port}`, `localhost:${port}`].includes(host)) {
      send(res, 403, 'text/plain; charset=utf-8', 'market-note preview only answers on 127.0.0.1\n');
      return;
    }
    // another site's page may not make the browser ask (a link, an image, a fetch): only our pages and the address bar
    const site = req.headers['sec-fetch-site'];
    const origin = req.headers.origin;
    if ((site !== undefined && site !== 'same-origin' && site !== 'none') || (origin !== undefined && ![`http://127.0.0.1:${port}`, `http://localhost:${port}`].includes(origin))) {
      const p = previewCrossSite();
      send(res, 403, 'text/plain; charset=utf-8', `${p.message}\n${p.hint}\n`);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'GET only\n', { allow: 'GET, HEAD' });
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`retry: 1000\nevent: hello\ndata: ${JSON.stringify({ id: serverId, gen: generation })}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (url.pathname !== '/' && url.pathname !== '/index.html') {
      send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
      return;
    }
    const asked = url.searchParams.get('as-of') || undefined;
    const asOf = asked ?? o.asOf;
    if (asOf !== undefined && !isIsoDate(asOf)) {
      const problem: PreviewProblem = { message: `the as-of date "${asOf}" is not a date`, hint: 'Write it as YYYY-MM-DD, e.g. ?as-of=2025-12-12.', severity: 'error' };
      send(res, 400, 'text/html; charset=utf-8', errorPage(state(undefined), 'Bad as-of date', [problem]));
      return;
    }
    const format = url.searchParams.get('format') ?? 'html';
    const r = await rendered(asOf);
    if (!r.ok) {
      send(res, r.status, 'text/html; charset=utf-8', errorPage(state(asOf, r), r.title, r.problems));
      return;
    }
    if (format === 'json') {
      send(res, 200, 'application/json; charset=utf-8', `${JSON.stringify(r.facts, null, 2)}\n`);
    } else if (format === 'pdf') {
      // one print at a time (pdfConcurrency); a few wait their turn, more are turned away
      if (pdfSlots.pendingCount >= pdfQueue) {
        const p = previewBusy(pdfSlots.pendingCount);
        send(res, 503, 'text/plain; charset=utf-8', `${p.message}\n${p.hint}\n`, { 'retry-after': '5' });
        return;
      }
      let gone = false;
      res.once('close', () => (gone = true));
      let pdf: Uint8Array | undefined;
      try {
        pdf = await pdfSlots(() => (gone ? undefined : printRendered(r)));
        if (pdf === undefined) return; // the asker left while it waited
      } catch (e) {
        if (e instanceof MarketNoteError && e.code === 'BROWSER' && !(e instanceof PrintFault)) browser = undefined; // it did not start: launch again on the next request
        send(res, 500, 'text/html; charset=utf-8', errorPage(state(asOf, r), 'The PDF cannot be printed', [problemOf(e)]));
        return;
      }
      send(res, 200, 'application/pdf', pdf, { 'content-disposition': `inline; filename="${outputBase(r.note.name, r.facts.asOf, r.facts.symbol)}.pdf"` });
    } else if (format === 'html') {
      send(res, 200, 'text/html; charset=utf-8', previewHtml(r.html, state(asOf, r), r.warnings));
    } else if (format === 'email') {
      let html: string;
      try {
        html = emailPreviewHtml(r.note, r.facts, r.figures);
      } catch (e) {
        send(res, 500, 'text/html; charset=utf-8', errorPage(state(asOf, r), 'The e-mail cannot be rendered', [problemOf(e)]));
        return;
      }
      send(res, 200, 'text/html; charset=utf-8', previewHtml(html, state(asOf, r), r.warnings));
    } else {
      const problem: PreviewProblem = { message: `unknown format "${format}"`, hint: 'Use ?format=pdf, ?format=email, ?format=json, or no format for the page.', severity: 'error' };
      send(res, 400, 'text/html; charset=utf-8', errorPage(state(asOf, r), 'Bad format', [problem]));
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      log(`preview: ${(e as Error).stack ?? String(e)}`);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `internal error: ${(e as Error).message}\n`);
      else res.end();
    });
  });

  await new Promise<void>((ok, bad) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') {
        bad(new MarketNoteError('CONFIG', `port ${o.port ?? DEFAULT_PREVIEW_PORT} on 127.0.0.1 is already in use`, { hint: 'Stop the other server, or pick another port with --port N (--port 0 takes any free port).', cause: e }));
      } else bad(e);
    });
    server.listen(o.port ?? DEFAULT_PREVIEW_PORT, '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;

  // Watch the note folder and the data; a change bumps the version and tells every open page to reload.
  const watcher: FileWatcher = watchFiles(
    () => [...listFiles(noteDir), ...dataFiles()],
    (changed) => {
      generation++;
      if (changed.some((p) => !p.startsWith(noteDir + sep))) dataGeneration++;
      renders.clear();
      const names = changed.map((p) => relative(p.startsWith(noteDir + sep) ? noteDir : dirname(p), p));
      log(`changed: ${names.join(', ')}${clients.size ? ` (reloading ${clients.size} ${clients.size === 1 ? 'page' : 'pages'})` : ''}`);
      for (const c of clients) c.write(`event: change\ndata: ${generation}\n\n`);
    },
    o.pollMs,
  );
  // Comments keep idle event streams open through proxies and tell closed tabs apart.
  const keepAlive = setInterval(() => {
    for (const c of clients) c.write(': ping\n\n');
  }, 20_000);
  keepAlive.unref();

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    cacheSize: () => ({ entries: renders.size, bytes: renders.calculatedSize }),
    close: () =>
      (closing ??= (async () => {
        watcher.close();
        clearInterval(keepAlive);
        for (const c of clients) c.end();
        clients.clear();
        await new Promise<void>((ok) => {
          server.close(() => ok());
          server.closeAllConnections();
        });
        pdfSlots.clearQueue();
        const b = browser;
        browser = undefined;
        if (b) await (await b.catch(() => undefined))?.close();
      })()),
  };
}
