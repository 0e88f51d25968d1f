/**
 * The e-mail edition as clients get it: headers, dark mode, chart weight, inline styles, the narrow-screen
 * breakpoint, and sender/recipients checked before anything is built.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMarket } from '../../src/data/load-market.js';
import { buildEmail, requireEmailAddresses, type EmailEdition } from '../../src/email/email.js';
import { MarketNoteError } from '../../src/errors/market-note-error.js';
import { loadNote } from '../../src/note/load-note.js';
import { composeNote } from '../../src/pipeline/build-note.js';
import { BrowserSession } from '../../src/render/browser.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { readPng } from '../email/email-png.js';

const AS_OF = '2025-12-12';
const MAX_CHART_BYTES = 60 * 1024;

let session: BrowserSession;
let edition: EmailEdition;
let mail: ParsedMail;
let html: string;

beforeAll(async () => {
  session = await BrowserSession.launch();
  const note = loadNote();
  const { facts, figures } = await composeNote(note, loadMarket(undefined), AS_OF);
  edition = await buildEmail(session, { note, facts, figures, flags: { from: 'Research Desk <desk@example.com>', to: ['a@example.com', 'b@example.org'] } });
  mail = await simpleParser(edition.eml, { keepCidLinks: true });
  html = String(mail.html);
}, 120_000);
afterAll(async () => {
  await session?.close();
});

/** The @media blocks of the HTML's <style> tags, with their condition. */
const mediaBlocks = (h: string) => [...h.matchAll(/@media([^{]*)\{((?:[^{}]*\{[^{}]*\})*[^{}]*)\}/g)].map((m) => ({ when: m[1].trim(), body: m[2] }));

describe('the .eml', () => {
  it('carries From, To, Subject, Date, Message-ID and MIME-Version headers', () => {
    const head = edition.eml.toString('latin1').split('\r\n\r\n')[0];
    for (const h of ['From', 'To', 'Subject', 'Date', 'Message-ID', 'MIME-Version']) expect(head).toMatch(new RegExp(`^${h}: \\S`, 'm'));
    expect(mail.from?.value[0].address).toBe('desk@example.com');
    expect((Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap((a) => a?.value.map((v) => v.address))).toEqual(['a@example.com', 'b@example.org']);
  });

  it(`keeps every chart PNG at or under ${MAX_CHART_BYTES / 1024} KB, and the whole message under 400 KB`, () => {
    expect(edition.images.length).toBeGreaterThan(5);
    for (const img of edition.images) expect(img.png.length, img.id).toBeLessThanOrEqual(MAX_CHART_BYTES);
    expect(edition.eml.length).toBeLessThan(400 * 1024);
  });

  it('draws every chart opaque (no alpha), on its own white ground', () => {
    for (const img of edition.images) {
      expect(img.png.includes(Buffer.from('tRNS')), img.id).toBe(false);
      const png = readPng(img.png);
      expect(png.channels, img.id).toBe(3);
      expect(Array.from(png.data.subarray(0, 3)), img.id).toEqual([255, 255, 255]);
    }
  });
});

describe('the e-mail HTML', () => {
  it('declares light and dark colour schemes and has prefers-color-scheme: dark rules', () => {
    expect(html).toMatch(/<meta name="color-scheme" content="light dark">/);
    expect(html).toMatch(/<meta name="supported-color-schemes" content="light dark">/);
    const dark = mediaBlocks(html).find((b) => /prefers-color-scheme:\s*dark/.test(b.when));
    expect(dark).toBeDefined();
    expect(dark?.body).toMatch(/\.container[^{]*\{[^}]*background: #1c1c1e !important/);
    // charts keep a white card around them on dark backgrounds
    expect(dark?.body).toMatch(/\.chart-cell\s*\{[^}]*background: #ffffff !important/);
  });

  it('gives every element of the body an inline style, the "what changed" heading included', () => {
    const body = html.slice(html.search(/<body/i));
    const bare = [...body.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/gi)].filter((m) => !/\sstyle="/.test(m[2]) && m[1].toLowerCase() !== 'br').map((m) => m[0]);
    expect(bare).toEqual([]);
    expect(body).toMatch(/<h3 style="[^"]*font-size/);
  });

  it('keeps the four key figures in one row at 640 px: only a breakpoint under 640 px stacks them', () => {
    const stacking = mediaBlocks(html).filter((b) => /\.kf-cell\s*\{[^}]*display: block/.test(b.body));
    expect(stacking.length).toBeGreaterThan(0);
    for (const b of stacking) expect(Number(/max-width:\s*(\d+)px/.exec(b.when)?.[1])).toBeLessThan(640);
  });
});

describe('sender and recipients are checked before building', () => {
  const note = loadNote();
  const fails = (flags: Parameters<typeof requireEmailAddresses>[1]) => {
    try {
      requireEmailAddresses(note, flags);
    } catch (e) {
      return e as MarketNoteError;
    }
    return undefined;
  };

  it('names --mail-from and --mail-to (not the batch --from) when they are missing', () => {
    expect(fails({ to: ['a@example.com'] })?.hint).toMatch(/--mail-from ADDRESS/);
    expect(fails({ from: 'desk@example.com' })?.hint).toMatch(/--mail-to ADDRESS/);
    expect(fails({ from: 'desk@example.com', to: ['a@example.com'] })).toBeUndefined();
    expect(fails({ from: 'Desk <desk@example.com>', to: ['A <a@example.com>'] })).toBeUndefined();
  });

  it('refuses something that is not an address', () => {
    expect(fails({ from: 'desk', to: ['a@example.com'] })?.message).toBe('the e-mail sender "desk" is not an e-mail address');
    expect(fails({ from: 'desk@example.com', to: ['a@example.com', 'nobody'] })?.message).toBe('the e-mail recipient "nobody" is not an e-mail address');
  });

  it('build --format email without a sender exits 1 before building and writes nothing', async () => {
    const out = join(tempDir(), 'out');
    const r = await runCli(['build', '--as-of', AS_OF, '--format', 'html,email', '--mail-to', 'a@example.com', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/market-note: the e-mail has no sender\nGive --mail-from ADDRESS when building, or set email.from in note.yaml./);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  }, 60_000);
});

describe('preview ?format=email', () => {
  it('serves the e-mail HTML with every chart shown, and links to it from the toolbar', async () => {
    const { startPreview } = await import('../../src/preview/preview-server.js');
    const server = await startPreview({ note: 'weekly-outlook', asOf: AS_OF, port: 0, pollMs: 1000 });
    try {
      const page = await (await fetch(server.url)).text();
      expect(page).toContain(`format=email">e-mail</a>`);
      const res = await fetch(`${server.url}?format=email`);
      expect(res.status).toBe(200);
      const email = await res.text();
      expect(email).toMatch(/<table role="presentation" class="container" width="640"/);
      expect(email).toMatch(/@media \(prefers-color-scheme: dark\)/);
      const imgs = [...email.matchAll(/<img\b[^>]*class="chart-img"[^>]*>/g)].map((m) => m[0]);
      expect(imgs.length).toBeGreaterThan(5);
      for (const img of imgs) expect(img).toMatch(/src="data:image\/svg\+xml;base64,/);
      expect(email).not.toContain('cid:');
      expect(email).toContain('id="mn-preview-bar"');
    } finally {
      await server.close();
    }
  }, 120_000);
});
