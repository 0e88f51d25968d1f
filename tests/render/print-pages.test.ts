import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, withoutDemoNotice } from '../helpers/cli.js';
import { headingsWithNext, pageTexts, pdfInfo, words } from './print-helpers.js';

// End to end on the built CLI (npm run build first): the demo note on A4 and on US Letter.
const AS_OF = '2025-12-12';
const MM = 72 / 25.4;
const SIDE_MARGIN = 16 * MM;

describe.each(['A4', 'Letter'] as const)('the demo note printed on %s', (paper) => {
  let pdf: string;
  let html: string;
  let texts: string[];
  beforeAll(async () => {
    const out = tempDir();
    const r = await runCli(['build', '--as-of', AS_OF, '--out', out, '--paper', paper]);
    expect(withoutDemoNotice(r.stderr)).toBe('');
    expect(r.code).toBe(0);
    pdf = join(out, `weekly-outlook-${AS_OF}.pdf`);
    html = readFileSync(join(out, `weekly-outlook-${AS_OF}.html`), 'utf8');
    texts = pageTexts(pdf);
  }, 180_000);

  it('has the paper size asked for', () => {
    const { width, height } = pdfInfo(pdf);
    const [w, h] = paper === 'A4' ? [595.92, 841.92] : [612, 792];
    expect(width).toBeCloseTo(w, 0);
    expect(height).toBeCloseTo(h, 0);
  });

  it('prints each figure caption on the same page as its source line (no figure split across pages)', () => {
    const captions: { n: number; page: number }[] = [];
    const sources: number[] = [];
    texts.forEach((t, i) => {
      for (const m of t.matchAll(/Figure (\d+)\./g)) captions.push({ n: Number(m[1]), page: i + 1 });
      for (const _ of t.matchAll(/Source: /g)) sources.push(i + 1);
    });
    const figures = (html.match(/<figure class="chart"/g) ?? []).length;
    expect(figures).toBeGreaterThanOrEqual(1);
    expect(captions.map((c) => c.n)).toEqual(Array.from({ length: figures }, (_, i) => i + 1));
    expect(sources).toHaveLength(figures);
    // figure k's caption and the k-th source line are on the same page
    expect(captions.map((c) => c.page)).toEqual(sources);
  });

  it('keeps every heading on the same page as the text after it', () => {
    const found = headingsWithNext(html);
    expect(found.length).toBeGreaterThan(2);
    for (const { heading, next } of found) {
      const page = texts.findIndex((t) => t.includes(heading));
      expect(page, `heading "${heading}" not found in the PDF text`).toBeGreaterThanOrEqual(0);
      const rest = texts[page].slice(texts[page].indexOf(heading) + heading.length);
      expect(rest.includes(next), `"${heading}" is followed on its page by "${next}"`).toBe(true);
    }
  });

  it('keeps all text inside the side margins (nothing wider than the page)', () => {
    const { width } = pdfInfo(pdf);
    const ws = words(pdf);
    expect(ws.length).toBeGreaterThan(500);
    const outside = ws.filter((w) => w.xMin < SIDE_MARGIN - 1 || w.xMax > width - SIDE_MARGIN + 1);
    expect(outside.map((w) => `p${w.page} "${w.text}" ${w.xMin.toFixed(0)}–${w.xMax.toFixed(0)}`)).toEqual([]);
  });

  it('numbers every page "page N of M"', () => {
    texts.forEach((t, i) => expect(t).toContain(`page ${i + 1} of ${texts.length}`));
  });
});
