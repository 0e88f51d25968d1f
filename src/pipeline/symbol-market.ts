import { withMemberSeries } from '../data/member-series.js';
import type { Market } from '../data/types.js';
import { MarketNoteError } from '../errors/market-note-error.js';
import type { NoteSource } from '../note/load-note.js';

/**
 * The market and symbol for a per-symbol note: `--symbol` (a series, or a member of a universe of the market),
 * else the note's own `each` role; no symbol for other notes.
 */
export function symbolMarket(note: NoteSource, market: Market, symbol: string | undefined): { market: Market; symbol?: string } {
  const each = note.config.each;
  if (!each) {
    if (symbol !== undefined) throw new MarketNoteError('USAGE', `--symbol: the note "${note.name}" is not built per symbol`, { hint: 'Drop --symbol; only notes with `each:` in note.yaml take one.' });
    return { market };
  }
  const s = symbol ?? note.config.roles[each];
  return { market: withSymbolSeries(market, [s]), symbol: s };
}

/**
 * `market` with a series for every symbol of `symbols` that is not one but a member of a universe: the series of
 * every member of each such universe (`withMemberSeries`). Symbols found nowhere are left for the caller to report.
 * @example withSymbolSeries(market, ['IWM', 'ABCB']).series.ABCB.close.length > 0 //=> true (ABCB a member of SP600)
 */
export function withSymbolSeries(market: Market, symbols: readonly string[]): Market {
  let out = market;
  const missing = symbols.filter((s) => !market.series[s]);
  for (const u of Object.values(market.universes)) if (missing.some((s) => u.members.includes(s))) out = withMemberSeries(out, u.key).market;
  return out;
}
