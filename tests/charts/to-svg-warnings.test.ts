/**
 * A chart with no data at all (a fund whose history is too short for a score: the note's text says so and does not
 * place the figure) is drawn as an empty frame without Vega's warnings about its empty extents reaching the run's
 * output; a chart with data that Vega finds fault with still warns.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { toSvg } from '../../src/charts/to-svg.js';

const lines = (values: object[]): TopLevelSpec => ({
  data: { values },
  mark: 'line',
  encoding: { x: { field: 'date', type: 'temporal' }, y: { field: 'value', type: 'quantitative' } },
});

afterEach(() => vi.restoreAllMocks());

describe('Vega warnings while drawing', () => {
  it('are not printed for a chart without data', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const svg = await toSvg(lines([]));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(warn).not.toHaveBeenCalled();
  });

  it('are printed for a chart with data (here: dates that are not dates)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await toSvg(lines([{ date: 'not a date', value: 1 }, { date: 'nor this', value: 2 }]));
    expect(warn).toHaveBeenCalled();
    expect(String(warn.mock.calls[0].join(' '))).toMatch(/Infinite extent/);
  });
});
