/**
 * Facts section `ranking.*` (methodology §6.2): the size groups of `config.sizeGroups` ranked by relative
 * strength, DALI-style. A group with a symbol absent from the market is left out with a warning (every group
 * must have all its proxies, so tallies stay comparable); a proxy that is a clone of one listed before it in its
 * group is left out, and every group ranks on as many proxies as the smallest has, each with a warning.
 */
import type { IsoDate, Market } from '../../data/types.js';
import { DEFAULT_MAX_STALE_DAYS, anchorOnOrBefore } from '../../metrics/calendar.js';
import { groupRanking, rsMatrix, type GroupRank } from '../../metrics/ranking.js';
import type { NoteConfig } from '../../config/note-config.js';
import { cloneReason } from './score.js';

export interface RankingFacts {
  /** Best first. */
  sizeGroups: GroupRank[];
  /** Groups sharing a tally, each list best first (the X rank breaks the tie unless that ties too). */
  ties: string[][];
  /** The top group; null without groups or when the first two tie on tally and X rank. */
  leader: string | null;
  /**
   * Proxies of `config.sizeGroups` the ranking leaves out: a clone of one listed before it in its group (the same
   * index counted twice: SPY beside IVV), or one beyond the smallest group's count (every group ranks on as many).
   */
  excluded: { group: string; key: string; reason: string }[];
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
  // a proxy that tracks the same index as one listed before it in its group counts that index twice: left out
  const excluded: RankingFacts['excluded'] = [];
  for (const [group, members] of Object.entries(groups)) {
    const kept: string[] = [];
    for (const k of members) {
      const twin = kept.map((m) => ({ m, why: cloneReason(market.series[m], market.series[k], asOf) })).find((x) => x.why !== null);
      if (twin) excluded.push({ group, key: k, reason: `a clone of ${twin.m}: ${twin.why}` });
      else kept.push(k);
    }
    groups[group] = kept;
  }
  // every group ranks on the same number of proxies (methodology §6.2): the first n listed, n the smallest group
  const n = Math.min(...Object.values(groups).map((m) => m.length));
  for (const [group, members] of Object.entries(groups)) {
    for (const k of members.slice(n)) excluded.push({ group, key: k, reason: `left out so that every group ranks on ${n} ${n === 1 ? 'proxy' : 'proxies'}` });
    groups[group] = members.slice(0, n);
  }
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
  return { ranking: { sizeGroups: r.rows, ties: r.ties, leader: r.leader, excluded, warnings, method } };
}
