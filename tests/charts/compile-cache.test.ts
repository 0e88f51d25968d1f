import { compile } from 'vega-lite';
import * as vega from 'vega';
import { describe, expect, it } from 'vitest';
import { chartPlans } from '../../src/charts/build-charts.js';
import { compileCached, parseCached, splitData } from '../../src/charts/compile-cache.js';
import { roundAttributes } from '../../src/charts/to-svg.js';
import { loadMarket } from '../../src/data/load-market.js';
import { buildFacts } from '../../src/facts/build-facts.js';
import { loadNote } from '../../src/note/load-note.js';

const market = loadMarket();

async function svg(spec: object, parsed?: object): Promise<string> {
  const view = new vega.View((parsed as vega.Runtime | undefined) ?? vega.parse(spec as vega.Spec), { renderer: 'none', logLevel: vega.Warn });
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

describe('parseCached', () => {
  const parse = (vg: object) => vega.parse(vg as vega.Spec);

  it('hands each data set to the parse as the very array the chart gave, in its place', () => {
    const a = [{ x: 1 }];
    const b = [{ y: 2 }];
    const spec = { layer: [{ data: { values: a }, mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' } } }, { data: { values: b }, mark: 'point', encoding: { y: { field: 'y', type: 'quantitative' } } }] } as never;
    const arrays: unknown[] = [];
    const walk = (n: unknown): void => {
      if (Array.isArray(n) && (n === a || n === b)) arrays.push(n);
      else if (n && typeof n === 'object') for (const v of Object.values(n)) walk(v);
    };
    walk(parseCached(spec, compile, parse));
    expect(arrays).toEqual([a, b]);
    // a second chart of the same shape gets its own arrays, and the first one's are not shared with it
    const c = [{ x: 3 }];
    const second = JSON.stringify(parseCached({ ...(spec as object), layer: [{ ...(spec as { layer: object[] }).layer[0], data: { values: c } }, (spec as { layer: object[] }).layer[1]] } as never, compile, parse));
    expect(second).toContain('{"x":3}');
    expect(second).not.toContain('{"x":1}');
  });

  it('parses a shape once, unless its parse holds what JSON would not give back as it is', () => {
    const shapeOf = (n: number) => ({ data: { values: [{ n }] }, mark: 'point', encoding: { x: { field: 'n', type: 'quantitative' } } }) as never;
    const fake = (extra: object) => {
      let calls = 0;
      const parse = (vg: object) => {
        calls++;
        const values = (vg as { data: { values: unknown }[] }).data.find((d) => Array.isArray(d.values))?.values;
        return { operators: [{ type: 'collect', value: { $ingest: values } }], ...extra };
      };
      return { parse, calls: () => calls };
    };
    const plain = fake({ locale: undefined });
    const first = parseCached({ ...(shapeOf(1) as object), width: 101 } as never, compile, plain.parse) as { operators: { value: { $ingest: unknown } }[] };
    const second = parseCached({ ...(shapeOf(2) as object), width: 101 } as never, compile, plain.parse) as { operators: { value: { $ingest: unknown } }[] };
    expect(plain.calls()).toBe(1);
    expect(first.operators[0].value.$ingest).toEqual([{ n: 1 }]);
    expect(second.operators[0].value.$ingest).toEqual([{ n: 2 }]);
    for (const [what, extra] of [['a date', { when: new Date(0) }], ['an infinite number', { max: Infinity }], ['undefined in an array', { list: [undefined] }]] as const) {
      const odd = fake(extra);
      const a = parseCached({ ...(shapeOf(1) as object), width: 102 + what.length } as never, compile, odd.parse);
      parseCached({ ...(shapeOf(2) as object), width: 102 + what.length } as never, compile, odd.parse);
      expect(odd.calls(), what).toBe(3); // the probe, then each chart parsed whole
      expect(a, what).toMatchObject(extra);
    }
  });

  it('draws the same SVG as compiling and parsing each spec, for every chart of three notes on many dates', async () => {
    let charts = 0;
    for (const [name, symbol] of [['weekly-outlook'], ['rates-wrap'], ['fund-snapshot', 'IWM']] as const) {
      const note = loadNote(name);
      for (const asOf of ['2024-03-15', '2024-11-08', '2025-06-13', '2025-06-20', '2025-09-19', '2025-12-05', '2025-12-12']) {
        const facts = buildFacts(market, note.config, { asOf, noteName: note.name, symbol });
        for (const plan of chartPlans(facts)) {
          expect(await svg({}, parseCached(plan.spec, compile, parse)), `${name} ${asOf} ${plan.id}`).toBe(await svg(compile(plan.spec).spec));
          charts++;
        }
      }
    }
    expect(charts).toBeGreaterThan(50);
  }, 120_000);
});
