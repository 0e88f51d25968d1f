import type { Page } from 'puppeteer-core';
import { FONT } from '../charts/theme.js';
import { regularFontFaceCss } from './fonts.js';
import { replaceInfo } from './pdf-info.js';
import { escapeHtml } from './html.js';
import { flowFigures, pageBox } from './page-flow.js';
import { trace } from '../cli/trace.js';

export type Paper = 'A4' | 'Letter';

/** Page setup of a print: margins, the header and footer bands' text, a logo. */
export interface PageBands {
  margins: { top: string; bottom: string; left: string; right: string };
  /** Band text with `{desk}`, `{title}`, `{date}`, `{symbol}`, `{page}`, `{pages}` filled in at print time. */
  header: { left: string; right: string };
  footer: { left: string; right: string };
  /** A data: URL shown at the left of the header band, or null. */
  logo: string | null;
}

/** The page when a note gives none: the weekly outlook's bands and margins. */
export const DEFAULT_BANDS: PageBands = {
  margins: { top: '20mm', bottom: '18mm', left: '16mm', right: '16mm' },
  header: { left: '{desk}', right: '{title} · {date}' },
  footer: { left: '{desk} · data through {date}', right: 'page {page} of {pages}' },
  logo: null,
};

export interface PdfOptions {
  paper?: Paper;
  /** `{desk}` in the bands. */
  desk: string;
  /** `{title}` in the bands. */
  title: string;
  /** `{date}` in the bands: the as-of date in words. */
  dateLine: string;
  /** `{symbol}` in the bands (per-symbol notes). */
  symbol?: string;
  page?: PageBands;
  metadata: { title: string; author: string; subject: string; keywords: string[]; asOf: string };
  /** Move a figure that does not fit at the foot of a page to the next one, the text after it filling the space (default true; page-flow.ts). */
  floatFigures?: boolean;
}

/** Band text → HTML: the fields escaped, `{page}` and `{pages}` as Chromium's page-number spans. */
export function bandHtml(text: string, o: PdfOptions): string {
  const fields: Record<string, string> = { desk: o.desk, title: o.title, date: o.dateLine, symbol: o.symbol ?? '' };
  return text
    .split(/(\{\w+\})/)
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      if (!m) return escapeHtml(part);
      if (m[1] === 'page') return '<span class="pageNumber"></span>';
      if (m[1] === 'pages') return '<span class="totalPages"></span>';
      return m[1] in fields ? escapeHtml(fields[m[1]]) : escapeHtml(part);
    })
    .join('');
}

function headerTemplate(o: PdfOptions): string {
  const p = o.page ?? DEFAULT_BANDS;
  const logo = p.logo ? `<img src="${p.logo}" style="height:10px;margin-right:5px;vertical-align:middle;" alt="">` : '';
  return `<style>${regularFontFaceCss()}</style>
<div style="font-family:'${FONT}';font-size:8.5px;color:#333;width:100%;margin:0 ${p.margins.right} 0 ${p.margins.left};padding-bottom:3px;border-bottom:0.5px solid #888;display:flex;justify-content:space-between;">
<span style="font-weight:400;letter-spacing:0.04em;text-transform:uppercase;">${logo}${bandHtml(p.header.left, o)}</span>
<span>${bandHtml(p.header.right, o)}</span></div>`;
}

function footerTemplate(o: PdfOptions): string {
  const p = o.page ?? DEFAULT_BANDS;
  return `<style>${regularFontFaceCss()}</style>
<div style="font-family:'${FONT}';font-size:8.5px;color:#555;width:100%;margin:0 ${p.margins.right} 0 ${p.margins.left};display:flex;justify-content:space-between;">
<span>${bandHtml(p.footer.left, o)}</span>
<span>${bandHtml(p.footer.right, o)}</span></div>`;
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

/** Load a note for printing with `o`: {@link setHtml}, then the page flow (figures that do not fit float to the next page). */
export async function loadForPrint(page: Page, html: string, o: PdfOptions): Promise<void> {
  await setHtml(page, html);
  trace('HTML loaded');
  if (o.floatFigures !== false) await flowFigures(page, pageBox(o.paper ?? 'A4', (o.page ?? DEFAULT_BANDS).margins));
}

/**
 * Print the page to PDF (paper size, margins, header band and "page N of M" footer), then set the document
 * metadata ({@link setPdfMetadata}). Dates come from the as-of date, so the same inputs give the same bytes. `setHtml` has
 * already waited for the fonts, so the print command goes out in this call's first synchronous step (a batch
 * computes the next note while Chromium prints).
 */
export async function printPdf(page: Page, o: PdfOptions): Promise<Uint8Array> {
  return setPdfMetadata(await printRawPdf(page, o), o.metadata);
}

/** The print of {@link printPdf} as Chromium makes it, before {@link setPdfMetadata}. */
export async function printRawPdf(page: Page, o: PdfOptions): Promise<Uint8Array> {
  return page.pdf({
    format: o.paper ?? 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: headerTemplate(o),
    footerTemplate: footerTemplate(o),
    margin: (o.page ?? DEFAULT_BANDS).margins,
    preferCSSPageSize: false,
    tagged: true,
    waitForFonts: false,
  });
}

/** What a note's PDF says made it. */
const CREATOR = 'market-note';
const PRODUCER = 'market-note (Chromium)';

/**
 * Title, author, subject, keywords and creation date (= the as-of date, noon UTC). Anything that could differ
 * between two prints of the same note is fixed or removed: the dates come from the as-of date, and a trailer /ID
 * (Chromium writes none today) is dropped, so identical inputs give identical bytes. Chromium's own layout gets
 * its Info dictionary replaced in place (pdf-info.ts); any other file is read and rewritten by pdf-lib.
 */
export async function setPdfMetadata(pdf: Uint8Array, m: PdfOptions['metadata']): Promise<Uint8Array> {
  const when = new Date(`${m.asOf}T12:00:00Z`);
  // the title shown in a viewer's title bar: Chromium's catalog asks for it already, and pdf-lib sets it
  const fast = replaceInfo(
    pdf,
    {
      Title: { text: m.title },
      Author: { text: m.author },
      Subject: { text: m.subject },
      Keywords: { text: m.keywords.join(' ') },
      Creator: { text: CREATOR },
      Producer: { text: PRODUCER },
      CreationDate: { date: when },
      ModDate: { date: when },
    },
    '/DisplayDocTitle true',
  );
  if (fast) return fast;
  // parse and write in one go: pdf-lib's default yields every 50–100 objects, which triples the time for nothing here
  const { ParseSpeeds, PDFDocument } = await import('pdf-lib'); // loaded on the first PDF that needs it
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  doc.context.trailerInfo.ID = undefined;
  doc.setTitle(m.title, { showInWindowTitleBar: true });
  doc.setAuthor(m.author);
  doc.setSubject(m.subject);
  doc.setKeywords(m.keywords);
  doc.setCreator(CREATOR);
  doc.setProducer(PRODUCER);
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
}
