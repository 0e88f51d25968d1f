import { fail } from '../errors/market-note-error.js';
import type { Market, Series } from './types.js';

/**
 * The market with every member of universe `key` also as a close-only series of its own (those not already in
 * `market.series`), so a per-symbol note can be built for each member. Leading days without a close (before the
 * member listed) are left out; the series share the universe's file. The input market is not changed.
 * @example Object.keys(withMemberSeries(loadMarket(), 'SP600').series).length //=> 6 index/fund series + 600 members
 */
export function withMemberSeries(market: Market, key: string): { market: Market; members: string[] } {
  const u = market.universes[key];
  if (!u) {
    const known = Object.keys(market.universes).sort().join(', ') || 'none';
    fail('UNKNOWN_SYMBOL', `--each ${key}: the market has no universe "${key}"`, { hint: `Universes in ${market.source}: ${known}.` });
  }
  const series: Record<string, Series> = { ...market.series };
  u.members.forEach((m, j) => {
    if (series[m]) return;
    const col = u.closes[j];
    let first = 0;
    while (first < col.length && !Number.isFinite(col[first])) first++;
    series[m] = { key: m, name: m, kind: 'price', file: u.file, dates: u.dates.slice(first), close: col.subarray(first), ...(u.adjusted !== undefined ? { adjusted: u.adjusted } : {}) };
  });
  return { market: { ...market, series }, members: [...u.members] };
}
