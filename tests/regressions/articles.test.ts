/**
 * "a ascending triple top", "a eighth consecutive P&F buy signal": an article written before a word the note
 * fills in must agree with that word. The weekly outlook on the real data (where such patterns and counts occur),
 * over Fridays of ten years, never prints "a" before a vowel or before a numeral read "eight…", "eleven…",
 * "eighteen…". Skipped when the real data is absent.
 */
import { describe, expect, it } from 'vitest';
import { placeholderFigures } from '../../src/charts/build-charts.js';
import { loadMarket } from '../../src/data/load-market.js';
import { buildFacts } from '../../src/facts/build-facts.js';
import { loadNote } from '../../src/note/load-note.js';
import { compileNote } from '../../src/narrative/render-narrative.js';
import { templateContext } from '../../src/render/render-note.js';
import { HAS_REAL, writeRealMarketYaml } from '../helpers/real-market.js';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe.skipIf(!HAS_REAL)('articles in the weekly outlook on the real data', () => {
  it('agree with the word that follows them, on every fourth Friday of 2016–2025', () => {
    const market = loadMarket(writeRealMarketYaml());
    const note = loadNote('weekly-outlook');
    const render = compileNote(note);
    const figures = placeholderFigures((id) => ({ id, svg: '', alt: id, source: 'real' }));
    const fridays = market.series.SPX.dates.filter((d) => d >= '2016-01-01' && d <= '2025-12-31' && new Date(`${d}T12:00:00Z`).getUTCDay() === 5);
    let read = 0;
    for (const asOf of fridays.filter((_, i) => i % 4 === 0)) {
      const t = text(render(templateContext(buildFacts(market, note.config, { asOf }), figures, note)));
      read++;
      const wrong = [...t.matchAll(/\ba (?:[aeiou]|8|1[18](?!\d))\S*/gi)].map((m) => t.slice(Math.max(0, m.index - 60), m.index + 30));
      expect(wrong, asOf).toEqual([]);
    }
    expect(read).toBeGreaterThan(100);
  }, 300_000);
});
