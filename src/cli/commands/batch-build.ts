/**
 * `market-note build --from A --to B --every friday [--note a,b] [--symbols A,B | --each UNIVERSE]`: many notes
 * with one browser. A per-symbol note (note.yaml `each`) is built for every symbol × every date.
 *
 *   1. the dates: every matching weekday from A to B, each rolled back to the last trading day on or before it
 *      (holidays → the day before), de-duplicated, per note (each note needs its own series)
 *   2. one Chromium for the whole run, shared by the notes (pipeline/batch.ts: one reused page, the next note
 *      composed while the current one prints)
 *   3. each (note, date) built and written atomically; a failure is recorded and the run goes on
 *   4. a progress bar on stderr when it is a terminal (not with --quiet), the paths on stdout, a summary at the
 *      end; exit 1 when any date failed, naming them
 */
import { resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { dayNumber, isoDate, weekday } from '../../data/calendar.js';
import { loadMarket } from '../../data/load-market.js';
import { requireSeries } from '../../data/require.js';
import { withMemberSeries } from '../../data/member-series.js';
import type { IsoDate, Market } from '../../data/types.js';
import { MarketNoteError } from '../../errors/market-note-error.js';
import { requiredSeries } from '../../facts/build-facts.js';
import { loadNote, type NoteSource } from '../../note/load-note.js';
import { buildNotes, type NoteRun } from '../../pipeline/build-notes.js';
import { BrowserSession } from '../../render/browser.js';
import type { OutputFormat } from '../../pipeline/build-notes.js';
import type { CliIo } from '../io.js';

export type Every = 'day' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

const WEEKDAYS: Every[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

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
  /** E-mail edition (`--format …,email`): as for a single build. */
  mailFrom?: string;
  mailTo?: string[];
  subject?: string;
  attachPdf?: boolean;
}

/** Where the progress bar goes: stderr when it is a terminal. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

/**
 * `--every day|monday…sunday` (also mon…sun), any letter case.
 * @example parseEvery('Friday') //=> 'friday'
 */
export function parseEvery(value: string): Every {
  const v = value.trim().toLowerCase();
  if (v === 'day' || v === 'daily') return 'day';
  const hit = WEEKDAYS.find((d) => d === v || d.slice(0, 3) === v);
  if (!hit) throw new InvalidArgumentError(`use day or a weekday (monday … friday), got "${value}"`);
  return hit;
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
 * first trading day are returned apart.
 * @example rollBack(['2025-07-04', '2025-07-11'], ['2025-07-03', '2025-07-07', '2025-07-11']) //=> { dates: ['2025-07-03', '2025-07-11'], before: [] }
 */
export function rollBack(dates: readonly IsoDate[], tradingDays: readonly IsoDate[]): { dates: IsoDate[]; before: IsoDate[] } {
  const out = new Set<IsoDate>();
  const before: IsoDate[] = [];
  for (const date of dates) {
    // binary search: the last trading day ≤ date
    let lo = 0;
    let hi = tradingDays.length - 1;
    let hit = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (tradingDays[mid] <= date) {
        hit = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (hit < 0) before.push(date);
    else out.add(tradingDays[hit]);
  }
  return { dates: [...out].sort(), before };
}

/** The dates on which every series (and universe) the note needs has data. */
export function tradingDays(market: Market, keys: readonly string[]): IsoDate[] {
  const sets = keys.map((k) => {
    const s = market.series[k];
    if (s) return new Set(s.dates.filter((_, i) => Number.isFinite(s.close[i])));
    const u = market.universes[k];
    return new Set(u.dates.filter((_, d) => u.closes.some((col) => Number.isFinite(col[d]))));
  });
  if (sets.length === 0) return [];
  const [first, ...rest] = sets;
  return [...first].filter((d) => rest.every((s) => s.has(d))).sort();
}

/**
 * One line of the progress bar, `width` characters at most.
 * @example progressLine(3, 12, 'weekly-outlook 2025-07-11', 60) //=> ' [#####---------------]  3/12  weekly-outlook 2025-07-11'
 */
export function progressLine(done: number, total: number, label: string, width = 80): string {
  const bar = 20;
  const filled = total ? Math.round((done / total) * bar) : bar;
  const count = `${String(done).padStart(String(total).length)}/${total}`;
  const line = ` [${'#'.repeat(filled)}${'-'.repeat(bar - filled)}]  ${count}  ${label}`;
  return line.length > width ? line.slice(0, Math.max(0, width - 1)) : line;
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
  const notes = args.notes.map((n) => loadNote(n));
  let symbols = args.symbols;
  if (args.each !== undefined) {
    const m = withMemberSeries(market, args.each);
    market = m.market;
    symbols = m.members;
  }
  if (symbols) {
    const plain = notes.find((n) => !n.config.each);
    if (plain) throw new MarketNoteError('USAGE', `--symbols/--each: the note "${plain.name}" is not built per symbol`, { hint: 'Per-symbol notes name their symbol role with `each:` in note.yaml.' });
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
    if (symbols && args.each) keys.push(args.each);
    const days = tradingDays(market, keys);
    const last = days[days.length - 1];
    const from = args.from ?? last;
    const to = args.to ?? last ?? from;
    const wanted = args.from === undefined ? (last ? [last] : []) : scheduleDates(from, to, args.every);
    const { dates, before } = rollBack(wanted, days);
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
  const tty = Boolean(progressTo.isTTY) && !args.quiet;
  const width = Math.max(20, (progressTo.columns || 80) - 1);
  const draw = (done: number, label: string) => progressTo.write(`\r\x1b[2K${progressLine(done, total, label, width)}`);
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
      if (tty) draw(done, label(note, runs[0]));
      const result = await buildNotes(note, market, runs, {
        outDir: resolve(args.out),
        formats: args.format,
        paper: args.paper,
        browser,
        email,
        onNote: (outcome, i) => {
          done++;
          if (outcome.ok) for (const f of outcome.files) io.out(f);
          if (outcome.ok && outcome.retried) retried.push(`  ${label(note, runs[i])}: printed on the second try (${outcome.retried})`);
          if (tty && i + 1 < runs.length) draw(done, label(note, runs[i + 1]));
        },
      });
      built += result.built.length;
      files += result.built.reduce((n, b) => n + b.files.length, 0);
      for (const f of result.failures) failures.push({ note: note.name, date: f.asOf, symbol: f.symbol, message: firstLine(f.error, f.message) });
    }
    if (tty) progressTo.write(`\r\x1b[2K${progressLine(total, total, 'done', width)}\n`);
  } finally {
    if (browser) await (await browser.catch(() => undefined))?.close();
  }

  // 4. summary
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
