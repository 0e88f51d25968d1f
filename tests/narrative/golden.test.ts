import { describe, expect, it } from 'vitest';
import { loadMarket } from '../../src/data/load-market.js';
import { buildFacts } from '../../src/facts/build-facts.js';
import { loadNote } from '../../src/narrative/load-note.js';
import { compileNote } from '../../src/narrative/render-narrative.js';
import { templateContext } from '../../src/render/render-note.js';
import type { Figures } from '../../src/charts/build-charts.js';

/** Dates of the demo market chosen so the note takes different branches (see each case). */
export const GOLDEN_DATES = ['2025-12-12', '2024-05-17', '2022-09-30'];

const market = loadMarket();
const note = loadNote('weekly-outlook');
const render = compileNote(note);

/** Charts are replaced by a marker so the golden files hold the wording only. */
function placeholderFigures(facts: ReturnType<typeof buildFacts>): Figures {
  const ids = ['ytd', 'pnf', 'score', 'breadth', 'rates', 'correlation', 'seasonal'];
  return Object.fromEntries(ids.map((id) => [id, { id, svg: `<svg data-chart="${id}"></svg>`, alt: `${id} chart`, source: `Source: demo; data through ${facts.asOf}.` }]));
}

describe('weekly-outlook golden notes (demo market)', () => {
  for (const asOf of GOLDEN_DATES) {
    it(`renders the same wording for ${asOf}`, async () => {
      const facts = buildFacts(market, note.config, { asOf, noteName: note.name });
      const html = render(templateContext(facts, placeholderFigures(facts), note));
      await expect(html).toMatchFileSnapshot(`../golden/weekly-outlook-${asOf}.html`);
    });
  }
});
