import { loadMarket, loadMarketOverlapped } from '../../data/load-market.js';
import { symbolMarket } from '../../pipeline/symbol-market.js';
import { capYoungGeneration } from '../../pipeline/jit.js';
import { buildFacts } from '../../facts/build-facts.js';
import { supplyBullishPercent } from '../../facts/sections/breadth.js';
import { loadNote } from '../../note/load-note.js';
import type { CliIo } from '../io.js';
import { trace } from '../trace.js';
import { reportAsOf } from '../warnings.js';

export interface FactsArgs {
  note?: string;
  data?: string;
  asOf?: string;
  compare?: string;
  allowStale?: boolean;
  /** A per-symbol note's symbol (a series, or a member of a universe of the market); the note's own by default. */
  symbol?: string;
}

/**
 * `market-note facts`: the facts object as JSON on stdout, nothing else. The universe files load (and their
 * bullish percent histories compute) in a worker thread while the series load and the other facts compute. With
 * `--symbol` (a per-symbol note's symbol, as `build --symbols` takes one) the market is read whole first, since the
 * symbol may be a member of a universe: the facts are those `build` writes for that symbol.
 */
export async function factsCommand(args: FactsArgs, io: CliIo): Promise<number> {
  trace('facts command');
  const note = loadNote(args.note);
  trace('note loaded');
  const options = { asOf: args.asOf, noteName: note.name, compare: args.compare, allowStale: args.allowStale };
  let facts;
  if (args.symbol !== undefined) {
    // a symbol may be a universe's member, whose closes are needed before the facts: the market is read whole first
    const { market, symbol } = symbolMarket(note, loadMarket(args.data), args.symbol);
    facts = buildFacts(market, note.config, { ...options, symbol });
  } else {
    // the young generation stays small (pipeline/jit.ts) once no code cache is left to read: checked between series
    // files, as soon as the universe worker has read its own
    const loaded = loadMarketOverlapped(args.data, { afterSeriesFile: (workerCodeLoaded) => void (workerCodeLoaded && capYoungGeneration()) });
    trace('series read');
    for (const u of Object.values(loaded.market.universes)) supplyBullishPercent(u, () => loaded.bullishPercent(u));
    try {
      facts = buildFacts(loaded.market, note.config, options);
    } finally {
      loaded.settle(); // a bad universe file is the error to report, as when everything loads first
    }
  }
  trace('facts computed');
  reportAsOf(facts, io);
  io.out(JSON.stringify(facts, null, 2));
  trace('facts written');
  return 0;
}
