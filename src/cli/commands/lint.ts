import { loadMarket } from '../../data/load-market.js';
import { lintNote, formatLintIssue } from '../../narrative/lint.js';
import { loadNote } from '../../narrative/load-note.js';
import type { CliIo } from '../io.js';

export interface LintArgs {
  note?: string;
  data?: string;
  asOf?: string;
}

/** `market-note lint`: one line per problem on stderr, exit 1 when there is any. */
export async function lintCommand(args: LintArgs, io: CliIo): Promise<number> {
  const note = loadNote(args.note);
  const issues = await lintNote(note, loadMarket(args.data), args.asOf);
  for (const i of issues) io.err(formatLintIssue(i));
  if (issues.length === 0) io.out(`${note.name}: no problems`);
  return issues.length ? 1 : 0;
}
