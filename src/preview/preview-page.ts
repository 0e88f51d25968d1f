/**
 * The preview's pages: the note's own HTML with a small toolbar and a reload script added, or an error page
 * listing problems with their file and line. Pure functions of strings; the printed note never gets these.
 */
import { escapeHtml } from '../render/html.js';

/** A problem shown on the page: `place` is `file:line` when known. */
export interface PreviewProblem {
  place?: string;
  message: string;
  hint?: string;
  /** `error` stops the page; `warning` (lint) is listed in the toolbar above the note. */
  severity: 'error' | 'warning';
}

/** What the toolbar and the reload script need to know. */
export interface PreviewPageState {
  /** Per-server random value that lets the reload script (and only it) run. */
  nonce: string;
  /** Per-server id: the page reloads when it reconnects to a different server (a restart). */
  serverId: string;
  /** Version of the watched files the page was rendered from; the page reloads when the server has a newer one. */
  generation: number;
  noteName: string;
  /** The as-of date shown (the note's, or the one asked for). */
  asOf?: string;
  /** Latest date with data, for the date input's `max`. */
  maxDate?: string;
}

const CSP_META = /<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>/gi;

/** The preview's CSP: the note's own (`default-src 'none'`, data: images and fonts) plus the one nonce'd script and /events. */
export function previewCsp(nonce: string): string {
  return `default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'; connect-src 'self'; form-action 'self'; base-uri 'none'`;
}

const TOOLBAR_CSS = `
#mn-preview-bar{position:sticky;top:0;z-index:2147483647;display:flex;flex-wrap:wrap;gap:.4em 1em;align-items:center;
 margin:0 0 1em;padding:.45em .8em;background:#1f2937;color:#f9fafb;font:13px/1.4 system-ui,sans-serif}
#mn-preview-bar a{color:#bfdbfe}#mn-preview-bar form{display:inline-flex;gap:.4em;align-items:center;margin:0}
#mn-preview-bar input{font:inherit;padding:1px 4px}#mn-preview-bar .mn-dot{color:#86efac}
#mn-preview-warnings{margin:0 0 1em;padding:.5em .8em;background:#fef3c7;color:#78350f;font:13px/1.4 system-ui,sans-serif}
#mn-preview-warnings li{margin:.15em 0}
@media print{#mn-preview-bar,#mn-preview-warnings{display:none}}`;

function toolbar(s: PreviewPageState, pdf: boolean): string {
  const q = s.asOf ? `as-of=${encodeURIComponent(s.asOf)}&` : '';
  return [
    `<style>${TOOLBAR_CSS}</style>`,
    '<div id="mn-preview-bar" role="toolbar" aria-label="market-note preview">',
    `<strong>${escapeHtml(s.noteName)}</strong>`,
    '<form method="get" action="/"><label for="mn-preview-date">as of</label>',
    `<input id="mn-preview-date" type="date" name="as-of" value="${escapeHtml(s.asOf ?? '')}"${s.maxDate ? ` max="${escapeHtml(s.maxDate)}"` : ''}>`,
    '<button type="submit">show</button></form>',
    '<a href="/">latest</a>',
    pdf ? `<a href="/?${q}format=pdf">PDF</a> <a href="/?${q}format=email">e-mail</a> <a href="/?${q}format=json">facts</a>` : '',
    '<span class="mn-dot" title="reloads when a template, partial, CSS or data file changes">● live</span>',
    '</div>',
  ].join('');
}

function script(s: PreviewPageState): string {
  const state = JSON.stringify({ id: s.serverId, gen: s.generation });
  return `<script nonce="${s.nonce}">(() => {
  const page = ${state};
  const es = new EventSource('/events');
  es.addEventListener('hello', (e) => { const d = JSON.parse(e.data); if (d.id !== page.id || d.gen !== page.gen) location.reload(); });
  es.addEventListener('change', () => location.reload());
  const date = document.getElementById('mn-preview-date');
  if (date) date.addEventListener('change', () => { if (date.value) date.form.submit(); });
})();</script>`;
}

function problemList(problems: readonly PreviewProblem[]): string {
  return problems
    .map((p) => {
      const place = p.place ? `<code>${escapeHtml(p.place)}</code>: ` : '';
      const hint = p.hint ? `<div class="mn-hint">${escapeHtml(p.hint)}</div>` : '';
      return `<li>${place}${escapeHtml(p.message)}${hint}</li>`;
    })
    .join('\n');
}

/**
 * The note's HTML for the browser: its CSP widened for one nonce'd script and the /events stream, a toolbar
 * (date switch, PDF and facts links) and any lint warnings at the top, the reload script at the end.
 * @example previewHtml('<html><head></head><body><p>note</p></body></html>', state, []) //=> '…<body><style>…toolbar…<p>note</p><script nonce=…>…</body>…'
 */
export function previewHtml(noteHtml: string, s: PreviewPageState, warnings: readonly PreviewProblem[]): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${previewCsp(s.nonce)}">`;
  let html = noteHtml.replace(CSP_META, '');
  html = /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => `${m}\n${meta}`) : `${meta}\n${html}`;
  const warn = warnings.length ? `<ul id="mn-preview-warnings" role="status">${problemList(warnings)}</ul>` : '';
  const top = toolbar(s, true) + warn;
  html = /<body[^>]*>/i.test(html) ? html.replace(/<body[^>]*>/i, (m) => `${m}\n${top}`) : `${top}\n${html}`;
  const end = script(s);
  return /<\/body>/i.test(html) ? html.replace(/<\/body>(?![\s\S]*<\/body>)/i, `${end}\n</body>`) : `${html}\n${end}`;
}

/**
 * A page listing what stops the note from rendering (template, lint, data errors), each with its file and
 * line; it reloads by itself once the files are fixed.
 */
export function errorPage(s: PreviewPageState, title: string, problems: readonly PreviewProblem[]): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${previewCsp(s.nonce)}">`,
    `<title>${escapeHtml(`${s.noteName}: ${title}`)}</title>`,
    '<style>body{margin:0;font:15px/1.5 system-ui,sans-serif;color:#111}main{padding:1em 1.5em}h1{font-size:1.3em;color:#b91c1c}',
    'li{margin:.6em 0}code{background:#fee2e2;padding:0 .25em;border-radius:3px}.mn-hint{color:#4b5563;font-size:.9em;white-space:pre-wrap}</style>',
    '</head><body>',
    toolbar(s, false),
    `<main><h1>${escapeHtml(title)}</h1>`,
    `<ul id="mn-preview-errors">${problemList(problems)}</ul>`,
    '<p>The page reloads by itself when you save a fix.</p></main>',
    script(s),
    '</body></html>',
    '',
  ].join('\n');
}
