import { fontFaceCss } from './fonts.js';

export interface HtmlDocumentInput {
  title: string;
  lang?: string;
  /** The note body produced by the templates. */
  body: string;
  /** The note's stylesheet (templates/<note>/note.css). */
  css: string;
  description?: string;
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/**
 * The standalone HTML page: one file with the CSS and the fonts inlined and the charts as inline SVG, so it
 * opens anywhere without network access and prints the same everywhere.
 */
export function renderHtmlDocument(input: HtmlDocumentInput): string {
  return [
    '<!doctype html>',
    `<html lang="${input.lang ?? 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'\">",
    `<title>${escapeHtml(input.title)}</title>`,
    input.description ? `<meta name="description" content="${escapeHtml(input.description)}">` : '',
    `<style>\n${fontFaceCss()}\n${input.css}\n</style>`,
    '</head>',
    '<body>',
    input.body,
    '</body>',
    '</html>',
    '',
  ]
    .filter((l) => l !== '')
    .join('\n');
}

export { escapeHtml };
