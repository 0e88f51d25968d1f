import { loadMarket } from '../../data/load-market.js';
import { buildFacts } from '../../facts/build-facts.js';
import { explainFact } from '../../facts/explain.js';
import { loadNote } from '../../note/load-note.js';
import type { CliIo } from '../io.js';
import { buildNotes } from '../../pipeline/build-notes.js';
import { MarketNoteError } from '../../errors/market-note-error.js';

/**
 * `market-note explain <path>`: how one figure was computed, from which rows, in plain words.
 * `market-note explain --section NAME`: why a section's sentences say what they say — every judgement and figure
 * its template read when the note was rendered (the claims), with its value.
 */
export async function explainCommand(path: string | undefined, args: { note?: string; data?: string; asOf?: string; section?: string }, io: CliIo): Promise<number> {
  const note = loadNote(args.note);
  const market = loadMarket(args.data);
  if (args.section !== undefined) {
    const r = await buildNotes(note, market, [{ asOf: args.asOf }], { mode: 'narrative', factsWorker: false, keep: true });
    if (r.failures.length) throw r.failures[0].error;
    const built = r.built[0].note!;
    const claims = built.claims[args.section];
    if (!claims) {
      throw new MarketNoteError('UNKNOWN_FACT', `no section named "${args.section}" in the note "${note.name}"`, {
        hint: `Sections (template names) of this note: ${Object.keys(built.claims).join(', ')}.`,
      });
    }
    io.out(`${note.name} ${built.facts.asOf}, section ${args.section}: what its sentences read`);
    for (const [p, v] of Object.entries(claims)) {
      if (typeof v === 'string' && v.startsWith('[')) continue; // objects: their fields are listed one by one
      io.out(`  ${p} = ${JSON.stringify(v)}${p.startsWith('judgements.') ? '   (a judgement: docs/metrics.md §9)' : ''}`);
    }
    return 0;
  }
  if (path === undefined) throw new MarketNoteError('USAGE', 'explain needs a facts path or --section NAME', { hint: 'e.g. market-note explain returns.ytd.RUT, or market-note explain --section rates' });
  const facts = buildFacts(market, note.config, { asOf: args.asOf, noteName: note.name });
  io.out(explainFact(facts, path));
  return 0;
}
