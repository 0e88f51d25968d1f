import { describe, expect, it } from 'vitest';
import { loadMarket } from '../../src/data/load-market.js';
import { buildFacts } from '../../src/facts/build-facts.js';
import { explainFact, factPaths } from '../../src/facts/explain.js';
import { loadNote } from '../../src/note/load-note.js';
import { MarketNoteError } from '../../src/errors/market-note-error.js';

const note = loadNote('weekly-outlook');
const facts = buildFacts(loadMarket(), note.config, { asOf: '2025-12-12' });

describe('explainFact', () => {
  it('says how a figure was computed, from which series and rows', () => {
    const text = explainFact(facts, 'returns.ytd.RUT');
    expect(text).toMatch(/^returns\.ytd\.RUT = -?\d+(\.\d+)? percent/);
    expect(text).toContain('how:  close on the as-of date / last close of the prior calendar year');
    expect(text).toContain('from: RUT (RUT.csv)');
    expect(text).toContain('rows: 2024-12-31 → 2025-12-12');
  });

  it('explains every figure path of the facts without error', () => {
    const paths = factPaths(facts).filter((p) => !p.startsWith('charts.'));
    expect(paths.length).toBeGreaterThan(100);
    for (const p of paths) expect(() => explainFact(facts, p)).not.toThrow();
  });

  it('lists what exists where an unknown path stops', () => {
    try {
      explainFact(facts, 'returns.ytd.XYZ');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(MarketNoteError);
      expect((e as MarketNoteError).format()).toMatch(/no fact at "returns\.ytd\.XYZ"\nUnder "returns\.ytd" there is: RUT, SPX, IWM, IVV/);
    }
  });
});
