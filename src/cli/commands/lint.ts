import { loadMarket } from '../../data/load-market.js';
import { formatCoverage, formatLintIssue, lintCoverage, lintErrors, lintNote } from '../../narrative/lint.js';
import { loadNote } from '../../note/load-note.js';
import type { CliIo } from '../io.js';
import { MarketNoteError } from '../../errors/market-note-error.js';

export interface LintArgs {
  note?: string;
  data?: string;
  asOf?: string;
  coverage?: boolean;
  from?: string;
  to?: string;
}

/** `market-note lint`: one line per problem on stderr, exit 1 when there is any. */
export async function lintCommand(args: LintArgs, io: CliIo): Promise<number> {
  const note = loadNote(args.note);
  if (args.coverage) {
    if (!args.from || !args.to) throw new MarketNoteError('USAGE', 'lint --coverage needs --from and --to', { hint: 'e.g. market-note lint --coverage --from 2016-01-01 --to 2025-12-12' });
    const report = await lintCoverage(note, loadMarket(args.data), args.from, args.to);
    const lines = formatCoverage(report);
    for (const l of lines) io.err(l);
    const taken = report.branches.length - report.untaken.length;
    io.out(`${note.name}: ${report.dates.length} Fridays, ${report.failures.length} failed; ${taken} of ${report.branches.length} conditionals took both branches`);
    return report.failures.length ? 1 : 0;
  }
  const issues = await lintNote(note, loadMarket(args.data), args.asOf);
  for (const i of issues) io.err(formatLintIssue(i));
  const errors = lintErrors(issues).length;
  if (issues.length === 0) io.out(`${note.name}: no problems`);
  else if (errors === 0) io.out(`${note.name}: no errors, ${issues.length} warning${issues.length === 1 ? '' : 's'}`);
  return errors ? 1 : 0;
}
