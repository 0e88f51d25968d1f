import type { Figures } from '../charts/build-charts.js';
import type { Facts } from '../facts/types.js';
import { compileNote } from '../narrative/render-narrative.js';
import type { NoteSource } from '../note/load-note.js';
import { renderHtmlDocument } from './html.js';

/** What the templates see: the facts, the rendered figures and the note's config text (title, disclaimer). */
export function templateContext(facts: Facts, figures: Figures, note: NoteSource): object {
  return { ...facts, figures, config: { disclaimer: note.config.disclaimer, desk: note.config.desk }, page: { logo: note.config.page.logo } };
}

/** Facts + figures + note templates → the standalone HTML document. */
export function renderNote(facts: Facts, figures: Figures, note: NoteSource, render = compileNote(note)): string {
  const body = render(templateContext(facts, figures, note));
  return renderHtmlDocument({ title: `${note.config.title} — ${facts.asOf}`, body, css: note.css, description: facts.note.standfirst });
}
