import { describe, expect, it } from 'vitest';
import { loadMarket } from '../../../src/data/load-market.js';
import type { Market, Universe } from '../../../src/data/types.js';
import { breadthSection, bullishPercentOf } from '../../../src/facts/sections/breadth.js';
import { bpStatus, bpZone } from '../../../src/metrics/breadth.js';
import { lastIndexOnOrBefore } from '../../../src/metrics/calendar.js';
import { loadNote } from '../../../src/note/load-note.js';

const market = loadMarket();
const config = loadNote('weekly-outlook').config;
const DATES = ['2017-06-30', '2020-03-20', '2023-01-13', '2025-12-12'];

/** The market with its universe cut after `asOf` (a new Universe object, so nothing cached is reused). */
function cutAt(m: Market, key: string, asOf: string): Market {
  const u = m.universes[key];
  const n = lastIndexOnOrBefore(u.dates, asOf) + 1;
  const cut: Universe = { ...u, dates: u.dates.slice(0, n), closes: u.closes.map((c) => c.slice(0, n)) };
  return { ...m, universes: { ...m.universes, [key]: cut } };
}

describe('breadthSection on the demo market', () => {
  it.each(DATES)('gives a consistent bullish percent, column, status and chart on %s', (asOf) => {
    const { breadth, chart } = breadthSection(market, config, asOf);
    const b = breadth.SP600;
    const v = b.bullishPercent.value!;
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(100);
    expect(b.bullishPercent).toMatchObject({ unit: 'percent', to: asOf, inputs: ['SP600 (SP600.csv)'] });
    expect(b.zone).toBe(bpZone(v));
    expect(b.members).toBe(bullishPercentOf(market.universes.SP600).members[market.universes.SP600.dates.indexOf(asOf)]);
    expect(b.members).toBeGreaterThan(300);
    // the reading sits inside the current column's no-action band (2-point boxes, 6-point reversal)
    if (b.column === 'X') {
      expect(v).toBeGreaterThan(b.columnTop! - 6);
      expect(v).toBeLessThan(b.columnTop! + 2);
      expect(b.reversedFrom!.level).toBeLessThan(b.columnBottom!);
    } else {
      expect(v).toBeLessThan(b.columnBottom! + 6);
      expect(v).toBeGreaterThan(b.columnBottom! - 2);
      expect(b.reversedFrom!.level).toBeGreaterThan(b.columnTop!);
    }
    expect(b.columnTop! % 2).toBe(0);
    expect(b.columnBottom! % 2).toBe(0);
    // the status agrees with the §4.3 rule for the cases that need only column and signal
    if (b.signal === 'buy' && b.column === 'X') expect(b.status).toBe('Bull Confirmed');
    if (b.signal === 'sell' && b.column === 'O') expect(b.status).toBe('Bear Confirmed');
    expect(b.status).not.toBeNull();
    expect(b.statusSince! <= asOf).toBe(true);
    expect(b.recentLow!.level).toBeLessThanOrEqual(v);
    expect(b.caveat).toMatch(/^Survivorship bias: S&P 600 \(demo\) membership is today's list of 600 members/);
    // chart: two years of daily readings ending on the as-of date, with the status and the 30/70 lines
    expect(chart!.series.dates.at(-1)).toBe(asOf);
    expect(chart!.series.values.at(-1)).toBeCloseTo(v, 2);
    expect(chart!.series.dates[0] >= `${Number(asOf.slice(0, 4)) - 2}${asOf.slice(4)}`).toBe(true);
    expect(chart!.series.dates.length).toBeGreaterThan(480);
    expect(chart).toMatchObject({ universe: 'SP600', name: market.universes.SP600.name, status: b.status, lower: 30, upper: 70 });
  });

  it('is point-in-time: the universe cut at the as-of date gives the same facts', () => {
    for (const asOf of ['2019-11-29', '2024-04-19']) {
      expect(breadthSection(cutAt(market, 'SP600', asOf), config, asOf)).toEqual(breadthSection(market, config, asOf));
    }
  });

  it('reads the status of the as-of day from a status rule that sees only that day', () => {
    const b = breadthSection(market, config, '2025-12-12').breadth.SP600;
    const status = bpStatus({
      column: b.column, signal: b.signal, previousBottom: b.column === 'X' ? b.reversedFrom!.level : null,
      previousTop: b.column === 'O' ? b.reversedFrom!.level : null, bottom: b.column === 'O' ? b.columnBottom : null,
      bullAlertInColumn: false,
    });
    expect(b.status).toBe(status);
  });

  it('computes the BP history once per universe object', () => {
    const u = market.universes.SP600;
    expect(bullishPercentOf(u)).toBe(bullishPercentOf(u));
  });

  it('gives a null bullish percent with a reason before the history starts', () => {
    const b = breadthSection(market, config, '2014-06-30').breadth.SP600;
    expect(b.bullishPercent.value).toBeNull();
    expect(b.bullishPercent.reason).toBe('bullish percent: no close on or before 2014-06-30');
  });

  it('is empty without a universe role or universe data', () => {
    expect(breadthSection(market, { ...config, roles: { ...config.roles, universe: undefined } }, '2025-12-12')).toEqual({ breadth: {}, chart: undefined });
    expect(breadthSection({ ...market, universes: {} }, config, '2025-12-12')).toEqual({ breadth: {}, chart: undefined });
  });
});
