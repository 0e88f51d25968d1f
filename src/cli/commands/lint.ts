import { loadMarket } from '../../data/load-market.js';
import { formatCoverage, formatLintIssue, lintCoverage, lintErrors, lintNote, lintTemplates } from '../../narrative/lint.js';
import { loadNote } from '../../note/load-note.js';
import { symbolMarket } from '../../pipeline/symbol-market.js';
import { buildNotes } from '../../pipeline/build-notes.js';
import type { CliIo } from '../io.js';
import { MarketNoteError } from '../../errors/market-note-error.js';
import { startProgress, type Progress, type ProgressStream } from '../progress.js';

export interface LintArgs {
  note?: string;
  data?: string;
  asOf?: string;
  /** Per-symbol notes: the symbol to lint with (default: the note's own). */
  symbol?: string;
  coverage?: boolean;
  from?: string;
  to?: string;
}

/** `market-note lint`: one line per problem on stderr, exit 1 when there is any. */
export async function lintCommand(args: LintArgs, io: CliIo, progressTo: ProgressStream = process.stderr): Promise<number> {
  const note = loadNote(args.note);
  const { market, symbol } = symbolMarket(note, loadMarket(args.data), args.symbol);
  if (args.coverage) {
    if (!args.from || !args.to) throw new MarketNoteError('USAGE', 'lint --coverage needs --from and --to', { hint: 'e.g. market-note lint --coverage --from 2016-01-01 --to 2025-12-12' });
    // a bar on stderr when it is a terminal: building the facts of every Friday of ten years takes a while
    let bar: Progress | undefined;
    const report = await lintCoverage(note, market, args.from, args.to, {
      symbol,
      onDate: (done, total, date) => {
        bar ??= startProgress(total, { out: io.out, stream: progressTo, label: date });
        bar.update(done, date);
      },
    }).finally(() => bar?.stop());
    const lines = formatCoverage(report);
    for (const l of lines) io.err(l);
    const taken = report.branches.length - report.untaken.length;
    io.out(`${note.name}: ${report.dates.length} Fridays, ${report.failures.length} failed; ${taken} of ${report.branches.length} conditionals took both branches`);
    return report.failures.length ? 1 : 0;
  }
  // the facts come from the pipeline (narrative only: no chart is drawn, nothing is written)
  // a template that fails to compile or render: the static checks say where and why (lintNote renders only when they pass)
  const isTemplate = (e: unknown) => e instanceof MarketNoteError && e.code === 'TEMPLATE';
  const r = await buildNotes(note, market, [{ asOf: args.asOf, symbol }], { mode: 'narrative', factsWorker: false, keep: true }).catch((e) => {
    if (isTemplate(e)) return null;
    throw e;
  });
  const f = r?.failures[0];
  if (f && !isTemplate(f.error)) throw f.error;
  const issues = !r || f ? await lintNote(note, market, args.asOf, symbol) : lintTemplates(note, r.built[0].note!.facts, r.built[0].note!.figures);
  for (const i of issues) io.err(formatLintIssue(i));
  const errors = lintErrors(issues).length;
  const who = `${note.name}${symbol ? ` ${symbol}` : ''}`;
  if (issues.length === 0) io.out(`${who}: no problems`);
  else if (errors === 0) io.out(`${who}: no errors, ${issues.length} warning${issues.length === 1 ? '' : 's'}`);
  return errors ? 1 : 0;
}
