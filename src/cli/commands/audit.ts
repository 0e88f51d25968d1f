/**
 * `market-note audit [--note …] [--data …] --from A [--to B] [--every friday]`: replay the note over every date
 * and check its sentences against its own facts (src/narrative/audit).
 *
 *   1. the dates: every `--every` weekday from A to B (default: the last date of the data), rolled back to the
 *      last trading day the note's series all have, as a batch build does
 *   2. the audit: facts and narrative per date from the one pipeline (buildNotes, narrative only), every rule
 *   3. one line per violation on stdout; the summary (counts per rule, wall time) on stderr; a progress bar on
 *      stderr when it is a terminal; exit 1 when there is any violation
 */
import { loadMarket } from '../../data/load-market.js';
import { datesWithData, requireSeries } from '../../data/require.js';
import type { IsoDate } from '../../data/types.js';
import { MarketNoteError } from '../../errors/market-note-error.js';
import * as msg from '../../errors/messages.js';
import { auditNote, auditSeries, countByRule, formatViolation, type AuditReport } from '../../narrative/audit/index.js';
import { buildNotes } from '../../pipeline/build-notes.js';
import { symbolMarket } from '../../pipeline/symbol-market.js';
import type { Facts } from '../../facts/types.js';
import { loadNote } from '../../note/load-note.js';
import type { CliIo } from '../io.js';
import { rollBack, scheduleDates } from './batch-build.js';
import type { Every } from '../args.js';
import { startProgress, type Progress, type ProgressStream } from '../progress.js';

export interface AuditArgs {
  note?: string;
  data?: string;
  /** Per-symbol notes (note.yaml `each`): the symbol to audit (default: the note's own). */
  symbol?: string;
  from: IsoDate;
  to?: IsoDate;
  every: Every;
}

export async function auditCommand(args: AuditArgs, io: CliIo, progressTo: ProgressStream = process.stderr): Promise<number> {
  const started = performance.now();
  const note = loadNote(args.note);
  const { market, symbol } = symbolMarket(note, loadMarket(args.data), args.symbol);
  const eachKey = note.config.each ? note.config.roles[note.config.each] : undefined;
  const keys = auditSeries(note).map((k) => (k === eachKey && symbol ? symbol : k));
  requireSeries(market, keys, `note "${note.name}"`);

  // 1. the dates
  // The note's reference calendar (its large-cap index), as single and batch builds use.
  const days = datesWithData(market, note.config.roles.largeCap ?? keys[0]);
  const to = args.to ?? days[days.length - 1] ?? args.from;
  if (to < args.from) {
    const p = msg.auditToBeforeFrom(args.from, to);
    throw new MarketNoteError('USAGE', p.message, { hint: p.hint });
  }
  const { dates } = rollBack(scheduleDates(args.from, to, args.every), days);
  const inRange = dates.filter((d) => d >= args.from);
  if (inRange.length === 0) {
    const p = msg.auditNoDates(args.every, args.from, to);
    throw new MarketNoteError('USAGE', p.message, { hint: p.hint });
  }

  // 2. the audit: the notes come from the one pipeline (narrative only: no chart, no browser, nothing written);
  //    each is checked as it is built, with a progress bar on a terminal
  let bar: Progress | undefined;
  const report: AuditReport = { dates: [...inRange], violations: [], unchecked: [] };
  const unchecked = new Set<string>();
  try {
    const r = await buildNotes(note, market, inRange.map((asOf) => ({ asOf, ...(symbol ? { symbol } : {}) })), {
      mode: 'narrative',
      onNote: (outcome, i, total) => {
        if (outcome.ok && outcome.note) {
          // the rules see the facts as the facts file holds them: with the claims each template's text read
          const result = auditNote(outcome.note.html, { ...outcome.note.facts, claims: outcome.note.claims } as Facts);
          report.violations.push(...result.violations);
          for (const k of result.unchecked) unchecked.add(k);
        }
        bar ??= startProgress(total, { out: io.out, stream: progressTo });
        bar.update(i + 1, `${note.name} ${outcome.asOf}`);
      },
    });
    if (r.failures.length) throw r.failures[0].error;
  } finally {
    bar?.stop();
  }
  report.unchecked = [...unchecked].sort();

  // 3. the report
  for (const v of report.violations) io.out(formatViolation(v));
  const counts = countByRule(report.violations);
  const perRule = Object.entries(counts).map(([rule, n]) => `${rule} ${n}`).join(', ');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  io.err(msg.auditSummary(note.name, report.dates.length, report.violations.length, perRule, seconds));
  if (report.unchecked.length) io.err(msg.auditUncheckedKinds(report.unchecked));
  return report.violations.length ? 1 : 0;
}
