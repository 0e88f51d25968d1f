/** Strict paths everywhere: a typo in any position fails with the template file, line and path, never a blank. */
import { describe, expect, it } from 'vitest';
import { compileNote } from '../../src/narrative/render-narrative.js';
import { loadNote } from '../../src/note/load-note.js';
import { MarketNoteError } from '../../src/errors/market-note-error.js';

const base = loadNote('weekly-outlook');
const note = (text: string) => ({ ...base, partials: [{ name: 'box', file: '/n/partials/box.hbs', text: '[{{fig.name}}]' }], main: { file: '/n/note.hbs', text } });
const ctx = { asOf: '2025-12-12', lead: { small: { name: 'Russell 2000' } }, thisYear: { label: 'this year' }, list: [{ a: 1 }], gone: null };

function failure(text: string): MarketNoteError {
  try {
    compileNote(note(text))(ctx);
  } catch (e) {
    if (e instanceof MarketNoteError) return e;
    throw e;
  }
  throw new Error('rendered without an error');
}

describe('strict paths', () => {
  it('renders every position when the paths exist, and a path through null as null', () => {
    const html = compileNote(note('{{lead.small.name}} {{#if lead.small}}yes{{/if}} {{#with lead.small as |s|}}{{s.name}}{{/with}} {{#each list}}{{this.a}}{{/each}} {{#if gone.x}}no{{else}}none{{/if}} {{thisYear.label}} {{#> box fig=lead.small}}{{/box}}'))(ctx);
    expect(html).toBe('Russell 2000 yes Russell 2000 1 none this year [Russell 2000]');
  });

  for (const [where, text, path] of [
    ['printed', 'x\n{{lead.smal.name}}', 'lead.smal.name'],
    ['an #if condition', '{{#if lead.smal}}a{{else}}b{{/if}}', 'lead.smal'],
    ['a #with', '{{#with lead.smal as |s|}}{{s.name}}{{/with}}', 'lead.smal'],
    ['an #each', '{{#each lsit}}{{this}}{{/each}}', 'lsit'],
    ['a helper argument', '{{pct lead.small.ytd}}', 'lead.small.ytd'],
    ['a block parameter', '{{#with lead.small as |s|}}{{s.nmae}}{{/with}}', 's.nmae'],
    ['a partial hash', '{{#> box fig=lead.smal}}{{/box}}', 'lead.smal'],
    ['@root', '{{@root.asOff}}', '@root.asOff'],
  ] as const) {
    it(`fails on an unknown path in ${where}, naming file, line and path`, () => {
      const e = failure(text);
      expect(e.file).toBe('/n/note.hbs');
      expect(e.line).toBe(text.startsWith('x\n') ? 2 : 1);
      expect(e.message).toContain(`"${path}" is not a fact`);
    });
  }

  it('fails at compile time on a partial the note does not have', () => {
    expect(() => compileNote(note('{{#> chart fig=lead}}fallback{{/chart}}'))).toThrow(/no partial named "chart"/);
  });
});
