import { loadMarket } from '../../data/load-market.js';
import { buildFacts } from '../../facts/build-facts.js';
import { explainFact } from '../../facts/explain.js';
import { loadNote } from '../../note/load-note.js';
import type { CliIo } from '../io.js';

/** `market-note explain <path>`: how one figure was computed, from which rows, in plain words. */
export async function explainCommand(path: string, args: { note?: string; data?: string; asOf?: string }, io: CliIo): Promise<number> {
  const note = loadNote(args.note);
  const facts = buildFacts(loadMarket(args.data), note.config, { asOf: args.asOf, noteName: note.name });
  io.out(explainFact(facts, path));
  return 0;
}
