/**
 * `market-note preview` as a user would use it: the built CLI serves a temp note folder on a random port, a real
 * Chromium (puppeteer-core + the system browser) opens the page, we edit a partial and wait for the page to
 * show the new text; then a template error, which must appear in the page with its file and line, and its fix.
 * The note's templates are tiny (its note.yaml is weekly-outlook's), so the test does not depend on the
 * weekly-outlook templates being edited elsewhere.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview } from '../../src/preview/preview-server.js';
import { findChrome } from '../../src/render/browser.js';
import { BIN, ROOT, runCli, tempDir } from '../helpers/cli.js';

const WAIT_MS = 20_000;

/** Poll `check` until it returns true (page reloads destroy contexts mid-call: those errors count as "not yet"). */
async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + WAIT_MS;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const text = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLElement).innerText);

/**
 * Go to `target`. The page of the previous test may still be reloading itself (the preview reloads it when the
 * watcher sees a change, which can come a tick after the page already shows the new file), and that reload
 * aborts the navigation (net::ERR_ABORTED): navigate again then, a few times at most.
 */
async function visit(page: Page, target: string): Promise<void> {
  for (let tries = 1; ; tries++) {
    try {
      await page.goto(target);
      return;
    } catch (e) {
      if (tries >= 3 || !String((e as Error).message).includes('ERR_ABORTED')) throw e;
    }
  }
}

describe('market-note preview', () => {
  let note: string;
  let server: ChildProcess;
  let stderr = '';
  let url = '';
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    note = join(tempDir('market-note-preview-'), 'mini');
    mkdirSync(join(note, 'partials'), { recursive: true });
    copyFileSync(join(ROOT, 'templates/weekly-outlook/note.yaml'), join(note, 'note.yaml'));
    writeFileSync(join(note, 'note.hbs'), '{{> headline}}\n<p class="as-of">As of {{asOf}}</p>\n');
    writeFileSync(join(note, 'partials/headline.hbs'), '<h1>First draft</h1>\n');
    writeFileSync(join(note, 'note.css'), 'h1 { color: #123456; }\n');

    server = spawn('node', [BIN, 'preview', '--note', note, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    url = await new Promise<string>((ok, bad) => {
      let out = '';
      const timer = setTimeout(() => bad(new Error(`no URL on stdout; stderr: ${stderr}`)), WAIT_MS);
      server.stdout!.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /^(http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(out);
        if (m) {
          clearTimeout(timer);
          ok(m[1]);
        }
      });
      server.once('exit', (code) => bad(new Error(`preview exited with ${code}: ${stderr}`)));
    });
    browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    page = await browser.newPage();
    page.setDefaultTimeout(WAIT_MS);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      server.kill('SIGKILL');
    }
  });

  it('serves the note on 127.0.0.1 with a toolbar, and only to local host names', async () => {
    await visit(page, url);
    expect(await text(page, 'h1')).toBe('First draft');
    expect(await page.$eval('#mn-preview-date', (el) => (el as HTMLInputElement).value)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // A page on another site that resolves its own name to 127.0.0.1 (DNS rebinding) gets nothing.
    const status = await new Promise<number | undefined>((ok, bad) =>
      get(url, { headers: { host: 'attacker.example' } }, (res) => {
        res.resume();
        ok(res.statusCode);
      }).on('error', bad),
    );
    expect(status).toBe(403);
  });

  it('reloads the page when a partial changes', async () => {
    await visit(page, url);
    writeFileSync(join(note, 'partials/headline.hbs'), '<h1>Second draft</h1>\n');
    await until('the edited headline', async () => (await text(page, 'h1')) === 'Second draft');
    await until('the change in the log', async () => stderr.includes('changed: partials/headline.hbs'));
  });

  it('shows a template error with its file and line, then the note again once it is fixed', async () => {
    await visit(page, url);
    writeFileSync(join(note, 'partials/headline.hbs'), '<h1>Broken</h1>\n{{#if asOf}}\n<p>never closed</p>\n');
    await until('the error page', async () => (await page.$('#mn-preview-errors')) !== null);
    const errors = await text(page, '#mn-preview-errors');
    expect(errors).toContain(`${join(note, 'partials/headline.hbs')}:`);
    expect(errors).toMatch(/headline\.hbs:\d+: /);
    writeFileSync(join(note, 'partials/headline.hbs'), '<h1>Fixed</h1>\n');
    await until('the fixed note', async () => (await text(page, 'h1')) === 'Fixed');
  });

  it('switches the date with ?as-of= and with the date input', async () => {
    await visit(page, `${url}?as-of=2025-07-03`);
    expect(await text(page, '.as-of')).toBe('As of 2025-07-03');
    await page.$eval('#mn-preview-date', (el) => {
      const input = el as HTMLInputElement;
      input.value = '2025-06-30';
      input.dispatchEvent(new Event('change'));
    });
    await until('the page for 30 June', async () => (await text(page, '.as-of')) === 'As of 2025-06-30');
    expect(page.url()).toBe(`${url}?as-of=2025-06-30`);
  });

  it('returns the PDF for ?format=pdf', async () => {
    const res = await fetch(`${url}?as-of=2025-07-03&format=pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((ok) => server.once('exit', (code) => ok(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

describe('market-note preview failures', () => {
  it('exits 1 for an unknown note without starting a server', async () => {
    const r = await runCli(['preview', '--note', 'no-such-note', '--port', '0']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe('market-note: no note named "no-such-note"');
  });

  it('exits 2 for a bad port', async () => {
    const r = await runCli(['preview', '--port', '70000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/expected a port number 0 … 65535, got "70000"/);
  });
});

describe('preview of a data folder (in process)', () => {
  it('tells open pages to reload and serves new figures when a CSV file changes', async () => {
    const dir = tempDir('market-note-preview-data-');
    const data = join(dir, 'data');
    expect((await runCli(['demo-data', '--out', data])).code).toBe(0);
    const note = join(dir, 'ytd');
    mkdirSync(note);
    copyFileSync(join(ROOT, 'templates/weekly-outlook/note.yaml'), join(note, 'note.yaml'));
    writeFileSync(join(note, 'note.hbs'), '<p class="ytd">{{returns.ytd.RUT.value}}</p>\n');
    writeFileSync(join(note, 'note.css'), '');
    const server = await startPreview({ note, data, port: 0, pollMs: 50 });
    try {
      const ytdShown = async () => Number(/<p class="ytd">([^<]*)<\/p>/.exec(await (await fetch(server.url)).text())?.[1]);
      const before = await ytdShown();
      // Open the event stream as the page's script does, then change the last close of RUT.
      const events = (await fetch(`${server.url}events`)).body!.getReader();
      const decoder = new TextDecoder();
      let stream = decoder.decode((await events.read()).value);
      expect(stream).toMatch(/event: hello\ndata: \{"id":"[0-9a-f]+","gen":0\}/);
      const file = join(data, 'RUT.csv');
      const rows = readFileSync(file, 'utf8').trimEnd().split('\n');
      const last = rows[rows.length - 1].split(',');
      expect(last[0]).toBe('2025-12-12');
      last[last.length - 1] = '2700';
      last[2] = '2700'; // the High too: a close above the day's high is refused at load
      writeFileSync(file, `${[...rows.slice(0, -1), last.join(',')].join('\n')}\n`);
      while (!stream.includes('event: change')) stream += decoder.decode((await events.read()).value);
      await events.cancel();
      // The YTD return recomputed by hand from the file: 2700 over the last close of 2024.
      const base = Number(rows.filter((r) => r.startsWith('2024-')).pop()!.split(',').pop());
      const after = await ytdShown();
      expect(after).not.toBeCloseTo(before, 6);
      expect(after).toBeCloseTo((2700 / base - 1) * 100, 6);
    } finally {
      await server.close();
    }
  });
});
