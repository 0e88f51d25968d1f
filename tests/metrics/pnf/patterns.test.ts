import { describe, expect, it } from 'vitest';
import { pointAndFigure, type PnfChart } from '../../../src/metrics/pnf/index.js';
import { SPREAD_MAX_COLUMNS } from '../../../src/metrics/pnf/patterns.js';
import { cols, days, randomWalk } from './helpers.js';

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
    // the signal (8 over 7, on day 7) is a triangle breakout on its own day; the same column then breaks the
    // spread level 8 of columns 0 and 2 on day 8: that later break is an event with its own level and day
    name: 'spread level broken after the signal (methodology §2.3 example)',
    closes: [1, 8, 2, 8, 3, 7, 4, 9],
    columns: ['X[1-8]', 'O[2-7]', 'X[3-8]', 'O[3-7]', 'X[4-7]', 'O[4-6]', 'X[5-9]'],
    signals: ['buy@6 bullish triangle [spread triple top]'],
    events: ['spread triple top@6'],
  },
  {
    // tops 8, 7, 8: the signal breaks the second 8, which ties column 0 across the lower top 7
    name: 'spread triple top (7 columns)',
    closes: [1, 8, 3, 7, 3, 8, 4, 9],
    columns: ['X[1-8]', 'O[3-7]', 'X[4-7]', 'O[3-6]', 'X[4-8]', 'O[4-7]', 'X[5-9]'],
    signals: ['buy@4 double top', 'buy@6 spread triple top'],
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

  describe('spread triples: classified on the signal day, at most SPREAD_MAX_COLUMNS wide', () => {
    const osc = (m: number): number[] => Array.from({ length: m }, () => [8, 5]).flat();
    // X[1-10] O[5-9], m × (X[6-8] O[5-7]), X[6-10] O[5-9], X[6-11]: tops 10 … 10 with 8s between, broken by 11
    const wide = (m: number): number[] => [1, 10, 5, ...osc(m), 10, 5, 11];

    it(`is a spread triple top up to ${SPREAD_MAX_COLUMNS} columns (first tie to breakout, both counted)`, () => {
      expect(SPREAD_MAX_COLUMNS).toBe(16);
      const c7 = chartOf(wide(1));
      expect(labels(c7)).toEqual(['buy@4 double top', 'buy@6 spread triple top']);
      const c15 = chartOf(wide(5)); // columns 0 … 14
      expect(c15.signals.at(-1)).toMatchObject({ column: 14, pattern: 'spread triple top', level: 11 });
    });
    it('is not a spread triple beyond the width: 17 columns read as an ascending triple top', () => {
      const c17 = chartOf(wide(6)); // columns 0 … 16
      expect(c17.signals.at(-1)).toMatchObject({ column: 16, pattern: 'ascending triple top', level: 11 });
      expect(c17.events.filter((e) => e.name.startsWith('spread'))).toEqual([]);
    });
    it('pairs the label with its own level and date', () => {
      const closes = wide(1);
      const s = chartOf(closes).signals.at(-1)!;
      expect([s.pattern, s.level, s.date, s.patternLevel, s.patternDate]).toEqual(['spread triple top', 11, days(closes.length)[7], 11, days(closes.length)[7]]);
    });

    // the IVV 2018-12 kind: a sell breaks the previous O column (a double bottom on its day), and the same column
    // later falls through an older tie of two bottoms (a spread triple bottom, printed lower and later)
    const later = (m: number): number[] => [1, 10, 5, 10, 5, ...osc(m), 8, 5, 9, 12].map((v) => 20 - v);
    it('keeps the signal label of the signal day and reports the later spread break at its own level and day', () => {
      const closes = later(0);
      const chart = chartOf(closes);
      const d = days(closes.length);
      expect(labels(chart)).toEqual(['sell@6 double bottom [spread triple bottom]']);
      expect(chart.signals[0]).toMatchObject({ level: 11, date: d[7], patternLevel: 11, patternDate: d[7] });
      expect(chart.events).toEqual([{ name: 'spread triple bottom', bias: 'bearish', column: 6, date: d[8], level: 9 }]);
      // on the signal day alone the label is the same: the later boxes never rewrite it
      expect(chartOf(closes.slice(0, 8)).signals.at(-1)?.pattern).toBe(chart.signals[0].pattern);
    });
    it('reports no later spread break when the tie is further back than the width (tops years apart)', () => {
      const chart = chartOf(later(6)); // the tie is 19 columns before the break
      expect(chart.signals.at(-1)?.pattern).toBe('quadruple bottom');
      expect(chart.events.filter((e) => e.name.startsWith('spread'))).toEqual([]);
    });
    it('a column that extends after its signal never changes that signal\'s label (random walks)', () => {
      for (let seed = 1; seed <= 20; seed++) {
        const w = randomWalk(seed, 600, 50, 0.03);
        const full = pointAndFigure({ dates: w.dates, close: w.close }, { scale: { fixed: 1 } });
        for (const s of full.signals) {
          const day = w.dates.indexOf(s.date);
          const cut = pointAndFigure({ dates: w.dates.slice(0, day + 1), close: w.close.subarray(0, day + 1) }, { scale: { fixed: 1 } });
          expect(cut.signals.at(-1)).toMatchObject({ column: s.column, pattern: s.pattern, level: s.level, date: s.date });
        }
      }
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
