/**
 * Facts section `ranking.*` (methodology §6.2): the size groups of `config.sizeGroups` ranked by relative
 * strength, DALI-style. A group with a symbol absent from the market is left out with a warning (every group
 * must have all its proxies, so tallies stay comparable); unequal group sizes are ranked but flagged.
 */
import type { IsoDate, Market } from '../../data/types.js';
import { DEFAULT_MAX_STALE_DAYS, anchorOnOrBefore } from '../../metrics/calendar.js';
import { groupRanking, rsMatrix, type GroupRank } from '../../metrics/ranking.js';
import type { NoteConfig } from '../../note/load-note.js';

export interface RankingFacts {
  /** Best first. */
  sizeGroups: GroupRank[];
  /** Groups sharing a tally, each list best first (the X rank breaks the tie unless that ties too). */
  ties: string[][];
  /** The top group; null without groups or when the first two tie on tally and X rank. */
  leader: string | null;
  warnings: string[];
  method: string;
}

/** RS box used for the matrix (DWA's default RS chart; DALI's own box size is not published). */
const PERCENT = 6.5;

/**
 * Size-group ranking as of `asOf`.
 * @example rankingSection(loadMarket(), config, '2025-12-12').ranking.sizeGroups[0].group //=> 'Large caps'
 */
export function rankingSection(market: Market, config: NoteConfig, asOf: IsoDate): { ranking: RankingFacts } {
  const warnings: string[] = [];
  const groups: Record<string, string[]> = {};
  for (const [group, members] of Object.entries(config.sizeGroups)) {
    const missing = members.filter((m) => !market.series[m]);
    if (members.length === 0) warnings.push(`size group "${group}" has no symbols and is left out`);
    else if (missing.length) warnings.push(`size group "${group}" is left out: ${missing.join(', ')} not in the market data`);
    else groups[group] = members;
  }
  const sizes = new Set(Object.values(groups).map((m) => m.length));
  if (sizes.size > 1) warnings.push('size groups have different numbers of proxies, so their tallies are not directly comparable');
  if (Object.keys(groups).length < 2) warnings.push('fewer than two size groups with data: nothing to rank against');
  const keys = [...new Set(Object.values(groups).flat())];
  for (const k of keys) {
    const a = anchorOnOrBefore(market.series[k], asOf, DEFAULT_MAX_STALE_DAYS);
    if (a.index < 0) warnings.push(`${k}: ${a.reason}; its RS charts stop at its last close`);
  }
  const matrix = rsMatrix(
    keys.map((k) => ({ key: k, dates: market.series[k].dates, close: market.series[k].close })),
    { percent: PERCENT, reversal: 3, asOf },
  );
  const r = groupRanking(groups, matrix);
  const method =
    `RS matrix over ${keys.length} proxies (${keys.join(', ')}): a P&F chart of close(i)/close(j) for every ordered pair, ` +
    `${PERCENT}% boxes anchored at 1.0, 3-box reversal, closes on or before ${asOf}; tally = RS buy signals of a group's ` +
    'proxies, X rank = RS charts in Xs; ranked by tally, then X rank (methodology §6.2). Within-group pairs add the ' +
    'same constant to every group of equal size.';
  return { ranking: { sizeGroups: r.rows, ties: r.ties, leader: r.leader, warnings, method } };
}
