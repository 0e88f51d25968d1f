import { describe, expect, it } from 'vitest';
import { loadMarket } from '../../src/data/load-market.js';
import { buildFacts } from '../../src/facts/build-facts.js';
import { loadNote } from '../../src/note/load-note.js';
import { compileNote } from '../../src/narrative/render-narrative.js';
import { templateContext } from '../../src/render/render-note.js';
import { placeholderFigures, type Figures } from '../../src/charts/build-charts.js';

/** Demo-market dates chosen for different branches: a new high with small caps ahead in H2 (2025-12-12); large caps ahead, fund on a sell signal, breadth Bear Confirmed, H1 (2020-02-28); breadth Bull Alert from oversold, mid caps leading the ranking, the score gap narrowing, fewer BP members than listed (2016-04-29). */
export const GOLDEN_DATES = ['2025-12-12', '2020-02-28', '2016-04-29'];

const market = loadMarket();
const note = loadNote('weekly-outlook');
const render = compileNote(note);

/** Charts are replaced by a marker so the golden files hold the wording only. */
function markedFigures(facts: ReturnType<typeof buildFacts>): Figures {
  return placeholderFigures((id) => ({ id, svg: `<svg data-chart="${id}"></svg>`, alt: `${id} chart`, source: `Source: demo; data through ${facts.asOf}.` }));
}

describe('weekly-outlook golden notes (demo market)', () => {
  for (const asOf of GOLDEN_DATES) {
    it(`renders the same wording for ${asOf}`, async () => {
      const facts = buildFacts(market, note.config, { asOf, noteName: note.name });
      const html = render(templateContext(facts, markedFigures(facts), note));
      await expect(html).toMatchFileSnapshot(`../golden/weekly-outlook-${asOf}.html`);
    });
  }
});
