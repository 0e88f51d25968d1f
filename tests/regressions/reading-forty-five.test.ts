/**
 * What the notes' own facts contradicted, found by client readings from the forty-fifth on, with the rule each one
 * broke checked on hand-made facts (always run) and the case on the date it was seen (skipped without the real data):
 * - "the small-cap bullish percent is in a column of Os (breadth fading …)" in a week the reading rose 6.9 points
 *   (2016-11-11): the gloss now concedes a week that went against the column.
 */
import { describe, expect, it } from 'vitest';
import { loadMarket } from '../../src/data/load-market.js';
import { DEFAULT_THRESHOLDS as T } from '../../src/facts/judgements/index.js';
import { judgeBreadth } from '../../src/facts/judgements/sections.js';
import { HAS_REAL, writeRealMarketYaml } from '../helpers/real-market.js';
import { readNote } from '../helpers/read-note.js';

const fig = (value: number | null) => ({ value, unit: 'points', from: null, to: null, inputs: [], method: 'test' });

describe('breadth: a week against the column', () => {
  const breadth = (status: string, column: 'X' | 'O', value: number, weekAgo: number) =>
    judgeBreadth(
      { bullishPercent: fig(value), column, columnTop: column === 'X' ? 66 : 74, columnBottom: column === 'O' ? 62 : 50, status, statusSince: '2025-12-10', reversedFrom: null, recentLow: null, weekAgo: { date: '2025-12-05', value: weekAgo } } as never,
      '2025-12-12',
      T,
    );
  it('is the printed week move when it runs against the column, and null otherwise', () => {
    expect(breadth('Bear Alert', 'O', 68.9, 62.0).weekCounter).toEqual({ direction: 'up', points: 6.9 });
    expect(breadth('Bull Confirmed', 'X', 60.2, 63.1).weekCounter).toEqual({ direction: 'down', points: 2.9 });
    expect(breadth('Bear Alert', 'O', 60.0, 63.1).weekCounter).toBeNull(); // down in Os: with the column
    expect(breadth('Bull Confirmed', 'X', 64.2, 61.1).weekCounter).toBeNull(); // up in Xs
    expect(breadth('Bear Alert', 'O', 63.1, 62.0).weekCounter).toBeNull(); // 1.1 points, no zone crossed: no week move
  });
});

const market = HAS_REAL ? loadMarket(writeRealMarketYaml()) : undefined;
const read = (asOf: string, name = 'weekly-outlook', symbol?: string) => readNote(market!, name, asOf, symbol);

describe.skipIf(!HAS_REAL)('readings forty-five on (real data)', () => {
  it('breadth fading is conceded in a week the reading rose against its column of Os (2016-11-11)', () => {
    const { facts, text } = read('2016-11-11');
    expect(facts.judgements!.breadth.weekCounter).toEqual({ direction: 'up', points: 6.9 });
    expect(text).toContain('column of Os (breadth fading, though up 6.9 points this week and 1.1 points from reversing into Xs)');
    expect(text).not.toContain('(breadth fading)');
  });
});
