import { lookup } from 'node:dns/promises';
import { connect, isIP, type Socket } from 'node:net';
import addressparser from 'nodemailer/lib/addressparser/index.js';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import * as msg from '../errors/messages.js';
import { fail, MarketNoteError } from '../errors/market-note-error.js';

/**
 * Sending a built .eml over SMTP. The server and credentials come from the environment only
 * (MARKET_NOTE_SMTP_HOST, _PORT, _SECURE, _USER, _PASS), never from files or flags, and are never printed.
 */

export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the first byte (port 465 style); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  auth?: { user: string; pass: string };
}

export const SMTP_ENV = ['MARKET_NOTE_SMTP_HOST', 'MARKET_NOTE_SMTP_PORT', 'MARKET_NOTE_SMTP_SECURE', 'MARKET_NOTE_SMTP_USER', 'MARKET_NOTE_SMTP_PASS'] as const;

const CHECK_HINT = 'Check MARKET_NOTE_SMTP_HOST, _PORT, _SECURE and the login, and that the server accepts mail from this machine.';

const ENV_HINT =
  'Set MARKET_NOTE_SMTP_HOST (and MARKET_NOTE_SMTP_PORT, default 587, or 465 with MARKET_NOTE_SMTP_SECURE=true); ' +
  'MARKET_NOTE_SMTP_USER and MARKET_NOTE_SMTP_PASS when the server needs a login.';

/**
 * The SMTP server from the environment; one MarketNoteError (code SMTP) naming what is missing or wrong.
 * @example smtpConfig({ MARKET_NOTE_SMTP_HOST: 'smtp.example.com' }) //=> { host: 'smtp.example.com', port: 587, secure: false }
 */
export function smtpConfig(env: NodeJS.ProcessEnv = process.env): SmtpConfig {
  const get = (k: string) => env[k]?.trim() || undefined;
  const host = get('MARKET_NOTE_SMTP_HOST');
  const user = get('MARKET_NOTE_SMTP_USER');
  const pass = env.MARKET_NOTE_SMTP_PASS || undefined;
  const missing = [!host && 'MARKET_NOTE_SMTP_HOST', user && !pass && 'MARKET_NOTE_SMTP_PASS', pass && !user && 'MARKET_NOTE_SMTP_USER'].filter(Boolean);
  if (missing.length) fail('SMTP', `no SMTP server to send with: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set`, { hint: ENV_HINT });
  const rawSecure = (get('MARKET_NOTE_SMTP_SECURE') ?? 'false').toLowerCase();
  if (!['true', 'false', '1', '0', 'yes', 'no'].includes(rawSecure)) {
    fail('SMTP', `MARKET_NOTE_SMTP_SECURE must be true or false, got "${rawSecure}"`, { hint: ENV_HINT });
  }
  const secure = ['true', '1', 'yes'].includes(rawSecure);
  const rawPort = get('MARKET_NOTE_SMTP_PORT');
  const port = rawPort === undefined ? (secure ? 465 : 587) : Number(rawPort);
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail('SMTP', `MARKET_NOTE_SMTP_PORT must be a port number, got "${rawPort}"`, { hint: ENV_HINT });
  return { host: host as string, port, secure, ...(user && pass ? { auth: { user, pass } } : {}) };
}

/** The part of a message `send` needs: who from, who to, what subject, how big. */
export interface EmlSummary {
  envelope: { from: string; to: string[] };
  subject: string;
  messageId?: string;
  /** Bytes as sent (without a Bcc header, if the file had one). */
  size: number;
  raw: Buffer;
}

/** Header lines of a message, unfolded, by lower-case name. */
function headers(raw: Buffer): { fields: Map<string, string[]>; bodyAt: number } {
  const text = raw.toString('latin1');
  const m = /\r?\n\r?\n/.exec(text);
  const bodyAt = m ? m.index + m[0].length : text.length;
  const fields = new Map<string, string[]>();
  for (const line of text.slice(0, m ? m.index : text.length).replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    const name = line.slice(0, i).trim().toLowerCase();
    fields.set(name, [...(fields.get(name) ?? []), Buffer.from(line.slice(i + 1).trim(), 'latin1').toString('utf8')]);
  }
  return { fields, bodyAt };
}

/**
 * Decode RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`) in a header value.
 * @example decodeWords('=?UTF-8?Q?Weekly_outlook_=E2=80=94_12_Dec?=') //=> 'Weekly outlook — 12 Dec'
 */
export function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[bq]\?[^?]*\?=)\s+(?==\?)/gi, '$1')
    .replace(/=\?([^?*]+)(?:\*[^?]*)?\?([bq])\?([^?]*)\?=/gi, (all, charset: string, enc: string, data: string) => {
      const bytes =
        enc.toLowerCase() === 'b'
          ? Buffer.from(data, 'base64')
          : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))), 'latin1');
      try {
        return new TextDecoder(charset.toLowerCase()).decode(bytes);
      } catch {
        return all;
      }
    });
}

const addresses = (values: string[] | undefined): string[] =>
  (values ?? []).flatMap((v) => addressparser(v, { flatten: true }).map((a) => a.address)).filter(Boolean);

/**
 * Read a .eml file's envelope: From, and To + Cc + Bcc as recipients; a Bcc header is removed from what is sent.
 * Throws a MarketNoteError when the message has no sender or no recipient.
 * @example readEml(Buffer.from('From: a@x.com\r\nTo: b@y.com\r\nSubject: Hi\r\n\r\nHello')).envelope //=> { from: 'a@x.com', to: ['b@y.com'] }
 */
export function readEml(raw: Buffer, file?: string): EmlSummary {
  const { fields, bodyAt } = headers(raw);
  if (!fields.size) fail('SMTP', 'this is not an e-mail message (no header lines)', { file });
  const from = addresses(fields.get('from'))[0];
  const to = [...new Set([...addresses(fields.get('to')), ...addresses(fields.get('cc')), ...addresses(fields.get('bcc'))])];
  if (!from) fail('SMTP', 'the message has no From address', { file, hint: msg.noMailFrom().hint });
  if (to.length === 0) fail('SMTP', 'the message has no recipient (To, Cc or Bcc)', { file, hint: msg.noMailTo().hint });
  let out = raw;
  if (fields.has('bcc')) {
    const head = raw.subarray(0, bodyAt).toString('latin1').replace(/^bcc:.*(?:\r?\n[ \t].*)*\r?\n/gim, '');
    out = Buffer.concat([Buffer.from(head, 'latin1'), raw.subarray(bodyAt)]);
  }
  return {
    envelope: { from, to },
    subject: decodeWords(fields.get('subject')?.[0] ?? ''),
    messageId: fields.get('message-id')?.[0],
    size: out.length,
    raw: out,
  };
}

export interface SendResult {
  accepted: string[];
  rejected: string[];
  response: string;
}

/**
 * Send the message as it is (raw bytes) to the server; SMTP failures become a MarketNoteError without secrets.
 * @example (await sendEml(readEml(readFileSync('note.eml')), smtpConfig())).accepted //=> ['b@y.com']
 */
export async function sendEml(message: EmlSummary, config: SmtpConfig, env: NodeJS.ProcessEnv = process.env): Promise<SendResult> {
  const timeoutMs = smtpTimeoutMs(env);
  const { address, loopback } = await resolveServer(config.host);
  // The socket is opened here, on the address that was checked (not a name that could resolve differently a
  // moment later), so it can be destroyed at the end whatever state the exchange is in: nodemailer's own close
  // waits for the server to acknowledge, which a silent server never does.
  const socket = await openSocket(address, config, timeoutMs);
  const transport = nodemailer.createTransport({
    connection: socket,
    host: address,
    servername: isIP(config.host) ? undefined : config.host.replace(/^\[|\]$/g, ''),
    port: config.port,
    secure: config.secure,
    // never send a password over a plain connection to another machine
    requireTLS: !config.secure && !!config.auth && !loopback,
    auth: config.auth,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
    disableFileAccess: true,
    disableUrlAccess: true,
  } as SMTPTransport.Options);
  // One deadline for the whole exchange, on top of nodemailer's per-step time-outs: the process always ends.
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${timeoutMs * 3} ms`), { code: 'ETIMEDOUT' })), timeoutMs * 3);
    timer.unref();
  });
  try {
    const info = await Promise.race([transport.sendMail({ envelope: message.envelope, raw: message.raw }), deadline]);
    const list = (xs: unknown[] | undefined) => (xs ?? []).map((x) => (typeof x === 'string' ? x : (x as { address: string }).address));
    return { accepted: list(info.accepted), rejected: list(info.rejected), response: String(info.response ?? '') };
  } catch (e) {
    const err = e as Error & { code?: string; responseCode?: number };
    const why = [err.code, err.responseCode].filter(Boolean).join(' ');
    return fail('SMTP', `could not send through ${config.host}:${config.port}: ${err.message.split('\n')[0]}${why ? ` (${why})` : ''}`, {
      hint: CHECK_HINT,
      cause: e,
    });
  } finally {
    clearTimeout(timer);
    transport.close();
    socket.destroy();
  }
}

/** A TCP connection to the server within `timeoutMs`, as a one-line SMTP error otherwise. */
function openSocket(address: string, config: SmtpConfig, timeoutMs: number): Promise<Socket> {
  return new Promise((ok, reject) => {
    const socket = connect({ host: address, port: config.port });
    const failed = (why: string, code: string) => {
      socket.destroy();
      reject(new MarketNoteError('SMTP', `could not send through ${config.host}:${config.port}: ${why} (${code})`, { hint: CHECK_HINT }));
    };
    const timer = setTimeout(() => failed(`no connection within ${timeoutMs} ms`, 'ETIMEDOUT'), timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      socket.on('error', () => undefined); // nodemailer reports errors from here on
      ok(socket);
    });
    socket.once('error', (e: Error & { code?: string }) => {
      clearTimeout(timer);
      failed(e.message.split('\n')[0], e.code ?? 'ECONNECTION');
    });
  });
}

/** Default time-out of each SMTP step (connect, greeting, every answer), in milliseconds. */
export const DEFAULT_SMTP_TIMEOUT_MS = 20_000;

/**
 * The per-step SMTP time-out from MARKET_NOTE_SMTP_TIMEOUT_MS (default 20 000 ms); the whole send is given three times that.
 * @example smtpTimeoutMs({ MARKET_NOTE_SMTP_TIMEOUT_MS: '5000' }) //=> 5000
 */
export function smtpTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.MARKET_NOTE_SMTP_TIMEOUT_MS?.trim();
  if (!raw) return DEFAULT_SMTP_TIMEOUT_MS;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) fail('SMTP', `MARKET_NOTE_SMTP_TIMEOUT_MS must be a whole number of milliseconds, got "${raw.slice(0, 24)}"`, { hint: ENV_HINT });
  return Number(raw);
}

/**
 * Whether an IP address is this machine's loopback (127.0.0.0/8, ::1, or IPv4-mapped 127.x).
 * @example isLoopbackAddress('127.0.0.2') //=> true
 * @example isLoopbackAddress('10.0.0.1') //=> false
 */
export function isLoopbackAddress(address: string): boolean {
  const a = address.toLowerCase().replace(/^\[|\]$/g, '');
  if (isIP(a) === 4) return a.startsWith('127.');
  if (isIP(a) === 6) return a === '::1' || /^(0{0,4}:){1,7}0{0,3}1$/.test(a) || /^::ffff:127\./.test(a);
  return false;
}

/**
 * Resolves the server's name once: the address to connect to, and whether every address of the name is
 * loopback (only then may a password go over a plain connection). A name is never judged by how it looks:
 * `127.relay.example` is whatever DNS says it is.
 * @example (await resolveServer('localhost')).loopback //=> true
 */
export async function resolveServer(host: string, lookupAll: typeof lookup = lookup): Promise<{ address: string; loopback: boolean }> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare)) return { address: bare, loopback: isLoopbackAddress(bare) };
  let addresses: { address: string }[];
  try {
    addresses = await lookupAll(bare, { all: true });
  } catch (e) {
    const code = (e as { code?: string }).code ?? 'ENOTFOUND';
    return fail('SMTP', `could not resolve the SMTP server ${host} (${code})`, { hint: 'Check MARKET_NOTE_SMTP_HOST and the network connection.', cause: e });
  }
  if (addresses.length === 0) fail('SMTP', `could not resolve the SMTP server ${host}`, { hint: 'Check MARKET_NOTE_SMTP_HOST.' });
  return { address: addresses[0].address, loopback: addresses.every((a) => isLoopbackAddress(a.address)) };
}
