import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { fail } from '../errors/market-note-error.js';

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
];

/** One Chromium for a run, with its own throw-away profile, closed by `close()` (also on SIGINT/SIGTERM). */
export class BrowserSession {
  private constructor(
    readonly browser: Browser,
    private readonly profile: string,
  ) {}

  static async launch(executablePath = findChrome()): Promise<BrowserSession> {
    const profile = mkdtempSync(join(tmpdir(), 'market-note-chrome-'));
    let browser: Browser;
    try {
      // loaded here, not at import: commands that print nothing never load Puppeteer
      const { default: puppeteer } = await import('puppeteer-core');
      browser = await puppeteer.launch({
        executablePath,
        headless: true,
        args: ARGS,
        userDataDir: profile,
        handleSIGINT: true,
        handleSIGTERM: true,
        handleSIGHUP: true,
      });
    } catch (e) {
      rmSync(profile, { recursive: true, force: true });
      fail('BROWSER', `could not start ${executablePath}: ${(e as Error).message.split('\n')[0]}`, {
        hint: 'Check that Chromium runs (`chromium --headless --no-sandbox --dump-dom about:blank`), or set CHROME_PATH.',
        cause: e,
      });
    }
    return new BrowserSession(browser, profile);
  }

  /** A page for trusted, self-contained notes: JavaScript off, every network request blocked, timeouts set. */
  async newPage(): Promise<Page> {
    const page = await this.browser.newPage();
    page.setDefaultTimeout(30_000);
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      const url = req.url();
      if (url.startsWith('data:') || url === 'about:blank') void req.continue();
      else void req.abort('blockedbyclient');
    });
    return page;
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

  async close(): Promise<void> {
    try {
      await this.browser.close();
    } catch {
      this.browser.process()?.kill('SIGKILL');
    } finally {
      rmSync(this.profile, { recursive: true, force: true });
    }
  }
}
