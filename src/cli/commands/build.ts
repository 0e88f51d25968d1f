import { resolve } from 'node:path';
import { loadMarket } from '../../data/load-market.js';
import { trace } from '../trace.js';
import { loadNote } from '../../note/load-note.js';
import { BrowserSession } from '../../render/browser.js';
import { takeEarly } from '../../pipeline/early-browser.js';
import { buildNote, type OutputFormat } from '../../pipeline/build-note.js';
import { MarketNoteError } from '../../errors/market-note-error.js';
import type { CliIo } from '../io.js';
import { symbolMarket } from '../../pipeline/symbol-market.js';
import type { Every } from '../args.js';
import { noteDemoMarket, reportAsOf, warningPrinter } from '../warnings.js';
// the batch, e-mail and SMTP modules load only when the command needs them (a cold PDF build does not)

export interface BuildArgs {
  /** One note, or several (`--note a --note b`, `--note a,b`): several are built as a batch. */
  note?: string | string[];
  data?: string;
  asOf?: string;
  format: OutputFormat[];
  out: string;
  paper?: 'A4' | 'Letter';
  /** Per-symbol notes (note.yaml `each`): `--symbols IWM,IJR`, or every member of a universe with `--each SP600`. */
  symbols?: string[];
  each?: string;
  /** Batch: `--from A [--to B] [--every friday]` builds every matching date (see batch-build.ts). */
  from?: string;
  to?: string;
  every?: Every;
  quiet?: boolean;
  /** Fail (exit 1, nothing written) when the facts carry any warning. */
  strict?: boolean;
  /** E-mail edition: sender, recipients and subject over note.yaml's `email` block; attach the PDF; send it. */
  mailFrom?: string;
  mailTo?: string[];
  subject?: string;
  attachPdf?: boolean;
  send?: boolean;
  /** Build even when a required series ends before the as-of date, marking it stale in the note. */
  allowStale?: boolean;
}

/** `market-note build`: writes the note's files and prints their paths; a date range or several notes make a batch. */
export async function buildCommand(args: BuildArgs, io: CliIo): Promise<number> {
  const notes = args.note === undefined ? [] : Array.isArray(args.note) ? args.note : [args.note];
  if (args.symbols !== undefined && args.each !== undefined) throw new MarketNoteError('USAGE', '--symbols and --each cannot be combined', { hint: 'Give a list with --symbols, or a universe with --each.' });
  if (args.from !== undefined || args.to !== undefined || notes.length > 1 || (args.symbols?.length ?? 0) > 1 || args.each !== undefined) {
    if (args.send) throw new MarketNoteError('USAGE', '--send sends one note; it cannot be combined with a batch', { hint: 'Build the batch, then `market-note send --eml FILE` each message.' });
    if (args.asOf !== undefined && (args.from !== undefined || args.to !== undefined)) {
      throw new MarketNoteError('USAGE', '--as-of cannot be combined with --from/--to', { hint: 'Use --as-of for one date, or --from and --to for a range.' });
    }
    const one = args.asOf !== undefined ? { from: args.asOf, to: args.asOf, every: 'day' as const } : { from: args.from, to: args.to, every: args.every ?? 'friday' };
    return (await import('./batch-build.js')).batchBuildCommand({ ...args, ...one, notes: notes.length ? notes : ['weekly-outlook'] }, io);
  }
  if (args.send) {
    (await import('../../email/smtp.js')).smtpConfig(); // fail before building when the SMTP settings are missing
    if (!args.format.includes('email')) args = { ...args, format: [...args.format, 'email'] };
  }
  args = { ...args, note: notes[0] };
  const mail = { from: args.mailFrom, to: args.mailTo };
  // sender and recipients first: a message without them would be built, then refused by `send`
  if (args.format.includes('email')) (await import('../../email/email.js')).requireEmailAddresses(loadNote(args.note as string | undefined), mail);
  const needsBrowser = args.format.includes('pdf') || args.format.includes('email');
  // Start Chromium first: it boots while the data loads and the facts and charts are computed.
  const browser = needsBrowser ? (takeEarly() ?? BrowserSession.launch()) : undefined;
  browser?.catch(() => undefined);
  try {
    const note = loadNote(args.note as string | undefined);
    const email = { from: args.mailFrom, to: args.mailTo, subject: args.subject, attachPdf: args.attachPdf };
    if (args.symbols && !note.config.each) throw new MarketNoteError('USAGE', `--symbols: the note "${note.name}" is not built per symbol`, { hint: 'Per-symbol notes name their symbol role with `each:` in note.yaml.' });
    const loaded = loadMarket(args.data);
    const warn = warningPrinter(io);
    warn.data(loaded.warnings);
    const { market, symbol } = symbolMarket(note, loaded, args.symbols?.[0]);
    trace('note and market loaded');
    const built = await buildNote({ note, market, asOf: args.asOf, symbol, formats: args.format, outDir: resolve(args.out), paper: args.paper, browser, email, allowStale: args.allowStale, strict: args.strict, closeBrowserEarly: true });
    reportAsOf(built.facts, io);
    warn.facts(built.warnings);
    // said once the note is built, so that an error stays the first line on stderr
    noteDemoMarket(args.data, io, loaded);
    for (const f of built.files) io.out(f);
    const eml = built.files.find((f) => f.endsWith('.eml'));
    if (args.send && eml) return await (await import('./send.js')).sendFile(eml, io);
    return 0;
  } finally {
    if (browser) await (await browser.catch(() => undefined))?.close();
  }
}
