import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { leftoverChromium, runCli, tempDir } from '../helpers/cli.js';
import { pdfFonts } from './print-helpers.js';

// End to end on the built CLI: the same inputs built twice.
const AS_OF = '2025-12-12';

describe('the printed demo note', () => {
  const outs = [tempDir(), tempDir()];
  const file = (i: number, ext: string) => join(outs[i], `weekly-outlook-${AS_OF}.${ext}`);
  beforeAll(async () => {
    for (const out of outs) {
      const r = await runCli(['build', '--as-of', AS_OF, '--out', out]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  }, 240_000);

  it('embeds only Source Sans 3 faces (no fallback font, no Type 3 glyphs)', () => {
    const fonts = pdfFonts(file(0, 'pdf'));
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const f of fonts) {
      expect(f.name).toMatch(/^[A-Z]{6}\+SourceSans3/);
      expect(f.embedded).toBe(true);
      expect(f.type).not.toMatch(/Type 3/);
    }
  });

  it('gives byte-identical PDF and HTML for identical inputs', () => {
    expect(Buffer.compare(readFileSync(file(0, 'pdf')), readFileSync(file(1, 'pdf')))).toBe(0);
    expect(readFileSync(file(0, 'html'), 'utf8')).toBe(readFileSync(file(1, 'html'), 'utf8'));
  });

  it('carries the note metadata, dated by the as-of date', async () => {
    const doc = await PDFDocument.load(readFileSync(file(0, 'pdf')), { updateMetadata: false });
    expect(doc.getTitle()).toBe('Are small caps the star of next year?');
    expect(doc.getAuthor()).toBe('market-note');
    expect(doc.getSubject()).toMatch(/small caps/);
    expect(doc.getKeywords()).toMatch(/point and figure/);
    expect(doc.getCreationDate()?.toISOString()).toBe(`${AS_OF}T12:00:00.000Z`);
    expect(doc.getModificationDate()?.toISOString()).toBe(`${AS_OF}T12:00:00.000Z`);
  });

  it('uses the same font family in the HTML text and the chart SVGs', () => {
    const html = readFileSync(file(0, 'html'), 'utf8');
    expect(html).toMatch(/@font-face\{font-family:'Source Sans 3'/);
    const svgFonts = new Set([...html.matchAll(/font-family="([^"]+)"/g)].map((m) => m[1]));
    expect([...svgFonts]).toEqual(['Source Sans 3']);
  });

  it('leaves no Chromium process behind', () => {
    expect(leftoverChromium()).toEqual([]);
  });
});
