import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFHexString } from 'pdf-lib';
import { setPdfMetadata } from '../../src/render/pdf.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, withoutDemoNotice } from '../helpers/cli.js';
import { orphanChromium, pdfFonts } from './print-helpers.js';

// End to end on the built CLI: the same inputs built twice.
const AS_OF = '2025-12-12';

describe('the printed demo note', () => {
  const outs = [tempDir(), tempDir()];
  const file = (i: number, ext: string) => join(outs[i], `weekly-outlook-${AS_OF}.${ext}`);
  beforeAll(async () => {
    for (const out of outs) {
      const r = await runCli(['build', '--as-of', AS_OF, '--out', out]);
      expect(withoutDemoNotice(r.stderr)).toBe('');
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
    expect(orphanChromium()).toEqual([]);
  });
});

describe('setPdfMetadata', () => {
  const meta = { title: 'T', author: 'A', subject: 'S', keywords: ['k1', 'k2'], asOf: '2025-03-07' };

  it('sets the metadata, dates it by the as-of date and drops a trailer /ID', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([200, 200]);
    doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of('00112233'), PDFHexString.of('44556677')]);
    const raw = await doc.save({ useObjectStreams: false });
    expect(Buffer.from(raw).toString('latin1')).toContain('/ID');
    const out = await setPdfMetadata(raw, meta);
    expect(Buffer.from(out).toString('latin1')).not.toContain('/ID');
    const back = await PDFDocument.load(out, { updateMetadata: false });
    expect([back.getTitle(), back.getAuthor(), back.getSubject(), back.getKeywords()]).toEqual(['T', 'A', 'S', 'k1 k2']);
    expect(back.getCreationDate()?.toISOString()).toBe('2025-03-07T12:00:00.000Z');
  });

  it('gives the same bytes for the same input', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([200, 200]);
    const raw = await doc.save({ useObjectStreams: false });
    expect(Buffer.compare(Buffer.from(await setPdfMetadata(raw, meta)), Buffer.from(await setPdfMetadata(raw, meta)))).toBe(0);
  });
});
