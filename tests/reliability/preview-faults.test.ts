/**
 * The preview under load and attack: its render cache stays bounded, other sites cannot make the browser ask it
 * for anything, PDFs are printed one at a time (a few wait, more are turned away), and a Chromium that dies is
 * replaced on the next PDF instead of every PDF failing until a restart.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../src/preview/preview-server.js';
import { BrowserSession } from '../../src/render/browser.js';

/** GET with the headers a browser would send; resolves with the status. */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((ok, bad) => {
    const req = request(url, { headers }, (res) => {
      let body = '';
      res.on('data', (b: Buffer) => (body += b.toString('latin1')));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', bad);
    req.end();
  });
}

const DATES = ['2025-11-03', '2025-11-04', '2025-11-05', '2025-11-06', '2025-11-07', '2025-11-10'];

describe('preview render cache', () => {
  it('keeps at most cacheEntries renders, the most recently used', async () => {
    const server = await startPreview({ port: 0, cacheEntries: 3 });
    try {
      for (const d of DATES) expect((await get(`${server.url}?as-of=${d}&format=json`)).status).toBe(200);
      expect(server.cacheSize().entries).toBe(3);
    } finally {
      await server.close();
    }
  }, 120_000);

  it('keeps no more than cacheMB of renders', async () => {
    const server = await startPreview({ port: 0, cacheMB: 1.5 });
    try {
      for (const d of DATES.slice(0, 4)) expect((await get(`${server.url}?as-of=${d}`)).status).toBe(200);
      const { entries, bytes } = server.cacheSize();
      expect(entries).toBeGreaterThanOrEqual(1);
      expect(entries).toBeLessThan(4);
      expect(bytes).toBeLessThanOrEqual(1.5 * 1024 * 1024);
    } finally {
      await server.close();
    }
  }, 120_000);
});

describe('preview refuses requests from other sites', () => {
  let server: PreviewServer;
  beforeAll(async () => {
    server = await startPreview({ port: 0 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers the address bar, its own pages, and clients that send no fetch metadata', async () => {
    expect((await get(server.url, { 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate' })).status).toBe(200);
    expect((await get(server.url, { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await get(`${server.url}?format=json`, { origin: server.url.replace(/\/$/, '') })).status).toBe(200);
    expect((await get(server.url)).status).toBe(200);
  }, 60_000);

  it.each([
    [{ 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' }],
    [{ 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' }],
    [{ 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'cors' }],
    [{ origin: 'http://attacker.example' }],
    [{ origin: 'null' }],
  ])('refuses %o with 403 and does no work', async (headers) => {
    const r = await get(`${server.url}?as-of=2025-10-01&format=pdf`, headers);
    expect(r.status).toBe(403);
    expect(r.body).toBe('market-note preview answers only its own pages and the address bar, not requests from other sites\nOpen the preview address directly in the browser.\n');
  });
});

describe('preview PDFs', () => {
  let session: BrowserSession | undefined;
  let launches = 0;
  let server: PreviewServer;
  let open = 0;
  let mostOpen = 0;
  beforeAll(async () => {
    server = await startPreview({
      port: 0,
      pdfQueue: 3,
      launchBrowser: async () => {
        launches++;
        session = await BrowserSession.launch();
        // count the pages printing at the same time
        const watch = (b: BrowserSession['browser']) => {
          b.on('targetcreated', (t) => t.type() === 'page' && (mostOpen = Math.max(mostOpen, ++open)));
          b.on('targetdestroyed', (t) => t.type() === 'page' && open--);
        };
        watch(session.browser);
        return session;
      },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('prints one at a time; a few wait their turn, more get 503', async () => {
    // the pages rendered first, so the six PDF requests reach the queue together
    for (const d of DATES) expect((await get(`${server.url}?as-of=${d}`)).status).toBe(200);
    const asked = DATES.map((d) => get(`${server.url}?as-of=${d}&format=pdf`));
    const statuses = (await Promise.all(asked)).map((r) => r.status);
    // the first starts at once, three wait, the other two are turned away
    expect(statuses.filter((s) => s === 200)).toHaveLength(4);
    expect(statuses.filter((s) => s === 503)).toHaveLength(2);
    expect(mostOpen).toBe(1);
  }, 180_000);

  it('starts a fresh Chromium when its browser has died, instead of failing until a restart', async () => {
    expect((await get(`${server.url}?as-of=2025-12-12&format=pdf`)).status).toBe(200);
    const dead = session!.browser.process()!.pid!;
    process.kill(-dead, 'SIGKILL');
    await new Promise((r) => session!.browser.once('disconnected', r));
    const r = await get(`${server.url}?as-of=2025-12-12&format=pdf`);
    expect(r.status).toBe(200);
    expect(r.body.slice(0, 5)).toBe('%PDF-');
    expect(session!.browser.process()!.pid).not.toBe(dead);
    expect(launches).toBe(1); // the same session, with a new browser in it
  }, 180_000);
});
