/**
 * `market-note build --from A --to B --every friday [--note a,b] [--symbols A,B | --each UNIVERSE]`: many notes
 * with one browser. A per-symbol note (note.yaml `each`) is built for every symbol × every date.
 *
 *   1. the dates: every matching weekday from A to B, each rolled back to the last trading day on or before it of
 *      the note's reference calendar (its large-cap index; holidays → the day before, said on stderr),
 *      de-duplicated, per note; a series that ends before a date makes that date fail (stale) unless --allow-stale
 *   2. one Chromium for the whole run, shared by the notes (pipeline/batch.ts: one reused page, the next note
 *      composed while the current one prints)
 *   3. each (note, date) built and written atomically; a failure is recorded and the run goes on
 *   4. a progress bar on stderr when it is a terminal (not with --quiet; cli/progress.ts), the paths on stdout
 *      above it, each facts warning once on stderr, a summary at the end; exit 1 when any date failed, naming them
 */
import { resolve } from 'node:path';
import { dayNumber, isoDate, weekday } from '../../data/calendar.js';
import { loadMarket } from '../../data/load-market.js';
import { datesWithData, requireSeries } from '../../data/require.js';
import { tradingDayOnOrBefore } from '../../data/calendar.js';
import * as msg from '../../errors/messages.js';
import { withMemberSeries } from '../../data/member-series.js';
import type { IsoDate, Market } from '../../data/types.js';
import { MarketNoteError } from '../../errors/market-note-error.js';
import { requiredSeries } from '../../facts/build-facts.js';
import { loadNote, type NoteSource } from '../../note/load-note.js';
import { buildNotes, type NoteRun } from '../../pipeline/build-notes.js';
import { withSymbolSeries } from '../../pipeline/symbol-market.js';
import { BrowserSession } from '../../render/browser.js';
import type { OutputFormat } from '../../pipeline/build-notes.js';
import type { CliIo } from '../io.js';
import { WEEKDAYS, type Every } from '../args.js';
import { startProgress, type Progress, type ProgressStream } from '../progress.js';
import { noteDemoMarket, warningPrinter } from '../warnings.js';

export interface BatchArgs {
  notes: string[];
  /** Per-symbol notes: the symbols (`--symbols IWM,IJR`). */
  symbols?: string[];
  /** Per-symbol notes: every member of this universe (`--each SP600`). */
  each?: string;
  data?: string;
  /** First date; without it (and without `to`) only the last date of the data is built. */
  from?: IsoDate;
  /** Default: the last date of the data. */
  to?: IsoDate;
  every: Every;
  format: OutputFormat[];
  out: string;
  paper?: 'A4' | 'Letter';
  quiet?: boolean;
  /** A date whose facts carry a warning fails (see facts/warnings.ts). */
  strict?: boolean;
  /** E-mail edition (`--format …,email`): as for a single build. */
  mailFrom?: string;
  mailTo?: string[];
  subject?: string;
  attachPdf?: boolean;
  /** Build dates on which a series the note needs has ended, marking it stale (otherwise those dates fail). */
  allowStale?: boolean;
}

/**
 * The calendar dates from `from` to `to` (both included) that fall on `every` (every date for `day`).
 * @example scheduleDates('2025-12-01', '2025-12-14', 'friday') //=> ['2025-12-05', '2025-12-12']
 */
export function scheduleDates(from: IsoDate, to: IsoDate, every: Every): IsoDate[] {
  const want = every === 'day' ? -1 : WEEKDAYS.indexOf(every);
  const out: IsoDate[] = [];
  for (let d = dayNumber(from), end = dayNumber(to); d <= end; d++) if (want < 0 || weekday(d) === want) out.push(isoDate(d));
  return out;
}

/**
 * Each date rolled back to the last trading day on or before it, de-duplicated, oldest first; dates before the
 * first trading day are returned apart, and `rolled` lists each date inside the calendar that was not a trading day.
 * @example rollBack(['2025-07-04', '2025-07-11'], ['2025-07-03', '2025-07-07', '2025-07-11']) //=> { dates: ['2025-07-03', '2025-07-11'], before: [], rolled: [{ from: '2025-07-04', to: '2025-07-03' }] }
 */
export function rollBack(
  dates: readonly IsoDate[],
  tradingDays: readonly IsoDate[],
): { dates: IsoDate[]; before: IsoDate[]; rolled: { from: IsoDate; to: IsoDate }[] } {
  const out = new Set<IsoDate>();
  const before: IsoDate[] = [];
  const rolled: { from: IsoDate; to: IsoDate }[] = [];
  const last = tradingDays[tradingDays.length - 1];
  for (const date of dates) {
    const day = tradingDayOnOrBefore(tradingDays, date);
    if (day === null) before.push(date);
    else {
      out.add(day);
      if (day !== date && date <= last) rolled.push({ from: date, to: day });
    }
  }
  return { dates: [...out].sort(), before, rolled };
}

interface Failure {
  note: string;
  date: IsoDate;
  symbol?: string;
  message: string;
}

/** `file:line: message` for our errors (the place matters in a template error), the first line otherwise. */
const firstLine = (e: unknown, fallback: string): string => (e instanceof MarketNoteError ? e.format().split('\n')[0] : fallback);

/** `market-note build --from … --to … --every …`: see the module comment. */
export async function batchBuildCommand(args: BatchArgs, io: CliIo, progressTo: ProgressStream = process.stderr): Promise<number> {
  if (args.from !== undefined && args.to !== undefined && args.to < args.from) throw new MarketNoteError('USAGE', `--from ${args.from} is after --to ${args.to}`);
  if (args.from === undefined && args.to !== undefined) throw new MarketNoteError('USAGE', '--to needs --from', { hint: 'Give the first date with --from YYYY-MM-DD.' });
  let market = loadMarket(args.data);
  let progress: Progress | undefined;
  // warnings go above the bar, as the paths do
  const warn = warningPrinter({ out: io.out, err: (line) => (progress ? progress.print(line, io.err) : io.err(line)) });
  warn.data(market.warnings);
  const notes = args.notes.map((n) => loadNote(n));
  if (args.format.includes('email')) for (const note of notes) (await import('../../email/email.js')).requireEmailAddresses(note, { from: args.mailFrom, to: args.mailTo });
  let symbols = args.symbols;
  if (args.each !== undefined) {
    const m = withMemberSeries(market, args.each);
    market = m.market;
    symbols = m.members;
  }
  if (symbols) {
    const plain = notes.find((n) => !n.config.each);
    if (plain) throw new MarketNoteError('USAGE', `--symbols/--each: the note "${plain.name}" is not built per symbol`, { hint: 'Per-symbol notes name their symbol role with `each:` in note.yaml.' });
    // a member of a universe named with --symbols is read from its universe, as a single build reads it
    market = withSymbolSeries(market, symbols);
    requireSeries(market, symbols, '--symbols');
  }

  // 1. the dates, per note (and the symbols of per-symbol notes)
  const jobs: { note: NoteSource; dates: IsoDate[]; runs: NoteRun[] }[] = [];
  const failures: Failure[] = [];
  for (const note of notes) {
    const each = note.config.each;
    const eachKey = each ? note.config.roles[each] : undefined;
    const noteSymbols = each ? (symbols ?? [eachKey!]) : undefined;
    // the dates of the series every symbol shares (a symbol's own range is checked when its facts are built)
    const keys = requiredSeries(note.config).filter((k) => k !== eachKey || !symbols);
    requireSeries(market, keys, `note "${note.name}"`);
    // the note's calendar: the trading days of its large-cap index (else its first series)
    const days = datesWithData(market, note.config.roles.largeCap ?? keys[0]);
    const last = days[days.length - 1];
    const from = args.from ?? last;
    const to = args.to ?? last ?? from;
    const wanted = args.from === undefined ? (last ? [last] : []) : scheduleDates(from, to, args.every);
    const { dates, before, rolled } = rollBack(wanted, days);
    if (!args.quiet) {
      // a schedule of every calendar day meets every weekend: one line, not one per day
      const ref = note.config.roles.largeCap ?? keys[0];
      if (args.every === 'day' && wanted.length > 1 && rolled.length) io.err(`${note.name}: ${msg.daysNotTrading(rolled.length, ref)}`);
      else for (const r of rolled) io.err(`${note.name}: ${msg.asOfRolledBack(r.from, r.to, ref)}`);
    }
    for (const d of before) failures.push({ note: note.name, date: d, message: `no data on or before ${d} (the data starts ${days[0] ?? 'nowhere'})` });
    const runs: NoteRun[] = noteSymbols ? noteSymbols.flatMap((symbol) => dates.map((asOf) => ({ asOf, symbol }))) : dates.map((asOf) => ({ asOf }));
    if (runs.length) jobs.push({ note, dates, runs });
  }
  const total = jobs.reduce((n, j) => n + j.runs.length, 0);
  if (total === 0 && failures.length === 0) {
    throw new MarketNoteError('USAGE', `no ${args.every === 'day' ? 'dates' : `${args.every}s`} from ${args.from ?? 'the end of the data'} to ${args.to ?? 'the end of the data'}`, {
      hint: 'Widen --from/--to, or change --every.',
    });
  }

  // 2. one browser for every note
  const needsBrowser = args.format.includes('pdf') || args.format.includes('email');
  const browser = needsBrowser && total ? BrowserSession.launch() : undefined;
  browser?.catch(() => undefined);
  const bar = startProgress(total, { out: io.out, stream: progressTo, quiet: args.quiet, label: jobs[0] ? `${jobs[0].note.name} ${jobs[0].dates[0]}` : '' });
  progress = bar;
  const email = { from: args.mailFrom, to: args.mailTo, subject: args.subject, attachPdf: args.attachPdf };
  const started = performance.now();
  let files = 0;
  let built = 0;
  let done = 0;
  const retried: string[] = [];
  try {
    if (browser) await browser; // a browser that cannot start fails the whole run, once
    // 3. build each note's dates; failures are collected and the run goes on
    const label = (note: NoteSource, r: NoteRun) => `${note.name}${r.symbol ? ` ${r.symbol}` : ''} ${r.asOf ?? ''}`;
    for (const { note, runs } of jobs) {
      bar.update(done, label(note, runs[0]));
      const result = await buildNotes(note, market, runs, {
        outDir: resolve(args.out),
        formats: args.format,
        paper: args.paper,
        browser,
        email,
        allowStale: args.allowStale,
        strict: args.strict,
        onNote: (outcome, i) => {
          done++;
          if (outcome.ok) {
            for (const f of outcome.files) bar.print(f);
            if (outcome.retried) retried.push(`  ${label(note, runs[i])}: printed on the second try (${outcome.retried})`);
            warn.facts(outcome.warnings ?? []);
          }
          bar.update(done, i + 1 < runs.length ? label(note, runs[i + 1]) : note.name);
        },
      });
      built += result.built.length;
      files += result.built.reduce((n, b) => n + b.files.length, 0);
      for (const f of result.failures) failures.push({ note: note.name, date: f.asOf, symbol: f.symbol, message: firstLine(f.error, f.message) });
    }
  } finally {
    bar.stop();
    progress = undefined;
    if (browser) await (await browser.catch(() => undefined))?.close();
  }

  // 4. summary (after the run, so that an error stays the first line on stderr)
  noteDemoMarket(args.data, io, market);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const noteWord = built === 1 ? 'note' : 'notes';
  if (!args.quiet || failures.length) io.err(`built ${built} ${noteWord} (${files} files) in ${seconds} s${failures.length ? `; ${failures.length} failed` : ''}`);
  if (!args.quiet) for (const line of retried) io.err(line);
  if (failures.length) {
    failures.sort((a, b) => (a.date === b.date ? a.note.localeCompare(b.note) : a.date < b.date ? -1 : 1));
    io.err(`failed dates: ${[...new Set(failures.map((f) => f.date))].join(', ')}`);
    for (const f of failures) io.err(`  ${f.note}${f.symbol ? ` ${f.symbol}` : ''} ${f.date}: ${f.message}`);
    return 1;
  }
  return 0;
}
