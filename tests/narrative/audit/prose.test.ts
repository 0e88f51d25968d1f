import { describe, expect, it } from 'vitest';
import { proseBlocks, sentences } from '../../../src/narrative/audit/prose.js';

describe('audit prose: what counts as the note\'s sentences', () => {
  it('splits sentences at . ! ? before a capital, a digit or a sign, not inside figures', () => {
    expect(sentences('Up 1.2% on the S&P 500. −3.4% for RUT! Is it 0.5? Yes.')).toEqual(['Up 1.2% on the S&P 500.', '−3.4% for RUT!', 'Is it 0.5?', 'Yes.']);
  });

  it('names each block by its section, figure, key figures or what-changed box; skips masthead, footer, SVG and source lines', () => {
    const html = `<header><p>Data through 12 December</p></header>
      <section class="key-figures"><div class="kf"><span>RUT, YTD</span><span>+18.8%</span></div></section>
      <aside class="changes"><h3>What changed</h3><ul><li>new high</li></ul></aside>
      <section class="section" id="rates"><h2>Rates are off their peak</h2><p>The <strong>yield</strong> fell.</p>
        <figure class="chart" id="fig-rates"><figcaption>The yield has fallen 69 bp</figcaption>
          <div class="chart-svg" role="img" aria-label="Line chart of the yield"><svg><text>4.2%</text></svg></div>
          <p class="chart-source">Source: FRED</p></figure></section>
      <footer><p>Disclaimer 100%</p></footer>`;
    expect(proseBlocks(html).map((b) => [b.section, b.text])).toEqual([
      ['key-figures', 'RUT, YTD · +18.8%'],
      ['what-changed', 'What changed'],
      ['what-changed', 'new high'],
      ['rates', 'Rates are off their peak'],
      ['rates', 'The yield fell.'],
      ['fig-rates', 'The yield has fallen 69 bp'],
      ['fig-rates', 'Line chart of the yield'],
    ]);
  });
});
