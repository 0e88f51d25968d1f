/**
 * `send` against hostile or dead SMTP servers: loopback is decided on the resolved address (never on how the
 * name looks), and every network step has a time-out, so the process always ends with one line.
 */
import { writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { isLoopbackAddress, readEml, resolveServer, sendEml } from '../../src/email/smtp.js';
import { runCli, smtpEnv, tempDir } from '../helpers/cli.js';

const EML = 'From: a@example.com\r\nTo: b@example.org\r\nSubject: Hi\r\n\r\nHello\r\n';

const fakeLookup = (answers: Record<string, string[]>) =>
  (async (host: string) => {
    const list = answers[host];
    if (!list) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  }) as never;

describe('loopback is decided on the resolved address', () => {
  it('tells loopback addresses from others', () => {
    expect(['127.0.0.1', '127.8.9.10', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'].map(isLoopbackAddress)).toEqual([true, true, true, true, true]);
    expect(['10.0.0.1', '203.0.113.7', '::2', 'fe80::1', '128.0.0.1'].map(isLoopbackAddress)).toEqual([false, false, false, false, false]);
    expect(isLoopbackAddress('127.relay.example')).toBe(false);
  });

  it('treats a name starting with "127." that resolves elsewhere as remote', async () => {
    const r = await resolveServer('127.relay.example', fakeLookup({ '127.relay.example': ['203.0.113.7'] }));
    expect(r).toEqual({ address: '203.0.113.7', loopback: false });
  });

  it('treats a name as loopback only when every address it resolves to is loopback', async () => {
    expect((await resolveServer('mail.local', fakeLookup({ 'mail.local': ['127.0.0.1', '::1'] }))).loopback).toBe(true);
    expect((await resolveServer('mixed.example', fakeLookup({ 'mixed.example': ['127.0.0.1', '198.51.100.1'] }))).loopback).toBe(false);
  });

  it('reports a name that does not resolve as one SMTP error', async () => {
    await expect(resolveServer('nowhere.invalid', fakeLookup({}))).rejects.toThrow('could not resolve the SMTP server nowhere.invalid (ENOTFOUND)');
  });

  // A server without STARTTLS reached through this machine's own non-loopback address: the login must not be sent.
  const external = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
  it.skipIf(!external)('never sends the password in clear to a non-loopback address (the server sees no AUTH)', async () => {
    let authTried = false;
    const server = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth(_a, _s, cb) {
        authTried = true;
        cb(null, { user: 'x' });
      },
      onData(stream, _s, cb) {
        stream.resume();
        stream.on('end', () => cb());
      },
    });
    await new Promise<void>((ok) => server.listen(0, '0.0.0.0', ok));
    const port = (server.server.address() as { port: number }).port;
    try {
      const message = readEml(Buffer.from(EML));
      await expect(sendEml(message, { host: external!, port, secure: false, auth: { user: 'desk', pass: 'secret' } })).rejects.toThrow(/could not send through/);
      expect(authTried).toBe(false);
    } finally {
      await new Promise<void>((ok) => server.close(() => ok()));
    }
  });
});

describe('every network step of send has a time-out, and the process exits', () => {
  const sockets = new Set<Socket>();
  const servers: Server[] = [];
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await Promise.all(servers.map((s) => new Promise((ok) => s.close(ok))));
  });
  async function listen(onConnect: (s: Socket) => void): Promise<number> {
    const server = createServer((s) => {
      sockets.add(s);
      s.on('error', () => undefined);
      onConnect(s);
    });
    servers.push(server);
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    return (server.address() as { port: number }).port;
  }
  function emlFile(): string {
    const file = join(tempDir('market-note-smtp-'), 'note.eml');
    writeFileSync(file, EML);
    return file;
  }

  it('a server that accepts and never greets: one line, exit 1', async () => {
    const port = await listen(() => undefined);
    const r = await runCli(['send', '--eml', emlFile()], { env: smtpEnv({ MARKET_NOTE_SMTP_HOST: '127.0.0.1', MARKET_NOTE_SMTP_PORT: String(port), MARKET_NOTE_SMTP_TIMEOUT_MS: '300' }) });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(new RegExp(`^market-note: could not send through 127\\.0\\.0\\.1:${port}: (Greeting never received|Timeout) \\(ETIMEDOUT\\)$`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a server that greets and then never answers: one line, exit 1', async () => {
    const port = await listen((s) => s.write('220 mute.example ESMTP\r\n'));
    const r = await runCli(['send', '--eml', emlFile()], { env: smtpEnv({ MARKET_NOTE_SMTP_HOST: '127.0.0.1', MARKET_NOTE_SMTP_PORT: String(port), MARKET_NOTE_SMTP_TIMEOUT_MS: '300' }) });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(new RegExp(`^market-note: could not send through 127\\.0\\.0\\.1:${port}: .*(ETIMEDOUT|ESOCKET)`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a TLS port that never completes the handshake: one line, exit 1', async () => {
    const port = await listen(() => undefined);
    const r = await runCli(['send', '--eml', emlFile()], {
      env: smtpEnv({ MARKET_NOTE_SMTP_HOST: '127.0.0.1', MARKET_NOTE_SMTP_PORT: String(port), MARKET_NOTE_SMTP_SECURE: 'true', MARKET_NOTE_SMTP_TIMEOUT_MS: '300' }),
    });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(/^market-note: could not send through 127\.0\.0\.1:\d+: .*\((ETIMEDOUT|ESOCKET|ECONNECTION)\)$/);
  });

  it('refuses a bad MARKET_NOTE_SMTP_TIMEOUT_MS', async () => {
    const r = await runCli(['send', '--eml', emlFile()], { env: smtpEnv({ MARKET_NOTE_SMTP_HOST: '127.0.0.1', MARKET_NOTE_SMTP_TIMEOUT_MS: 'soon' }) });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('market-note: MARKET_NOTE_SMTP_TIMEOUT_MS must be a whole number of milliseconds, got "soon"');
  });
});
