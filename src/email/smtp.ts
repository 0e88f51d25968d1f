import addressparser from 'nodemailer/lib/addressparser/index.js';
import { fail } from '../errors/market-note-error.js';

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
  if (!from) fail('SMTP', 'the message has no From address', { file, hint: 'Set email.from in note.yaml or pass --from when building it.' });
  if (to.length === 0) fail('SMTP', 'the message has no recipient (To, Cc or Bcc)', { file, hint: 'Set email.to in note.yaml or pass --to when building it.' });
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
export async function sendEml(message: EmlSummary, config: SmtpConfig): Promise<SendResult> {
  const loopback = /^(127\.|localhost$|::1$|\[::1\]$)/.test(config.host);
  const { default: nodemailer } = await import('nodemailer'); // loaded only to send
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    // never send a password over a plain connection to another machine
    requireTLS: !config.secure && !!config.auth && !loopback,
    auth: config.auth,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  try {
    const info = await transport.sendMail({ envelope: message.envelope, raw: message.raw });
    const list = (xs: unknown[] | undefined) => (xs ?? []).map((x) => (typeof x === 'string' ? x : (x as { address: string }).address));
    return { accepted: list(info.accepted), rejected: list(info.rejected), response: String(info.response ?? '') };
  } catch (e) {
    const err = e as Error & { code?: string; responseCode?: number };
    const why = [err.code, err.responseCode].filter(Boolean).join(' ');
    return fail('SMTP', `could not send through ${config.host}:${config.port}: ${err.message.split('\n')[0]}${why ? ` (${why})` : ''}`, {
      hint: 'Check MARKET_NOTE_SMTP_HOST, _PORT, _SECURE and the login, and that the server accepts mail from this machine.',
      cause: e,
    });
  } finally {
    transport.close();
  }
}
