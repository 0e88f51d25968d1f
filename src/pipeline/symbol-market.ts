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
  if (market.series[s]) return { market, symbol: s };
  const u = Object.values(market.universes).find((x) => x.members.includes(s));
  return { market: u ? withMemberSeries(market, u.key).market : market, symbol: s };
}

