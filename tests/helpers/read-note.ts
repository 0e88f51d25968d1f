/**
 * A note as a client reads it, for the regression tests of client readings: its facts and its text (the HTML's
 * words, charts left out), built from a market already loaded.
 */
import { placeholderFigures } from '../../src/charts/build-charts.js';
import type { Market } from '../../src/data/types.js';
import { buildFacts } from '../../src/facts/build-facts.js';
import { compileNote } from '../../src/narrative/render-narrative.js';
import { loadNote } from '../../src/note/load-note.js';
import { templateContext } from '../../src/render/render-note.js';

/** The words of a note's HTML, one space between them. */
export const plain = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&#x27;/g, "'").replace(/\s+/g, ' ');

/** The facts and text of note `name` on `asOf` (per `symbol` for a per-symbol note). */
export function readNote(market: Market, name: string, asOf: string, symbol?: string) {
  const note = loadNote(name);
  const figures = placeholderFigures(note.config.charts.map((c) => c.id), (id) => ({ id, svg: '', alt: id, source: 'real' }));
  const facts = buildFacts(market, note.config, { asOf, noteName: note.name, symbol });
  return { facts, text: plain(compileNote(note)(templateContext(facts, figures, note))) };
}
