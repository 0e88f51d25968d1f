import { loadMarket } from '../../data/load-market.js';
import { buildFacts } from '../../facts/build-facts.js';
import { loadNote } from '../../note/load-note.js';
import type { CliIo } from '../io.js';
import { reportAsOf } from '../warnings.js';

export interface FactsArgs {
  note?: string;
  data?: string;
  asOf?: string;
  compare?: string;
  allowStale?: boolean;
}

/** `market-note facts`: the facts object as JSON on stdout, nothing else. */
export async function factsCommand(args: FactsArgs, io: CliIo): Promise<number> {
  const note = loadNote(args.note);
  const facts = buildFacts(loadMarket(args.data), note.config, { asOf: args.asOf, noteName: note.name, compare: args.compare, allowStale: args.allowStale });
  reportAsOf(facts, io);
  io.out(JSON.stringify(facts, null, 2));
  return 0;
}
