import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import type { Page } from 'puppeteer-core';
import { FONT } from '../charts/theme.js';
import { regularFontFaceCss } from './fonts.js';
import { escapeHtml } from './html.js';

export type Paper = 'A4' | 'Letter';

/** Left and right page margin; the header and footer bands are inset by the same amount so their rules align with the text. */
const SIDE = '16mm';

export interface PdfOptions {
  paper?: Paper;
  /** Left side of the header band. */
  desk: string;
  /** Right side of the header band: the note title and its date. */
  title: string;
  dateLine: string;
  metadata: { title: string; author: string; subject: string; keywords: string[]; asOf: string };
}

function headerTemplate(o: PdfOptions): string {
  return `<style>${regularFontFaceCss()}</style>
<div style="font-family:'${FONT}';font-size:8.5px;color:#333;width:100%;margin:0 ${SIDE};padding-bottom:3px;border-bottom:0.5px solid #888;display:flex;justify-content:space-between;">
<span style="font-weight:400;letter-spacing:0.04em;text-transform:uppercase;">${escapeHtml(o.desk)}</span>
<span>${escapeHtml(o.title)} · ${escapeHtml(o.dateLine)}</span></div>`;
}

function footerTemplate(o: PdfOptions): string {
  return `<style>${regularFontFaceCss()}</style>
<div style="font-family:'${FONT}';font-size:8.5px;color:#555;width:100%;margin:0 ${SIDE};display:flex;justify-content:space-between;">
<span>${escapeHtml(o.desk)} · data through ${escapeHtml(o.dateLine)}</span>
<span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}

/**
 * Load self-contained HTML into a page for printing: print media, the content (JavaScript is off, so no page
 * script runs), then wait until its fonts are ready, so `printPdf` can start printing at once.
 */
export async function setHtml(page: Page, html: string): Promise<void> {
  await page.emulateMediaType('print');
  await page.setContent(html, { waitUntil: 'load' });
  // the protocol evaluates this even with page scripts off; fonts are data: URLs, so this is quick
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/**
 * Print the page to PDF (paper size, margins, header band and "page N of M" footer), then set the document
 * metadata with pdf-lib. Dates come from the as-of date, so the same inputs give the same bytes. `setHtml` has
 * already waited for the fonts, so the print command goes out in this call's first synchronous step (a batch
 * computes the next note while Chromium prints).
 */
export async function printPdf(page: Page, o: PdfOptions): Promise<Uint8Array> {
  const raw = await page.pdf({
    format: o.paper ?? 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: headerTemplate(o),
    footerTemplate: footerTemplate(o),
    margin: { top: '20mm', bottom: '18mm', left: SIDE, right: SIDE },
    preferCSSPageSize: false,
    tagged: true,
    waitForFonts: false,
  });
  return setPdfMetadata(raw, o.metadata);
}

/**
 * Title, author, subject, keywords and creation date (= the as-of date, noon UTC). Anything that could differ
 * between two prints of the same note is fixed or removed: the dates come from the as-of date, and a trailer /ID
 * (Chromium writes none today) is dropped, so identical inputs give identical bytes.
 */
export async function setPdfMetadata(pdf: Uint8Array, m: PdfOptions['metadata']): Promise<Uint8Array> {
  // parse and write in one go: pdf-lib's default yields every 50–100 objects, which triples the time for nothing here
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  doc.context.trailerInfo.ID = undefined;
  const when = new Date(`${m.asOf}T12:00:00Z`);
  doc.setTitle(m.title, { showInWindowTitleBar: true });
  doc.setAuthor(m.author);
  doc.setSubject(m.subject);
  doc.setKeywords(m.keywords);
  doc.setCreator('market-note');
  doc.setProducer('market-note (Chromium, pdf-lib)');
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
}
