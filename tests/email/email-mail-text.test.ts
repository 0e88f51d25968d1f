import { describe, expect, it } from 'vitest';
import { mailText } from '../../src/email/mail-text.js';

describe('mailText', () => {
  it('underlines the title with = and section headings with -', () => {
    expect(mailText('<h1>Small caps</h1><h2>Rates</h2><p>Yields fell.</p>')).toBe('Small caps\n==========\n\nRates\n-----\n\nYields fell.\n');
  });

  it('wraps paragraphs at 72 columns without breaking words', () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const text = mailText(`<p>${words}</p>`);
    const lines = text.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(72);
    expect(lines.join(' ')).toBe(words);
  });

  it('leaves out the head, style blocks, comments and the hidden preheader', () => {
    const html = `<!doctype html><html><head><title>T</title><style>p{color:red}</style></head><body>
      <div class="preheader" style="display:none">Preview line</div><!-- note --><p>Body</p></body></html>`;
    expect(mailText(html)).toBe('Body\n');
  });

  it('writes a figure title as [Figure N: title] followed by the chart description', () => {
    const html = `<table class="figure"><tr><td class="chart-title"><span class="fig-no">Figure 2.</span> Rates are off their peak</td></tr>
      <tr><td><img src="cid:x" width="600" height="200" alt="The 10-year yield since May."></td></tr>
      <tr><td class="chart-source">Source: FRED.</td></tr></table>`;
    expect(mailText(html)).toBe('[Figure 2: Rates are off their peak]\n\n(Chart: The 10-year yield since May.)\n\nSource: FRED.\n');
  });

  it('reads a key figure as "label: value (note)", one per line', () => {
    const html = `<table class="kf-table"><tr>
      <td class="kf-cell"><span class="kf-label">Russell 2000 YTD</span><span class="kf-value">+18.8%</span><span class="kf-unit">S&amp;P 500 +15.1%</span></td>
      <td class="kf-gap">&nbsp;</td>
      <td class="kf-cell"><span class="kf-label">10-yr yield</span><span class="kf-value">4.16%</span></td></tr></table>`;
    expect(mailText(html)).toBe('- Russell 2000 YTD: +18.8% (S&P 500 +15.1%)\n- 10-yr yield: 4.16%\n');
  });

  it('keeps a link as "text <url>" and list items as "- " lines', () => {
    const html = '<p>Read <a href="https://example.com/n.pdf">the PDF</a>.</p><ul><li>one</li><li>two</li></ul>';
    expect(mailText(html)).toBe('Read the PDF <https://example.com/n.pdf>.\n\n- one\n- two\n');
  });

  it('keeps bold lead-ins as plain words', () => {
    expect(mailText('<p><strong>The year so far.</strong> Up 18.8%.</p>')).toBe('The year so far. Up 18.8%.\n');
  });
});

describe('mailText: lists and tables (html-to-text)', () => {
  it('numbers the items of an ordered list', () => {
    expect(mailText('<ol><li>first</li><li>second</li></ol>')).toBe(' 1. first\n 2. second\n');
  });

  it('lays out a data table as aligned columns, header cells as written', () => {
    const html = '<table class="data"><tr><th>Fund</th><th>Score</th></tr><tr><td>IWM</td><td>4.5</td></tr><tr><td>IVV</td><td>5.0</td></tr></table>';
    expect(mailText(html)).toBe('Fund   Score\nIWM    4.5\nIVV    5.0\n');
  });
});
