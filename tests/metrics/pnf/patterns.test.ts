import { describe, expect, it } from 'vitest';
import { pointAndFigure, type PnfChart } from '../../../src/metrics/pnf/index.js';
import { cols, days } from './helpers.js';

/** §2.3 examples: 1-point boxes, 3-box reversal, close only. */
const chartOf = (closes: number[]): PnfChart => pointAndFigure({ dates: days(closes.length), close: closes }, { scale: { fixed: 1 } });
const labels = (c: PnfChart): string[] => c.signals.map((s) => `${s.type}@${s.column} ${s.pattern}${s.tags.length ? ` [${s.tags.join(', ')}]` : ''}`);
const events = (c: PnfChart): string[] => c.events.map((e) => `${e.name}@${e.column}`);

interface Case {
  name: string;
  closes: number[];
  columns: string[];
  signals: string[];
  events?: string[];
}

// Columns are those of methodology §2.3; labels follow its rules and precedence.
const CASES: Case[] = [
  { name: 'double top breakout', closes: [5, 1, 6, 3, 7], columns: ['O[1-5]', 'X[2-6]', 'O[3-5]', 'X[4-7]'], signals: ['buy@3 double top'] },
  { name: 'double bottom breakdown', closes: [3, 7, 2, 5, 1], columns: ['X[3-7]', 'O[2-6]', 'X[3-5]', 'O[1-4]'], signals: ['sell@3 double bottom'] },
  {
    name: 'triple top breakout',
    closes: [6, 1, 7, 3, 7, 4, 8],
    columns: ['O[1-6]', 'X[2-7]', 'O[3-6]', 'X[4-7]', 'O[4-6]', 'X[5-8]'],
    signals: ['buy@5 triple top'],
  },
  {
    name: 'triple bottom breakdown',
    closes: [3, 8, 2, 6, 2, 5, 1],
    columns: ['X[3-8]', 'O[2-7]', 'X[3-6]', 'O[2-5]', 'X[3-5]', 'O[1-4]'],
    signals: ['sell@5 triple bottom'],
  },
  {
    name: 'quadruple top breakout',
    closes: [6, 1, 7, 2, 7, 3, 7, 4, 8],
    columns: ['O[1-6]', 'X[2-7]', 'O[2-6]', 'X[3-7]', 'O[3-6]', 'X[4-7]', 'O[4-6]', 'X[5-8]'],
    signals: ['buy@7 quadruple top'],
  },
  {
    name: 'spread triple top',
    closes: [1, 8, 2, 8, 3, 7, 4, 9],
    columns: ['X[1-8]', 'O[2-7]', 'X[3-8]', 'O[3-7]', 'X[4-7]', 'O[4-6]', 'X[5-9]'],
    signals: ['buy@6 spread triple top'],
  },
  {
    name: 'ascending triple top (two consecutive buys)',
    closes: [5, 1, 6, 3, 7, 4, 8],
    columns: ['O[1-5]', 'X[2-6]', 'O[3-5]', 'X[4-7]', 'O[4-6]', 'X[5-8]'],
    signals: ['buy@3 double top', 'buy@5 ascending triple top'],
  },
  {
    name: 'descending triple bottom',
    closes: [5, 9, 4, 7, 2, 5, 1],
    columns: ['X[5-9]', 'O[4-8]', 'X[5-7]', 'O[2-6]', 'X[3-5]', 'O[1-4]'],
    signals: ['sell@3 double bottom', 'sell@5 descending triple bottom'],
  },
  {
    // the triple top broken by one box at column 5 and reversed at 6 is also a bull trap (a tag, not a label)
    name: 'bullish catapult',
    closes: [4, 2, 1, 5, 2, 1, 5, 2, 6, 3, 7],
    columns: ['O[1-4]', 'X[2-5]', 'O[1-4]', 'X[2-5]', 'O[2-4]', 'X[3-6]', 'O[3-5]', 'X[4-7]'],
    signals: ['buy@5 triple top [bull trap]', 'buy@7 bullish catapult'],
    events: ['bull trap@6'],
  },
  {
    name: 'bearish catapult',
    closes: [4, 6, 3, 6, 3, 6, 2, 5, 1],
    columns: ['X[4-6]', 'O[3-5]', 'X[4-6]', 'O[3-5]', 'X[4-6]', 'O[2-5]', 'X[3-5]', 'O[1-4]'],
    signals: ['sell@5 triple bottom [bear trap]', 'sell@7 bearish catapult'],
    events: ['bear trap@6'],
  },
  {
    name: 'bullish signal reversed (a bearish event)',
    closes: [1, 6, 3, 7, 4, 8, 5, 9, 4],
    columns: ['X[1-6]', 'O[3-5]', 'X[4-7]', 'O[4-6]', 'X[5-8]', 'O[5-7]', 'X[6-9]', 'O[4-8]'],
    signals: ['buy@2 double top', 'buy@4 ascending triple top', 'buy@6 ascending triple top', 'sell@7 double bottom [bullish signal reversed]'],
    events: ['bullish signal reversed@7'],
  },
  {
    name: 'bearish signal reversed (a bullish event)',
    closes: [10, 6, 9, 5, 8, 4, 7, 3, 8],
    columns: ['O[6-10]', 'X[7-9]', 'O[5-8]', 'X[6-8]', 'O[4-7]', 'X[5-7]', 'O[3-6]', 'X[4-8]'],
    signals: ['sell@2 double bottom', 'sell@4 descending triple bottom', 'sell@6 descending triple bottom', 'buy@7 double top [bearish signal reversed]'],
    events: ['bearish signal reversed@7'],
  },
  {
    name: 'bull trap',
    closes: [1, 5, 2, 5, 2, 6, 3],
    columns: ['X[1-5]', 'O[2-4]', 'X[3-5]', 'O[2-4]', 'X[3-6]', 'O[3-5]'],
    signals: ['buy@4 triple top [bull trap]'],
    events: ['bull trap@5'],
  },
  {
    name: 'bear trap',
    closes: [3, 10, 9, 3, 8, 3, 6, 5, 2, 5],
    columns: ['X[3-10]', 'O[3-9]', 'X[4-8]', 'O[3-7]', 'X[4-6]', 'O[2-5]', 'X[3-5]'],
    signals: ['sell@5 triple bottom [bear trap]'],
    events: ['bear trap@6'],
  },
  {
    name: 'shakeout',
    closes: [1, 10, 7, 10, 6, 11],
    columns: ['X[1-10]', 'O[7-9]', 'X[8-10]', 'O[6-9]', 'X[7-11]'],
    signals: ['sell@3 double bottom', 'buy@4 triple top [shakeout]'],
    events: ['shakeout@4'],
  },
  { name: 'long tail down', closes: [30, 5, 8], columns: ['O[5-30]', 'X[6-8]'], signals: [], events: ['long tail down@1'] },
  {
    name: 'high pole (8 X boxes, 5 O boxes)',
    closes: [1, 6, 2, 10, 5],
    columns: ['X[1-6]', 'O[2-5]', 'X[3-10]', 'O[5-9]'],
    signals: ['buy@2 double top'],
    events: ['high pole@3'],
  },
  {
    name: 'low pole, corrected vector (8 O boxes, 5 X boxes)',
    closes: [12, 6, 10, 2, 7],
    columns: ['O[6-12]', 'X[7-10]', 'O[2-9]', 'X[3-7]'],
    signals: ['sell@2 double bottom'],
    events: ['low pole@3'],
  },
  {
    name: 'no low pole on a 50% retracement (pypnf vector 12,6,10,2,6)',
    closes: [12, 6, 10, 2, 6],
    columns: ['O[6-12]', 'X[7-10]', 'O[2-9]', 'X[3-6]'],
    signals: ['sell@2 double bottom'],
    events: [],
  },
  {
    name: 'bullish triangle',
    closes: [1, 11, 2, 9, 4, 8, 5, 9],
    columns: ['X[1-11]', 'O[2-10]', 'X[3-9]', 'O[4-8]', 'X[5-8]', 'O[5-7]', 'X[6-9]'],
    signals: ['buy@6 bullish triangle'],
  },
];

describe('pattern catalogue (§2.3)', () => {
  describe.each(CASES)('$name', ({ closes, columns, signals, events: ev }) => {
    const chart = chartOf(closes);
    it('builds the columns of the methodology', () => expect(cols(chart)).toEqual(columns));
    it('labels the signals by the most specific rule', () => expect(labels(chart)).toEqual(signals));
    if (ev) it('reports the events', () => expect(events(chart)).toEqual(ev));
  });

  describe('mirror images get the bearish labels', () => {
    const MIRROR: Record<string, string> = {
      'double top': 'double bottom', 'triple top': 'triple bottom', 'quadruple top': 'quadruple bottom',
      'spread triple top': 'spread triple bottom', 'ascending triple top': 'descending triple bottom',
      'bullish catapult': 'bearish catapult', 'bullish triangle': 'bearish triangle',
    };
    const flip = (l: string): string => {
      const [column, ...name] = l.split(' ');
      const p = name.join(' ');
      const other = MIRROR[p] ?? Object.keys(MIRROR).find((k) => MIRROR[k] === p);
      return `${column} ${other}`;
    };
    it.each(CASES.filter((c) => c.signals.length > 0 && !c.signals.some((s) => s.includes('['))))('$name', ({ closes }) => {
      const up = chartOf(closes).signals.map((s) => `${s.column} ${s.pattern}`);
      const down = chartOf(closes.map((v) => 20 - v)).signals.map((s) => `${s.column} ${s.pattern}`);
      expect(down).toEqual(up.map(flip));
    });
  });

  describe('spread triple top breaking above the double top it started with', () => {
    it('dates the pattern on the day the box above the spread level prints', () => {
      // columns: X[1-8] O[2-7] X[3-8] O[3-7] X[4-7] O[4-6] X[5-8→9]: 8 on day 7 (the signal, 8 > 7), 9 on day 8
      const closes = [1, 8, 2, 8, 3, 7, 4, 8, 9];
      const chart = chartOf(closes);
      const s = chart.signals[0];
      expect([s.level, s.date, s.pattern, s.patternLevel, s.patternDate]).toEqual([8, days(9)[7], 'spread triple top', 9, days(9)[8]]);
      // up to day 7 the same column has only broken 7, the last of the lower tops of a triangle (columns 1–5)
      expect(labels(chartOf(closes.slice(0, 8)))).toEqual(['buy@6 bullish triangle']);
    });
  });

  describe('consecutive signals (§2.2)', () => {
    it('counts signals in a row and restarts after an opposite one', () => {
      // buys at columns 3, 5, 7, then a sell at 8 after the O column falls below column 6's bottom
      const chart = chartOf([5, 1, 6, 3, 7, 4, 8, 5, 9, 3]);
      expect(chart.signals.map((s) => [s.type, s.consecutive])).toEqual([
        ['buy', 1], ['buy', 2], ['buy', 3], ['sell', 1],
      ]);
      expect(chart.current).toMatchObject({ signal: 'sell', consecutiveSignals: 1, lastPattern: 'double bottom', breakoutLevel: 4 });
    });
    it('gives one signal per column even when it breaks several tops', () => {
      const chart = chartOf([6, 1, 7, 3, 7, 4, 12]);
      expect(chart.signals.length).toBe(1);
      expect(chart.signals[0]).toMatchObject({ level: 8, resistanceLevel: 7, column: 5 });
    });
  });

  describe('current state', () => {
    it('flags an all-time high when the current X column holds the highest box', () => {
      expect(chartOf([5, 1, 6, 3, 7]).current.atAllTimeHigh).toBe(true);
      expect(chartOf([1, 6, 2, 5]).current.atAllTimeHigh).toBe(false); // X[3-5] under the first top 6
      expect(chartOf([1, 6, 2, 6]).current.atAllTimeHigh).toBe(true); // a tie at the high counts
      expect(chartOf([5, 1, 6, 3]).current.atAllTimeHigh).toBe(false); // O column
    });
  });
});
