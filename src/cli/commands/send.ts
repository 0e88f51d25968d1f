import { existsSync, statSync } from 'node:fs';
import { readInputBytes } from '../../data/read-file.js';
import { emlIsFolder } from '../../errors/messages.js';
import { resolve } from 'node:path';
import { fail } from '../../errors/market-note-error.js';
import { readEml, sendEml, smtpConfig, type EmlSummary } from '../../email/smtp.js';
import type { CliIo } from '../io.js';

export interface SendArgs {
  eml: string;
  dryRun?: boolean;
}

const kib = (n: number) => (n < 1024 ? `${n} bytes` : `${(n / 1024).toFixed(1)} KiB`);

/**
 * What a send does, one fact per line (no server secrets).
 * @example describeSend(readEml(file))[0] //=> 'from: research@example.com'
 */
export function describeSend(m: EmlSummary): string[] {
  return [`from: ${m.envelope.from}`, `to: ${m.envelope.to.join(', ')}`, `subject: ${m.subject}`, `size: ${kib(m.size)}`];
}

/** Send one message: read it, check it, hand it to the server. Exported for `build --send`. */
export async function sendFile(file: string, io: CliIo, opts: { dryRun?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<number> {
  const path = resolve(file);
  if (!existsSync(path)) fail('MISSING_FILE', 'no such message file', { file: path, hint: 'Build one with `market-note build --format email`.' });
  const st = statSync(path);
  if (st.isDirectory()) {
    const p = emlIsFolder();
    fail('MISSING_FILE', p.message, { file: path, hint: p.hint });
  }
  const message = readEml(readInputBytes(path), path);
  if (opts.dryRun) {
    io.out(['dry run: nothing sent', ...describeSend(message)].join('\n'));
    return 0;
  }
  const config = smtpConfig(opts.env);
  const r = await sendEml(message, config, opts.env);
  io.out([`sent ${path}`, ...describeSend(message), `accepted: ${r.accepted.join(', ') || 'none'}`].join('\n'));
  if (r.rejected.length) {
    io.err(`market-note: the server refused ${r.rejected.join(', ')}`);
    return 1;
  }
  return 0;
}

/** `market-note send --eml FILE [--dry-run]`: SMTP settings from MARKET_NOTE_SMTP_* only. */
export async function sendCommand(args: SendArgs, io: CliIo): Promise<number> {
  return sendFile(args.eml, io, { dryRun: args.dryRun });
}

