import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS as T, printed, printedGap } from '../../src/facts/judgements/index.js';
import { comparison } from '../../src/facts/judgements/lead.js';
import { recency } from '../../src/facts/judgements/recency.js';
import { judgeRanking, judgeSeasonal, judgeBreadth } from '../../src/facts/judgements/sections.js';
import { levelText } from '../../src/facts/judgements/round.js';

const fig = (value: number | null) => ({ value, unit: 'percent', from: null, to: null, inputs: [], method: 'test' });

describe('printed figures', () => {
  it('rounds the way the helpers print, with no negative zero', () => {
    expect(printed(-24.85, 1)).toBe(-24.9);
    expect(printed(-0.04, 1)).toBe(0);
    expect(Object.is(printed(-0.04, 1), -0)).toBe(false);
  });
  it('takes a gap between the printed figures', () => {
    expect(printedGap(-25.12, -24.84, 1)).toBe(-0.3);
  });
});

describe('levelText', () => {
  it('prints hand-checked levels', () => {
    expect(levelText(8.5)).toBe('8.5');
    expect(levelText(14, 1)).toBe('14.0');
    expect(levelText(12345.6)).toBe('12,345.6');
    expect(levelText(1234567)).toBe('1,234,567');
    expect(levelText(-2.25, 2)).toBe('\u22122.25');
    expect(levelText(0.123456)).toBe('0.1235');
    expect(levelText(-0.00001)).toBe('\u22120');
    expect(levelText(999.99996)).toBe('1,000');
  });
  it('prints what Intl.NumberFormat en-US prints, on levels of every size and decimals', () => {
    const intl = (v: number, decimals: number) => {
      const s = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: Math.max(decimals, 4) }).format(Number(v.toFixed(4)));
      return v < 0 ? s.replace('-', '\u2212') : s;
    };
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 4000; i++) {
      const v = (next() - 0.3) * 10 ** Math.floor(next() * 9 - 3);
      const decimals = Math.floor(next() * 7);
      expect(levelText(v, decimals), `${v} at ${decimals}`).toBe(intl(v, decimals));
    }
    for (const v of [0, -0, 1000, 0.5, 99999.99995, 1e-5, -1e-5, 123.45005]) expect(levelText(v, 0)).toBe(intl(v, 0));
  });
});

describe('comparison', () => {
  it('is a tie when the printed returns are equal, even if the raw ones differ', () => {
    const c = comparison('h2', fig(5.02), fig(4.98), true, T);
    expect(c.leader).toBe('tie');
    expect(c.strength).toBe('tie');
    expect(c.gap).toBe(0);
  });
  it('grades a lead as slight below 2 points, clear below 5, wide from 5', () => {
    expect(comparison('ytd', fig(11.9), fig(10), true, T).strength).toBe('slight');
    expect(comparison('ytd', fig(12), fig(10), true, T).strength).toBe('clear');
    expect(comparison('ytd', fig(5), fig(10), true, T)).toMatchObject({ leader: 'large', strength: 'wide', gap: -5, gapSize: 5 });
  });
  it('says whether both moved the same way on the printed figures', () => {
    expect(comparison('ytd', fig(0.04), fig(-3), true, T)).toMatchObject({ small: { direction: 'flat' }, sameDirection: false });
  });
  it('is unavailable when a return is missing', () => {
    expect(comparison('ytd', fig(null), fig(3), true, T).available).toBe(false);
  });
});

describe('recency', () => {
  it('is new after the previous note, recent within 92 days, older before', () => {
    expect(recency('2025-12-06', '2025-12-12', T)).toMatchObject({ age: 'new', recent: true, days: 6 });
    expect(recency('2025-12-05', '2025-12-12', T)).toMatchObject({ age: 'recent', recent: true });
    expect(recency('2025-09-11', '2025-12-12', T)).toMatchObject({ age: 'recent', days: 92 });
    expect(recency('2025-09-10', '2025-12-12', T)).toMatchObject({ age: 'older', recent: false });
    expect(recency('2014-06-02', '2025-12-12', T)).toMatchObject({ age: 'older', sameYear: false });
  });
});

describe('breadth level', () => {
  const b = (v: number) => judgeBreadth({ bullishPercent: fig(v), column: 'O', status: null, statusSince: null, reversedFrom: null, recentLow: null } as never, '2025-12-12', T).level;
  it('places the printed value against 30, 50 and 70', () => {
    expect(b(68.9)).toMatchObject({ side: 'above', zone: 'middle' });
    expect(b(49.96)).toMatchObject({ value: 50, side: 'at' });
    expect(b(29.9)).toMatchObject({ side: 'below', zone: 'oversold' });
    expect(b(70.04)).toMatchObject({ zone: 'middle' });
    expect(b(70.1)).toMatchObject({ zone: 'overbought' });
  });
});

describe('ranking', () => {
  const g = (group: string, tally: number, xrank: number) => ({ group, tally, xrank, members: ['A', 'B'] });
  it('names a leader only with strictly the most signals', () => {
    expect(judgeRanking({ sizeGroups: [g('Large caps', 4, 2), g('Small caps', 1, 3)] } as never)).toMatchObject({ state: 'leader', leader: 'Large caps', proxiesPerGroup: 2 });
  });
  it('is a tie when groups share the most, with the X rank only as a secondary reading', () => {
    expect(judgeRanking({ sizeGroups: [g('Large caps', 2, 5), g('Small caps', 2, 3)] } as never)).toMatchObject({ state: 'tie', leader: null, tied: ['Large caps', 'Small caps'], mostInXs: 'Large caps' });
  });
  it('is none when no group holds a signal', () => {
    expect(judgeRanking({ sizeGroups: [g('Large caps', 0, 5), g('Small caps', 0, 3)] } as never).state).toBe('none');
  });
});

describe('seasonal lean', () => {
  const seasonal = (beatYears: number[]) => ({
    h2StreakYears: [2024, 2025],
    h2StreakCompletedYears: [2023, 2024],
    nextYear: { afterH2Beat: { years: beatYears, median: fig(10) }, afterH2Lag: { years: [], median: fig(5) } },
  });
  const h2 = (leader: 'small' | 'large' | 'tie') => ({ available: true, leader }) as never;
  /** Last year's second half, won by small caps by `gap` points as printed. */
  const last = (gap: number) => ({ available: true, leader: 'small', gapSize: gap }) as never;
  it('leans only when the means differ by more than their standard error', () => {
    // after a win: 10, 12 (mean 11, s² 2); after a loss: 0, 2 (mean 1, s² 2); SE = √(2/2 + 2/2) = 1.41
    const rows = [10, 12].map((n, i) => ({ year: 2000 + i, nextYear: n, h2Diff: 1, beat: true })).concat([0, 2].map((n, i) => ({ year: 2010 + i, nextYear: n, h2Diff: -1, beat: false })));
    const j = judgeSeasonal(seasonal([2000, 2001]) as never, h2('small'), last(5), true, 100, '2025-12-12', rows, T);
    expect(j.lean).toMatchObject({ state: 'beat', meanDiff: 10, noise: 1.4, mediansAgree: true, yearsAfterWin: [2001, 2002] });
    const noisy = rows.map((r) => (r.beat ? r : { ...r, nextYear: r.nextYear * 10 }));
    // after a loss: 0, 20 (mean 10, s² 200): SE = √(1 + 100) ≈ 10.0 > |11 − 10|
    expect(judgeSeasonal(seasonal([2000, 2001]) as never, h2('small'), last(5), true, 100, '2025-12-12', noisy, T).lean.state).toBe('none');
  });
  it('counts this year in the streak only when small caps lead its second half as printed', () => {
    expect(judgeSeasonal(seasonal([]) as never, h2('small'), last(5), true, 100, '2025-12-12', [], T).h2).toMatchObject({ state: 'streak', streak: 2, includesCurrent: true });
    expect(judgeSeasonal(seasonal([]) as never, h2('tie'), last(5), true, 100, '2025-12-12', [], T).h2).toMatchObject({ state: 'level', streak: 1, streakYears: [2024] });
    // 19 trading days into the second half (minYtdDays 20): not read, the completed halves' record instead
    expect(judgeSeasonal(seasonal([]) as never, h2('large'), last(5), true, 19, '2025-07-28', [], T).h2).toMatchObject({ state: 'streak', current: null, early: true, streakYears: [2023, 2024], includesCurrent: false });
  });
  it('names the completed second halves of the streak won by less than evidenceMinGap (0.5 points), last year\'s from the calendar, older ones from the rows', () => {
    const three = { ...seasonal([]), h2StreakYears: [2022, 2023, 2024, 2025] };
    const rows = [{ year: 2022, nextYear: 5, h2Diff: 0.34, beat: true }];
    expect(judgeSeasonal(three as never, h2('small'), last(0.1), true, 100, '2025-12-12', rows, T).h2.narrowWins).toEqual([{ year: 2022, gap: 0.3 }, { year: 2024, gap: 0.1 }]);
    expect(judgeSeasonal(three as never, h2('small'), last(0.5), true, 100, '2025-12-12', [{ ...rows[0], h2Diff: 0.5 }], T).h2.narrowWins).toEqual([]);
  });
});
