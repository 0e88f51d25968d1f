import type { Figures } from '../charts/build-charts.js';
import type { Facts } from '../facts/types.js';
import { compileNote, type CompiledNote } from '../narrative/render-narrative.js';
import type { Claims } from '../narrative/strict-paths.js';
import type { NoteSource } from '../note/load-note.js';
import { inlineNoteAssets } from '../note/local-assets.js';
import { renderHtmlDocument } from './html.js';

/** What the templates see: the facts, the rendered figures and the note's config text (title, disclaimer). */
export function templateContext(facts: Facts, figures: Figures, note: NoteSource): object {
  return { ...facts, figures, config: { disclaimer: note.config.disclaimer, desk: note.config.desk }, page: { logo: note.config.page.logo } };
}

/** The claims of the render just made by `render` (empty for a render function that does not record them). */
export function lastClaims(render: (ctx: object) => string): Claims {
  return 'claims' in render ? (render as CompiledNote).claims() : {};
}

/** The `.facts.json` a build writes: the facts, plus the claims each section's text read (see strict-paths.ts). */
export function factsFileText(facts: Facts, claims: Claims): string {
  return `${JSON.stringify({ ...facts, claims }, null, 2)}\n`;
}

/** The note's title as the PDF metadata and the HTML page name it: a per-symbol note names its symbol (tabs of several snapshots told apart). */
export function noteTitle(facts: Facts): string {
  return facts.symbol ? `${facts.note.title}: ${facts.symbol}` : facts.note.title;
}

/** Facts + figures + note templates → the standalone HTML document. */
export function renderNote(facts: Facts, figures: Figures, note: NoteSource, render: (ctx: object) => string = compileNote(note)): string {
  // files of the note folder the templates point at (a logo) become data URIs: the page stays self-contained
  const body = inlineNoteAssets(render(templateContext(facts, figures, note)), note);
  return renderHtmlDocument({ title: `${noteTitle(facts)} — ${facts.asOf}`, body, css: `${note.houseCss}\n${inlineNoteAssets(note.css, note)}`, description: facts.note.standfirst });
}
