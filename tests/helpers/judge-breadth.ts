import { DEFAULT_THRESHOLDS as T } from '../../src/facts/judgements/index.js';
import { judgeBreadth } from '../../src/facts/judgements/sections.js';

const fig = (value: number | null) => ({ value, unit: 'points', from: null, to: null, inputs: [], method: 'test' });

/**
 * judgeBreadth on hand-made facts of 2025-12-12: a status, a column (Xs topped at 66 or Os bottomed at 62), today's
 * reading and the previous note's (2025-12-05).
 */
export const judgeBreadthOf = (status: string, column: 'X' | 'O', value: number, weekAgo: number) =>
  judgeBreadth(
    { bullishPercent: fig(value), column, columnTop: column === 'X' ? 66 : 74, columnBottom: column === 'O' ? 62 : 50, status, statusSince: '2025-12-10', reversedFrom: null, recentLow: null, weekAgo: { date: '2025-12-05', value: weekAgo } } as never,
    '2025-12-12',
    T,
  );
