/**
 * Charts drawn before are not drawn again: toSvg keeps the SVG of recent specs (data included). A clipped mark
 * shows it: Vega numbers its clip paths from a counter, so a second drawing of the same spec would read clip2.
 */
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { toSvg } from '../../src/charts/to-svg.js';

const spec = (last: number): TopLevelSpec => ({
  width: 120,
  height: 60,
  data: { values: [{ x: 1, y: 1 }, { x: 2, y: 3 }, { x: 3, y: last }] },
  mark: { type: 'line', clip: true },
  encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative', scale: { domain: [0, 4] } } },
});

describe('toSvg keeps the charts it drew', () => {
  it('gives back the same SVG for the same spec without drawing it again', async () => {
    const a = await toSvg(spec(2));
    expect(a).toMatch(/clip-path="url\(#clip\d+\)"/);
    expect(await toSvg(spec(2))).toBe(a);
    expect(await toSvg(JSON.parse(JSON.stringify(spec(2))) as TopLevelSpec)).toBe(a);
  });

  it('draws a spec whose data differs in one value', async () => {
    const a = await toSvg(spec(2));
    const b = await toSvg(spec(2.5));
    expect(b).not.toBe(a);
    // the new drawing has its own clip path: the counter moved on
    expect(/id="(clip\d+)"/.exec(b)?.[1]).not.toBe(/id="(clip\d+)"/.exec(a)?.[1]);
  });
});
