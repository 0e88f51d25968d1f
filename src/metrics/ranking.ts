/**
 * Size-group ranking by relative strength (methodology §6.2), DALI-style: an RS matrix over every proxy of every
 * group (chart of close(i)/close(j) for each ordered pair), then per group the tally (RS buy signals of its
 * proxies) and the X rank (RS charts in Xs); groups ranked by tally, then X rank.
 *
 * With the 1.0-anchored percentage grid the chart of j/i mirrors the chart of i/j, so each unordered pair gives
 * exactly one buy and one X once it has a signal and a column; within-group pairs then add the same constant
 * to every group of equal size and cannot change the order.
 */
import type { IsoDate } from '../data/types.js';
import { relativeStrength } from './pnf/index.js';

export interface RsMatrixOptions {
  /** RS box in percent. Default 6.5 (DWA's default RS chart; DALI's own box size is not published [A]). */
  percent?: number;
  reversal?: number;
  asOf?: IsoDate;
}

/** State of one RS chart of the matrix. */
export interface RsCell {
  signal: 'buy' | 'sell' | null;
  column: 'X' | 'O' | null;
}

export interface RsMatrix {
  keys: string[];
  /** cells[i][j]: chart of keys[i] / keys[j]; null on the diagonal. */
  cells: (RsCell | null)[][];
}

const OPPOSITE = { buy: 'sell', sell: 'buy', X: 'O', O: 'X' } as const;

/**
 * RS matrix of a set of closes series: the `relativeStrength` chart of each pair i < j, and for j/i its mirror
 * (the opposite signal and column: on the 1.0-anchored grid the chart of j/i is the chart of i/j upside down, which
 * tests/metrics/ranking.test.ts checks chart by chart), so each pair's ratio and chart are computed once.
 * @example rsMatrix([ivv, iwm], { asOf: '2025-12-12' }).cells[0][1] //=> { signal: 'buy', column: 'X' }
 */
export function rsMatrix(series: { key: string; dates: IsoDate[]; close: ArrayLike<number> }[], options: RsMatrixOptions = {}): RsMatrix {
  const percent = options.percent ?? 6.5;
  const cells: (RsCell | null)[][] = series.map(() => series.map(() => null));
  for (let i = 0; i < series.length; i++) {
    for (let j = i + 1; j < series.length; j++) {
      const { signal, column } = relativeStrength(series[i], series[j], { percent, reversal: options.reversal ?? 3, asOf: options.asOf }).current;
      cells[i][j] = { signal, column };
      cells[j][i] = { signal: signal && OPPOSITE[signal], column: column && OPPOSITE[column] };
    }
  }
  return { keys: series.map((s) => s.key), cells };
}

export interface GroupRank {
  group: string;
  /** RS buy signals of the group's proxies against every other proxy. */
  tally: number;
  /** RS charts of the group's proxies in a column of Xs. */
  xrank: number;
  members: string[];
}

export interface GroupRanking {
  /** Best first: tally descending, then X rank descending, then the given group order. */
  rows: GroupRank[];
  /** Groups sharing a tally (each list best first, two or more groups): the X rank decided, or not. */
  ties: string[][];
  /** The first group, or null when there is none or the first two tie on both tally and X rank. */
  leader: string | null;
}

/**
 * Tally and X rank per group from an RS matrix, ranked (§6.2).
 * @example groupRanking({ Large: ['IVV'], Small: ['IWM'] }, matrix).leader //=> 'Large'
 */
export function groupRanking(groups: Record<string, string[]>, matrix: RsMatrix): GroupRanking {
  const index = new Map(matrix.keys.map((k, i) => [k, i]));
  const rows: GroupRank[] = Object.entries(groups).map(([group, members]) => {
    let tally = 0;
    let xrank = 0;
    for (const m of members) {
      const i = index.get(m);
      if (i === undefined) throw new RangeError(`group ${group}: ${m} is not in the RS matrix`);
      for (const cell of matrix.cells[i]) {
        if (cell?.signal === 'buy') tally++;
        if (cell?.column === 'X') xrank++;
      }
    }
    return { group, tally, xrank, members: [...members] };
  });
  const order = rows.map((r, i) => ({ r, i }));
  order.sort((p, q) => q.r.tally - p.r.tally || q.r.xrank - p.r.xrank || p.i - q.i);
  const ranked = order.map((o) => o.r);
  const ties: string[][] = [];
  for (let i = 0; i < ranked.length; ) {
    let j = i + 1;
    while (j < ranked.length && ranked[j].tally === ranked[i].tally) j++;
    if (j - i > 1) ties.push(ranked.slice(i, j).map((r) => r.group));
    i = j;
  }
  let leader: string | null = ranked.length ? ranked[0].group : null;
  if (ranked.length > 1 && ranked[0].tally === ranked[1].tally && ranked[0].xrank === ranked[1].xrank) leader = null;
  return { rows: ranked, ties, leader };
}
