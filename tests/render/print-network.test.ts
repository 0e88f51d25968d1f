import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../src/render/browser.js';
import { printPdf, setHtml } from '../../src/render/pdf.js';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

/** A local server that counts every request it receives: nothing may reach it while printing. */
let server: Server;
let hits: string[] = [];
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end('x');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const pdfOptions = {
  desk: 'Desk',
  title: 'Title',
  dateLine: '12 December 2025',
  metadata: { title: 'Title', author: 'A', subject: 'S', keywords: ['k'], asOf: '2025-12-12' },
};

describe('printing with the network blocked and JavaScript off', () => {
  it('prints a page that references remote resources, blocking every request before it leaves', async () => {
    hits = [];
    // No CSP here, so every reference reaches the request handler that must block it.
    const html = `<!doctype html><html><head>
      <link rel="stylesheet" href="${base}/style.css">
      <style>@import url("${base}/import.css"); .bg { background: url("${base}/bg.png"); height: 20px; }</style>
      </head><body><h1>Remote things</h1><img src="${base}/image.png" width="40" height="20"><div class="bg"></div>
      <iframe src="${base}/frame.html"></iframe>
      <script>document.body.insertAdjacentHTML('beforeend', '<p>SCRIPT RAN</p>'); fetch('${base}/fetch');</script>
      </body></html>`;
    const session = await BrowserSession.launch();
    const blocked: string[] = [];
    try {
      const pdf = await session.withPage(async (page) => {
        page.on('requestfailed', (req) => {
          if (/ERR_BLOCKED_BY_CLIENT/.test(req.failure()?.errorText ?? '')) blocked.push(new URL(req.url()).pathname);
        });
        await setHtml(page, html);
        const bytes = await printPdf(page, pdfOptions);
        return bytes;
      });
      expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      expect(Buffer.from(pdf).toString('latin1')).not.toContain('SCRIPT RAN');
    } finally {
      await session.close();
    }
    expect(hits).toEqual([]);
    // every remote reference was requested by the page and blocked by the handler (the script never ran, so no fetch)
    expect(blocked).toEqual(expect.arrayContaining(['/frame.html', '/image.png', '/import.css', '/style.css']));
    expect(blocked).not.toContain('/fetch');
  }, 60_000);

  it('refuses to build a note whose template has a remote image, without any request leaving', async () => {
    hits = [];
    const dir = tempDir();
    const note = join(dir, 'remote-note');
    cpSync(join(ROOT, 'templates/weekly-outlook'), note, { recursive: true });
    const masthead = join(note, 'partials/masthead.hbs');
    writeFileSync(masthead, `${readFileSync(masthead, 'utf8')}\n<img class="logo" src="${base}/logo.png" alt="logo">\n`);
    const out = join(dir, 'out');
    const r = await runCli(['build', '--note', note, '--as-of', '2025-12-12', '--out', out, '--format', 'pdf']);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(new RegExp(`^market-note: ${masthead}:\\d+: <img src=".*/logo\\.png"> loads a remote resource`));
    expect(existsSync(out)).toBe(false);
    expect(hits).toEqual([]);
  }, 120_000);
});

describe('market-note lint', () => {
  it('flags a remote src= in a template as remote-resource, with the file and line', async () => {
    const dir = tempDir();
    const note = join(dir, 'weekly-outlook');
    cpSync(join(ROOT, 'templates/weekly-outlook'), note, { recursive: true });
    const clean = await runCli(['lint', '--note', note, '--as-of', '2025-12-12']);
    expect(clean.stderr).not.toContain('remote-resource');
    const masthead = join(note, 'partials/masthead.hbs');
    const lines = readFileSync(masthead, 'utf8').split('\n');
    writeFileSync(masthead, [...lines.slice(0, 1), '<img src="https://cdn.example.com/logo.png" alt="logo">', ...lines.slice(1)].join('\n'));
    const r = await runCli(['lint', '--note', note, '--as-of', '2025-12-12']);
    expect(r.code).toBe(1);
    const issue = r.stderr.split('\n').find((l) => l.includes('[remote-resource]'));
    expect(issue).toBeDefined();
    expect(issue).toContain(`${join(note, 'partials/masthead.hbs')}:2:`);
    expect(existsSync(join(note, 'partials/masthead.hbs'))).toBe(true);
  }, 120_000);
});
