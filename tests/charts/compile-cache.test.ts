import { compile } from 'vega-lite';
import * as vega from 'vega';
import { describe, expect, it } from 'vitest';
import { chartPlans } from '../../src/charts/build-charts.js';
import { compileCached, splitData } from '../../src/charts/compile-cache.js';
import { roundAttributes } from '../../src/charts/to-svg.js';
import { loadMarket } from '../../src/data/load-market.js';
import { buildFacts } from '../../src/facts/build-facts.js';
import { loadNote } from '../../src/note/load-note.js';

const market = loadMarket();

async function svg(spec: object): Promise<string> {
  const view = new vega.View(vega.parse(spec as vega.Spec), { renderer: 'none', logLevel: vega.Warn });
  try {
    // Vega numbers clip paths per process; two drawings of one chart differ only there
    return roundAttributes(await view.toSVG()).replace(/clip\d+/g, 'clip');
  } finally {
    view.finalize();
  }
}

describe('compileCached', () => {
  it('takes every inline data set out of the spec, in order, leaving names in their place', () => {
    const spec = { layer: [{ data: { values: [{ a: 1 }] }, mark: 'rule' }, { data: { values: [{ b: 2 }] }, mark: 'text' }] } as never;
    const { shape, datasets } = splitData(spec);
    expect(datasets).toEqual([[{ a: 1 }], [{ b: 2 }]]);
    expect(shape).toEqual({ layer: [{ data: { name: 'market_note_inline_0' }, mark: 'rule' }, { data: { name: 'market_note_inline_1' }, mark: 'text' }] });
  });

  it('draws the same SVG as compiling each spec, for every chart of three notes on several dates (the cache filled by the first)', async () => {
    let charts = 0;
    for (const [name, symbol] of [['weekly-outlook'], ['rates-wrap'], ['fund-snapshot', 'IWM']] as const) {
      const note = loadNote(name);
      for (const asOf of ['2025-06-13', '2025-09-19', '2025-12-12']) {
        const facts = buildFacts(market, note.config, { asOf, noteName: note.name, symbol });
        for (const plan of chartPlans(facts)) {
          expect(await svg(compileCached(plan.spec, compile)), `${name} ${asOf} ${plan.id}`).toBe(await svg(compile(plan.spec).spec));
          charts++;
        }
      }
    }
    expect(charts).toBeGreaterThan(20);
  }, 120_000);
});
