import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { hexText, pdfDate, replaceInfo, type InfoValue } from '../../src/render/pdf-info.js';
import { printRawPdf, setPdfMetadata } from '../../src/render/pdf.js';
import { useBrowserSession } from '../helpers/browser.js';

/** A PDF laid out as Chromium writes one: Info first, one classic xref table, a trailer with /Info and no /ID. */
function chromiumLike(o: { trailerExtra?: string; catalogExtra?: string; breakOffset?: number; infoText?: string } = {}): Uint8Array {
  const objects = [
    `<</Title <FEFF0054>\n/Creator (Mozilla/5.0 \\(X11\\) endobj lookalike)\n/Producer (Skia/PDF m156)\n/CreationDate (D:20261127221619+00'00')>>`,
    `<</Type /Pages /Kids [3 0 R] /Count 1>>`,
    `<</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 5 0 R>>`,
    `<</Type /Catalog\n/Pages 2 0 R\n/ViewerPreferences <</Type /ViewerPreferences\n${o.catalogExtra ?? '/DisplayDocTitle true'}>>>>`,
    `<</Length 34>> stream\nBT /F1 12 Tf 10 10 Td (Hi) Tj ET\nendstream`,
  ];
  if (o.infoText) objects[0] = o.infoText;
  let text = '%PDF-1.4\n%\xD3\xEB\xE9\xE1\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  offsets.forEach((off, i) => (text += `${String(i === o.breakOffset ? off + 3 : off).padStart(10, '0')} 00000 n \n`));
  text += `trailer\n<</Size ${objects.length + 1}\n/Root 4 0 R\n/Info 1 0 R${o.trailerExtra ?? ''}>>\nstartxref\n${xref}\n%%EOF`;
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

const entries: Record<string, InfoValue> = {
  Title: { text: 'Are small caps — the star?' },
  Author: { text: 'Desk (é)' },
  CreationDate: { date: new Date('2025-12-12T12:00:00Z') },
};

/** Every in-use xref entry points at `N 0 obj`, and startxref at `xref`. */
function offsetsHold(pdf: Uint8Array): boolean {
  const s = Buffer.from(pdf).toString('latin1');
  const at = Number(/startxref\s+(\d+)/.exec(s.slice(s.lastIndexOf('startxref')))![1]);
  if (!s.startsWith('xref', at)) return false;
  const lines = s.slice(at).split('\n');
  const count = Number(lines[1].split(' ')[1]);
  for (let i = 0; i < count; i++) {
    const [off, , kind] = lines[2 + i].split(' ');
    if (kind === 'n' && !s.startsWith(`${i} 0 obj`, Number(off))) return false;
  }
  return true;
}

describe('replaceInfo', () => {
  it('replaces the Info object in place, moves every later offset and startxref, and changes nothing else', async () => {
    const raw = chromiumLike();
    const out = replaceInfo(raw, entries, '/DisplayDocTitle true');
    expect(out).not.toBeNull();
    expect(offsetsHold(out!)).toBe(true);
    const text = Buffer.from(out!).toString('latin1');
    expect(text).not.toContain('Skia');
    expect(text).not.toContain('20261127');
    // the objects after the Info object are byte for byte the same
    const rawText = Buffer.from(raw).toString('latin1');
    expect(text.slice(text.indexOf('2 0 obj'), text.indexOf('xref\n'))).toBe(rawText.slice(rawText.indexOf('2 0 obj'), rawText.indexOf('xref\n')));
    const doc = await PDFDocument.load(out!, { updateMetadata: false, throwOnInvalidObject: true });
    expect([doc.getTitle(), doc.getAuthor(), doc.getCreationDate()?.toISOString()]).toEqual(['Are small caps — the star?', 'Desk (é)', '2025-12-12T12:00:00.000Z']);
    expect(doc.getPageCount()).toBe(1);
  });

  it('writes texts as UTF-16BE hex and dates in UTC, as pdf-lib does', () => {
    expect(hexText('Aé—')).toBe('<FEFF004100E92014>');
    expect(pdfDate(new Date('2025-03-07T12:00:00Z'))).toBe('(D:20250307120000Z)');
  });

  it('returns null for any other layout, so the caller falls back to pdf-lib', async () => {
    expect(replaceInfo(chromiumLike({ trailerExtra: '\n/ID [<00> <00>]' }), entries)).toBeNull();
    expect(replaceInfo(chromiumLike({ trailerExtra: '\n/Prev 9' }), entries)).toBeNull();
    expect(replaceInfo(chromiumLike({ breakOffset: 2 }), entries)).toBeNull();
    expect(replaceInfo(chromiumLike({ catalogExtra: '/Direction /L2R' }), entries, '/DisplayDocTitle true')).toBeNull();
    expect(replaceInfo(new Uint8Array(Buffer.from('%PDF-1.4\nnot a pdf')), entries)).toBeNull();
    // pdf-lib's own layout (cross-reference stream, objects in object streams)
    const doc = await PDFDocument.create();
    doc.addPage([100, 100]);
    expect(replaceInfo(await doc.save({ useObjectStreams: true }), entries)).toBeNull();
  });
});

describe('setPdfMetadata on both paths', () => {
  const meta = { title: 'Tîtle', author: 'A', subject: 'S', keywords: ['k1', 'k2'], asOf: '2025-03-07' };

  it('gives the same metadata whether the file is replaced in place or rewritten by pdf-lib', async () => {
    const fast = await setPdfMetadata(chromiumLike(), meta);
    const slow = await setPdfMetadata(chromiumLike({ trailerExtra: '\n/ID [<00> <00>]' }), meta);
    expect(Buffer.from(fast).toString('latin1')).not.toContain('/ID'); // in place
    expect(Buffer.from(slow).toString('latin1')).not.toContain('/ID'); // pdf-lib drops it
    const read = async (b: Uint8Array) => {
      const d = await PDFDocument.load(b, { updateMetadata: false });
      return [d.getTitle(), d.getAuthor(), d.getSubject(), d.getKeywords(), d.getCreator(), d.getProducer(), d.getCreationDate()?.toISOString(), d.getModificationDate()?.toISOString()];
    };
    expect(await read(fast)).toEqual(await read(slow));
    expect(await read(fast)).toEqual(['Tîtle', 'A', 'S', 'k1 k2', 'market-note', 'market-note (Chromium)', '2025-03-07T12:00:00.000Z', '2025-03-07T12:00:00.000Z']);
  });
});

describe('a print of the Chromium this machine has', () => {
  const browser = useBrowserSession();

  it('is laid out as replaceInfo expects, so notes take the in-place path (a Chromium that changes it falls back to pdf-lib, and this fails)', async () => {
    const page = await browser().newPage();
    try {
      await page.setContent('<title>t</title><p>A note.</p>');
      const raw = await printRawPdf(page, { paper: 'A4', desk: 'D', title: 'T', dateLine: '12 Dec 2025', metadata: { title: 'T', author: 'A', subject: 'S', keywords: [], asOf: '2025-12-12' } } as never);
      const out = replaceInfo(raw, entries, '/DisplayDocTitle true');
      expect(out).not.toBeNull();
      expect(offsetsHold(out!)).toBe(true);
      const doc = await PDFDocument.load(out!, { updateMetadata: false, throwOnInvalidObject: true });
      expect(doc.getTitle()).toBe('Are small caps — the star?');
    } finally {
      await page.close();
    }
  }, 60_000);
});
