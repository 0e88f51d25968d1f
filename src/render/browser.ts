import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { fail, MarketNoteError } from '../errors/market-note-error.js';
import * as msg from '../errors/messages.js';
import { onExitCleanup, profilePrefix, removeProfile, sweepDeadProfiles } from './exit-cleanup.js';
import { trace } from '../cli/trace.js';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The browser to print with: `CHROME_PATH`, else the usual Debian paths; a clear error when none exists. */
export function findChrome(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    fail('BROWSER', `CHROME_PATH points to ${fromEnv}, which does not exist`, { hint: 'Unset CHROME_PATH or point it at a Chromium or Chrome binary.' });
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  return fail('BROWSER', 'no Chromium found to print the PDF', {
    hint: 'Install it with `sudo apt-get install -y chromium` (Debian), or set CHROME_PATH to a Chrome/Chromium binary.',
  });
}

/** Flags for a quiet headless Chromium on a closed network. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--font-render-hinting=none',
  // the browser's own omnibox pop-ups (WebUI pages a headless print never shows) cost ~0.4 s of CPU at every
  // launch, taken from the facts and charts computed meanwhile
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
  // no first tab: every page is opened by newPage() (one renderer fewer to start)
  '--no-startup-window',
];

/** How long one print (load the note, wait for its fonts, print, e-mail charts) may take before it is given up. */
export const DEFAULT_PRINT_TIMEOUT_MS = 60_000;

/**
 * The print time limit: `MARKET_NOTE_PRINT_TIMEOUT_S` (seconds) when set, else {@link DEFAULT_PRINT_TIMEOUT_MS}.
 * @example printTimeoutMs({ MARKET_NOTE_PRINT_TIMEOUT_S: '2.5' }) //=> 2500
 */
export function printTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.MARKET_NOTE_PRINT_TIMEOUT_S;
  if (raw === undefined || raw.trim() === '') return DEFAULT_PRINT_TIMEOUT_MS;
  const s = Number(raw);
  if (!Number.isFinite(s) || s <= 0) {
    const p = msg.badPrintTimeout(raw);
    fail('CONFIG', p.message, { hint: p.hint });
  }
  return Math.round(s * 1000);
}

/** How a print failed because of the browser: it took too long, its page crashed, or the browser closed. */
export type PrintFaultKind = 'timeout' | 'crash' | 'closed' | 'error';

/** A print that failed because of the browser; `kind` tells what to replace before trying again. */
export class PrintFault extends MarketNoteError {
  constructor(
    readonly kind: PrintFaultKind,
    message: string,
    hint?: string,
    cause?: unknown,
  ) {
    super('BROWSER', message, { hint, cause });
  }
}

/** Kill a browser's whole process group (renderers, GPU, zygote), ignoring one that is gone. */
function killGroup(browser: Browser | undefined): void {
  const pid = browser?.process()?.pid;
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** A page lent by {@link BrowserSession.borrowPage}: `done(ok)` gives it back (`ok` false after a failed use). */
export interface LentPage {
  page: Page;
  done(ok: boolean): void;
}

/**
 * Documents one page loads before it is replaced by a fresh one, for the print page of a batch and the spare page:
 * Chromium's per-page caches (fonts, shaped text, decoded images) grow with every distinct document; a new page costs
 * 0.1–0.3 s, ~4–12 ms a document at this length.
 */
export const PAGE_USES = 25;

/**
 * One Chromium for a run, with its own throw-away profile folder, closed by `close()`.
 *
 * Nothing of it outlives the run: the browser talks to Node over a pipe, so it exits when Node dies (even on
 * kill -9); while it runs, its process group and profile folder are registered with {@link onExitCleanup}, so an
 * exit or a signal handled by the CLI kills it and removes the folder; the folder is named after this process's
 * pid, so the next launch removes folders of runs that are no longer alive ({@link sweepDeadProfiles}).
 * A browser that dies is replaced by {@link BrowserSession.restart} (and by `newPage()` when it finds it gone).
 */
export class BrowserSession {
  #browser: Browser;
  #profile: string;
  #release: () => void;
  #closing: Promise<void> | undefined;
  #restarting: Promise<void> | undefined;
  /** The page {@link borrowPage} lends (opening, or open). */
  #spare: { page: Promise<Page>; uses: number; busy: boolean } | undefined;

  private constructor(
    private readonly executablePath: string,
    started: { browser: Browser; profile: string; release: () => void },
  ) {
    this.#browser = started.browser;
    this.#profile = started.profile;
    this.#release = started.release;
  }

  static async launch(executablePath = findChrome()): Promise<BrowserSession> {
    return new BrowserSession(executablePath, await BrowserSession.start(executablePath));
  }

  private static async start(executablePath: string): Promise<{ browser: Browser; profile: string; release: () => void }> {
    const dir = tmpdir();
    sweepDeadProfiles(dir);
    const profile = mkdtempSync(join(dir, profilePrefix()));
    let browser: Browser | undefined;
    const release = onExitCleanup(() => {
      killGroup(browser);
      removeProfile(profile);
    });
    try {
      // loaded here, not at import: commands that print nothing never load Puppeteer
      const { default: puppeteer } = await import('puppeteer-core');
      trace('Puppeteer loaded');
      browser = await puppeteer.launch({
        executablePath,
        headless: true,
        args: ARGS,
        userDataDir: profile,
        waitForInitialPage: false,
        // the pipe closes when Node dies, and Chromium exits with it: no browser outlives a killed run
        pipe: true,
        // signals are the CLI's (cli/signals.ts): it removes what the run made, then exits
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
      // a killed browser resets its pipe: that is seen as a closed connection, not an uncaught stream error
      for (const stream of browser.process()?.stdio ?? []) stream?.on('error', () => undefined);
      trace('Chromium launched');
    } catch (e) {
      release();
      killGroup(browser);
      removeProfile(profile);
      fail('BROWSER', `could not start ${executablePath}: ${(e as Error).message.split('\n')[0]}`, {
        hint: 'Check that Chromium runs (`chromium --headless --no-sandbox --dump-dom about:blank`), or set CHROME_PATH.',
        cause: e,
      });
    }
    return { browser, profile, release };
  }

  /** The running browser (a new one after {@link restart}). */
  get browser(): Browser {
    return this.#browser;
  }

  /** The browser's profile folder (removed by `close()`). */
  get profile(): string {
    return this.#profile;
  }

  /** False once the browser has closed or crashed. */
  get alive(): boolean {
    return this.#browser.connected;
  }

  /** Replace the browser with a fresh one (after a crash, or when a print hung): the old one is killed and its folder removed. */
  restart(): Promise<void> {
    this.#restarting ??= (async () => {
      try {
        this.#stop();
        const next = await BrowserSession.start(this.executablePath);
        this.#browser = next.browser;
        this.#profile = next.profile;
        this.#release = next.release;
      } finally {
        this.#restarting = undefined;
      }
    })();
    return this.#restarting;
  }

  /** Kill the browser at once and remove its folder. */
  #stop(): void {
    this.#release();
    killGroup(this.#browser);
    this.#browser.disconnect().catch(() => undefined);
    removeProfile(this.#profile);
  }

  /** A page for trusted, self-contained notes: JavaScript off, every network request blocked, timeouts set. A dead browser is replaced first. */
  async newPage(): Promise<Page> {
    if (this.#restarting) await this.#restarting;
    if (!this.alive) await this.restart();
    const page = await this.#browser.newPage();
    page.once('error', () => crashed.add(page)); // a renderer that dies between two prints
    page.setDefaultTimeout(30_000);
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      const url = req.url();
      if (url.startsWith('data:') || url === 'about:blank') void req.continue().catch(() => undefined);
      else void req.abort('blockedbyclient').catch(() => undefined);
    });
    return page;
  }

  /**
   * Open the spare page now (see {@link borrowPage}), while other work goes on, so its first borrower does not wait
   * for it. Does nothing when there is one.
   */
  prepareSparePage(): void {
    if (this.#spare) return;
    const page = this.newPage();
    page.catch(() => undefined);
    this.#spare = { page, uses: 0, busy: false };
  }

  /**
   * A page kept open between uses, for work that loads its own content each time (the e-mail edition's charts): a
   * new page starts a renderer, 0.2–0.3 s, more than the work done on it. The page is replaced after
   * {@link PAGE_USES} uses (Chromium's per-page caches grow with every distinct content), after a use that
   * failed, and when its renderer or browser has gone. While it is lent, another borrower gets a fresh page that is
   * closed when given back. Give the page back with `done(ok)`.
   */
  borrowPage(): Promise<LentPage> {
    return this.#borrow(false);
  }

  async #borrow(retried: boolean): Promise<LentPage> {
    if (this.#spare?.busy) {
      const page = await this.newPage();
      return { page, done: () => void page.close().catch(() => undefined) };
    }
    this.prepareSparePage();
    const spare = this.#spare!;
    spare.busy = true;
    let page: Page;
    try {
      page = await spare.page;
    } catch (e) {
      this.#dropSpare(spare);
      throw e;
    }
    if (page.isClosed() || crashed.has(page) || !page.browser().connected) {
      this.#dropSpare(spare);
      if (retried) throw new Error('the browser gave a page that had already closed');
      return this.#borrow(true);
    }
    spare.uses++;
    return {
      page,
      done: (ok) => {
        spare.busy = false;
        if (!ok || spare.uses >= PAGE_USES) this.#dropSpare(spare);
      },
    };
  }

  #dropSpare(spare: { page: Promise<Page> }): void {
    if (this.#spare === spare) this.#spare = undefined;
    spare.page.then((p) => p.close()).catch(() => undefined);
  }

  /** Run `fn` with a fresh page that is always closed afterwards. */
  async withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    const page = await this.newPage();
    try {
      return await fn(page);
    } finally {
      await page.close().catch(() => undefined);
    }
  }

  /**
   * End the browser and remove its profile folder. Nothing of the browser is kept (its profile is thrown away), so
   * it is not asked to shut down (~0.1 s of writing the profile it would leave): its process group is killed, and
   * the folder removed once the browser process has exited.
   */
  close(): Promise<void> {
    return (this.#closing ??= this.#end());
  }

  async #end(): Promise<void> {
    const browser = this.#browser;
    const child = browser.process();
    try {
      const exited = child && child.exitCode === null && child.signalCode === null ? new Promise<void>((r) => child.once('exit', () => r())) : Promise.resolve();
      await browser.disconnect().catch(() => undefined);
      killGroup(browser);
      // a process that does not go within 5 s (it cannot ignore the kill) leaves the folder to the sweep of dead runs
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000).unref())]);
    } finally {
      this.#release();
      removeProfile(this.#profile);
    }
  }
}

/** Pages whose renderer crashed (puppeteer's `error` event), so a print does not wait on a page that cannot answer. */
const crashed = new WeakSet<Page>();

/**
 * Run `work` (a print on `page`) with a time limit, failing with a {@link PrintFault} when it takes longer than
 * `ms`, when the page crashes, or when the browser closes; any other error of the browser is a PrintFault of kind
 * `error`. The work left running after a fault is abandoned (its page is to be replaced).
 * @example await guardPrint(session, page, 60_000, () => printPdf(page, options))
 */
export function guardPrint<T>(session: BrowserSession, page: Page, ms: number, work: () => Promise<T>): Promise<T> {
  const browser = session.browser;
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const fault = (kind: PrintFaultKind, cause?: unknown) => {
      const p = kind === 'crash' ? msg.pageCrashed() : kind === 'closed' ? msg.browserDied() : kind === 'timeout' && cause === undefined ? msg.printTimedOut(ms) : undefined;
      const text = p?.message ?? `the browser could not print the note: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}`;
      return new PrintFault(kind, text, p?.hint, cause);
    };
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      page.off('error', onCrash);
      browser.off('disconnected', onClosed);
      f();
    };
    const onCrash = () => settle(() => reject(fault('crash')));
    const onClosed = () => settle(() => reject(fault('closed')));
    const timer = setTimeout(() => settle(() => reject(fault('timeout'))), ms);
    page.on('error', onCrash);
    browser.on('disconnected', onClosed);
    if (!browser.connected) return onClosed();
    if (crashed.has(page) || page.isClosed()) return onCrash();
    work().then(
      (v) => settle(() => resolve(v)),
      (e) => {
        if (e instanceof MarketNoteError && !(e instanceof PrintFault)) return settle(() => reject(e));
        const m = e instanceof Error ? e.message : String(e);
        const kind: PrintFaultKind =
          !browser.connected || /Connection closed/i.test(m)
            ? 'closed'
            : /crash|Target closed|Session closed|detached/i.test(m)
              ? 'crash'
              : (e as Error)?.name === 'TimeoutError' || /timed out|ms exceeded/i.test(m)
                ? 'timeout'
                : 'error';
        settle(() => reject(fault(kind, e)));
      },
    );
  });
}
