import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarketNoteError } from '../../src/errors/market-note-error.js';
import { decodeWords, readEml, smtpConfig } from '../../src/email/smtp.js';
import { leftoverChromium, runCli, smtpEnv, tempDir, withoutDemoNotice } from '../helpers/cli.js';

const AS_OF = '2025-12-12';
const USER = 'desk';
const PASS = 'correct-horse-battery-staple';
const FROM = 'Research <research@example.com>';
const TO = ['a@example.com', 'b@example.org'];


interface Received {
  from: string;
  to: string[];
  data: Buffer;
}

/** A local SMTP server on 127.0.0.1 and a random port: login required, no TLS, keeps what it receives. */
async function startServer() {
  const received: Received[] = [];
  let connections = 0;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    size: 20 << 20,
    logger: false,
    socketTimeout: 20_000,
    onConnect(_session, cb) {
      connections++;
      cb();
    },
    onAuth(auth, _session, cb) {
      if (auth.username === USER && auth.password === PASS) cb(null, { user: USER });
      else cb(new Error('Invalid username or password'));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks),
        });
        cb();
      });
    },
  });
  await new Promise<void>((res, rej) => {
    server.once('error', rej);
    server.listen(0, '127.0.0.1', () => res());
  });
  const port = (server.server.address() as { port: number }).port;
  const close = () => new Promise<void>((res) => server.close(() => res()));
  return { received, port, close, connections: () => connections };
}

describe('smtpConfig', () => {
  it('reads host, port, TLS and login from the environment', () => {
    expect(
      smtpConfig({ MARKET_NOTE_SMTP_HOST: 'smtp.example.com', MARKET_NOTE_SMTP_PORT: '2525', MARKET_NOTE_SMTP_USER: 'u', MARKET_NOTE_SMTP_PASS: 'p' }),
    ).toEqual({ host: 'smtp.example.com', port: 2525, secure: false, auth: { user: 'u', pass: 'p' } });
  });

  it('defaults the port to 587, or 465 with MARKET_NOTE_SMTP_SECURE=true', () => {
    expect(smtpConfig({ MARKET_NOTE_SMTP_HOST: 'h' })).toEqual({ host: 'h', port: 587, secure: false });
    expect(smtpConfig({ MARKET_NOTE_SMTP_HOST: 'h', MARKET_NOTE_SMTP_SECURE: 'true' })).toEqual({ host: 'h', port: 465, secure: true });
  });

  it('throws one SMTP error naming what is missing, without the password', () => {
    let err: unknown;
    try {
      smtpConfig({ MARKET_NOTE_SMTP_PASS: PASS });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MarketNoteError);
    expect((err as MarketNoteError).code).toBe('SMTP');
    expect((err as MarketNoteError).message).toMatchInlineSnapshot(
      `"no SMTP server to send with: MARKET_NOTE_SMTP_HOST and MARKET_NOTE_SMTP_USER are not set"`,
    );
    expect((err as MarketNoteError).format()).not.toContain(PASS);
  });

  it('rejects a port or TLS setting it cannot read', () => {
    expect(() => smtpConfig({ MARKET_NOTE_SMTP_HOST: 'h', MARKET_NOTE_SMTP_PORT: 'smtp' })).toThrow(/MARKET_NOTE_SMTP_PORT must be a port number/);
    expect(() => smtpConfig({ MARKET_NOTE_SMTP_HOST: 'h', MARKET_NOTE_SMTP_SECURE: 'maybe' })).toThrow(/MARKET_NOTE_SMTP_SECURE must be true or false/);
  });
});

describe('readEml', () => {
  const eml = (head: string) => Buffer.from(`${head}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nHello.\r\n`);

  it('takes the sender from From and the recipients from To, Cc and Bcc, and drops the Bcc header', () => {
    const m = readEml(eml('From: "Desk" <desk@example.com>\r\nTo: a@example.com,\r\n b@example.com\r\nCc: c@example.com\r\nBcc: d@example.com\r\nSubject: =?UTF-8?Q?Weekly_=E2=80=94_note?='));
    expect(m.envelope).toEqual({ from: 'desk@example.com', to: ['a@example.com', 'b@example.com', 'c@example.com', 'd@example.com'] });
    expect(m.subject).toBe('Weekly — note');
    expect(m.raw.toString()).not.toMatch(/^Bcc:/im);
    expect(m.raw.toString()).toMatch(/\r\n\r\nHello\.\r\n$/);
    expect(m.size).toBe(m.raw.length);
  });

  it('refuses a message without sender or recipient', () => {
    expect(() => readEml(eml('To: a@example.com'))).toThrow(/no From address/);
    expect(() => readEml(eml('From: a@example.com'))).toThrow(/no recipient/);
  });
});

describe('decodeWords', () => {
  it('decodes base64 and quoted-printable words and joins adjacent ones', () => {
    expect(decodeWords('=?UTF-8?B?U21hbGwgY2Fwcw==?= =?UTF-8?Q?_=E2=80=94_week?=')).toBe('Small caps — week');
    expect(decodeWords('plain subject')).toBe('plain subject');
  });
});

describe('market-note send / build --send (local SMTP server)', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let out: string;
  let eml: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    server = await startServer();
    env = smtpEnv({ MARKET_NOTE_SMTP_HOST: '127.0.0.1', MARKET_NOTE_SMTP_PORT: String(server.port), MARKET_NOTE_SMTP_USER: USER, MARKET_NOTE_SMTP_PASS: PASS });
    out = tempDir();
    const r = await runCli(['build', '--as-of', AS_OF, '--format', 'email', '--attach-pdf', '--mail-from', FROM, '--mail-to', TO.join(','), '--out', out]);
    expect(withoutDemoNotice(r.stderr)).toBe('');
    expect(r.code).toBe(0);
    eml = join(out, `weekly-outlook-${AS_OF}.eml`);
  }, 180_000);

  afterAll(async () => {
    await server?.close();
  });

  it('build --format email --attach-pdf writes only the .eml and the facts (no .pdf file)', () => {
    expect(readdirSync(out).sort()).toEqual([`weekly-outlook-${AS_OF}.eml`, `weekly-outlook-${AS_OF}.facts.json`]);
  });

  it('--dry-run prints envelope, subject and size and does not connect', async () => {
    const before = server.connections();
    const r = await runCli(['send', '--eml', eml, '--dry-run'], { env: smtpEnv({}) });
    expect(r.code).toBe(0);
    const size = readFileSync(eml).length;
    expect(r.stdout).toContain('dry run: nothing sent');
    expect(r.stdout).toContain('from: research@example.com');
    expect(r.stdout).toContain(`to: ${TO.join(', ')}`);
    expect(r.stdout).toContain('subject: Weekly outlook: small caps against large caps');
    expect(r.stdout).toContain(`size: ${(size / 1024).toFixed(1)} KiB`);
    expect(server.connections()).toBe(before);
  });

  it('delivers the message whole: same bytes, every cid image present, the PDF intact', async () => {
    const before = server.received.length;
    const r = await runCli(['send', '--eml', eml], { env });
    expect(withoutDemoNotice(r.stderr)).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(PASS);
    expect(server.received).toHaveLength(before + 1);
    const got = server.received[before];
    expect(got.from).toBe('research@example.com');
    expect(got.to).toEqual(TO);
    const file = readFileSync(eml);
    expect(got.data.toString('latin1').replace(/\r?\n$/, '')).toBe(file.toString('latin1').replace(/\r?\n$/, ''));

    const sent = await simpleParser(file, { keepCidLinks: true });
    const mail = await simpleParser(got.data, { keepCidLinks: true });
    const cids = [...String(mail.html).matchAll(/src="cid:([^"]+)"/g)].map((m) => m[1]);
    expect(cids.length).toBeGreaterThan(0);
    for (const cid of cids) expect(mail.attachments.some((a) => a.cid === cid && a.contentType === 'image/png')).toBe(true);
    expect(mail.attachments.map((a) => [a.filename, a.checksum])).toEqual(sent.attachments.map((a) => [a.filename, a.checksum]));
    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf?.content.subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('exits 1 with one clear line when the SMTP settings are missing, and never prints the password', async () => {
    const r = await runCli(['send', '--eml', eml], { env: smtpEnv({ MARKET_NOTE_SMTP_USER: USER, MARKET_NOTE_SMTP_PASS: PASS }) });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('market-note: no SMTP server to send with: MARKET_NOTE_SMTP_HOST is not set');
    expect(r.stdout + r.stderr).not.toContain(PASS);
  });

  it('exits 1 when the server refuses the login, without the password in the message', async () => {
    const before = server.received.length;
    const wrong = 'wrong-password-123';
    const r = await runCli(['send', '--eml', eml], { env: { ...env, MARKET_NOTE_SMTP_PASS: wrong } });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(/^market-note: could not send through 127\.0\.0\.1:\d+: /);
    expect(r.stdout + r.stderr).not.toContain(wrong);
    expect(server.received).toHaveLength(before);
  }, 60_000);

  it('exits 1 for a file that does not exist', async () => {
    const r = await runCli(['send', '--eml', join(out, 'nope.eml'), '--dry-run']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nope\.eml: no such message file/);
  });

  it('build --send builds the e-mail edition and sends it', async () => {
    const before = server.received.length;
    const dir = tempDir();
    const r = await runCli(['build', '--as-of', AS_OF, '--format', 'html', '--send', '--mail-from', FROM, '--mail-to', TO[0], '--out', dir], { env });
    expect(withoutDemoNotice(r.stderr)).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, `weekly-outlook-${AS_OF}.eml`))).toBe(true);
    expect(server.received).toHaveLength(before + 1);
    expect(server.received[before].to).toEqual([TO[0]]);
    expect(leftoverChromium(r.tmp)).toEqual([]);
  }, 180_000);

  it('build --send fails before building when the SMTP settings are missing', async () => {
    const dir = tempDir();
    const r = await runCli(['build', '--as-of', AS_OF, '--send', '--out', dir], { env: smtpEnv({}) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/MARKET_NOTE_SMTP_HOST is not set/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
