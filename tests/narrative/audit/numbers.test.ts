import { describe, expect, it } from 'vitest';
import { numbersRule, printedFigures } from '../../../src/narrative/audit/numbers.js';
import { fakeFacts, note } from './fake-facts.js';

describe('audit rule: numbers', () => {
  it('finds percents, basis points and points with their printed decimals and signs', () => {
    const f = printedFigures('down 25.1%, against −24.8%, +0.4%, 69 bp, by 0.2 percentage points, a gap of 1 point in 2025');
    expect(f.map((x) => [x.value, x.decimals, x.signed, x.unit])).toEqual([
      [25.1, 1, false, 'percent'], [-24.8, 1, true, 'percent'], [0.4, 1, true, 'percent'], [69, 0, false, 'bp'], [0.2, 1, false, 'points'], [1, 0, false, 'points'],
    ]);
  });

  it('a printed difference must equal the difference of the two rounded percents beside it: "trail by 0.2 points" after −25.1% and −24.8%', () => {
    // facts: ytd −25.12 and −24.84, gap −0.28 → the template printed 0.2 (a truncation), the figures say 0.3
    const html = note({ lead: '<p><strong>The year so far.</strong> The Russell 2000 is down 25.1% year to date, against −24.8% for the S&amp;P 500. Small caps trail by 0.2 percentage points, a narrow gap.</p>' });
    const v = numbersRule(html, fakeFacts({ lead: { ytdGap: { value: -0.2 } } }));
    expect(v).toEqual([{
      date: '2025-12-12', section: 'lead', rule: 'numbers',
      sentence: 'Small caps trail by 0.2 percentage points, a narrow gap.',
      detail: '0.2 points ≠ 25.1 − 24.8',
    }]);
  });

  it('accepts the same paragraph when the gap agrees with the printed figures and is a fact', () => {
    const html = note({ lead: '<p>The Russell 2000 is down 25.1% year to date, against −24.8% for the S&amp;P 500. Small caps trail by 0.3 percentage points.</p>' });
    expect(numbersRule(html, fakeFacts({ lead: { ytdGap: { value: -0.28 } } }))).toEqual([]);
  });

  it('a percent that is no fact at its printed rounding is a violation; a sign must agree when printed', () => {
    const html = note({ breadth: '<p>It stands in the overbought zone above 70%.</p>', lead: '<p>The index is +25.1% this year.</p>' });
    const v = numbersRule(html, fakeFacts());
    expect(v.map((x) => [x.section, x.detail])).toEqual([
      ['breadth', '70% is no fact at 0 decimals'],
      ['lead', '+25.1% is no fact at 1 decimal'],
    ]);
  });

  it('a threshold that is a fact passes, at its printed decimals', () => {
    const html = note({ breadth: '<p>It stands in the overbought zone above 70%.</p>' });
    expect(numbersRule(html, fakeFacts({ thresholds: { overbought: 70 } }))).toEqual([]);
  });

  it('does not read chart drawings, chart source lines, years or chart data', () => {
    const html = note({
      lead: '<figure class="chart" id="fig-ytd"><figcaption>Title</figcaption><div class="chart-svg" role="img" aria-label="ytd"><svg><text>12.3%</text></svg></div><p class="chart-source">Source: 99.9% of rows</p></figure><p>Since 2014 the gap grew.</p>',
    });
    expect(numbersRule(html, fakeFacts())).toEqual([]);
  });

  it('key figures and the what-changed box are prose too', () => {
    const html = '<section class="key-figures"><div class="kf"><span class="kf-label">RUT, YTD</span><span class="kf-value">+18.8%</span></div></section>'
      + '<aside class="changes"><h3>What changed</h3><ul><li>yield down 17 bp</li></ul></aside>';
    const v = numbersRule(html, fakeFacts());
    expect(v.map((x) => [x.section, x.sentence])).toEqual([['key-figures', 'RUT, YTD · +18.8%'], ['what-changed', 'yield down 17 bp']]);
  });
});

describe('audit rule: numbers, printed differences among several percents', () => {
  const seasonal = '<p>After wins the index returned +11.8% on average (median +6.4%, up in 75% of years). After losses the average was +8.8% (median +3.7%, up in 55%). The averages differ by %GAP% points, less than the noise (a standard error of 11.3 points).</p>';
  const facts = fakeFacts({ seasonal: { a: 11.8, b: 6.4, c: 75, d: 8.8, e: 3.7, f: 55, g: 11.3, h: 3.0, i: 2.9 } });

  it('"differ by 3.0 points" is the difference of two of the printed percents; "a standard error of 11.3 points" is no difference', () => {
    expect(numbersRule(note({ seasonality: seasonal.replace('%GAP%', '3.0') }), facts)).toEqual([]);
  });

  it('"differ by 2.9 points" is no difference of any two printed percents', () => {
    const v = numbersRule(note({ seasonality: seasonal.replace('%GAP%', '2.9') }), facts);
    expect(v.map((x) => x.detail)).toEqual(['2.9 points is no difference of two printed percents (11.8, 6.4, 75, 8.8, 3.7, 55)']);
  });
});
