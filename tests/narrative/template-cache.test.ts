/**
 * Compiled templates cached on disk (src/narrative/template-cache.ts): a second compile of the same templates reads
 * the cache and renders the same HTML; any change of a template is another entry; a damaged entry is compiled
 * again; a template that fails to compile is never cached, so its error is reported every time.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileNote } from '../../src/narrative/render-narrative.js';
import { loadNote } from '../../src/note/load-note.js';
import { MarketNoteError } from '../../src/errors/market-note-error.js';
import { tempDir } from '../helpers/cli.js';

const base = loadNote('weekly-outlook');
const note = (main: string, partial = '[{{fig.name}}]') => ({
  ...base,
  partials: [{ name: 'box', file: '/n/partials/box.hbs', text: partial }],
  main: { file: '/n/note.hbs', text: main },
});
const ctx = { lead: { small: { name: 'Russell 2000', ytd: 0.1234 } } };
const entries = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('templates-'));

let dir: string;
let before: string | undefined;
beforeEach(() => {
  before = process.env.MARKET_NOTE_CACHE_DIR;
  dir = join(tempDir(), 'cache');
  process.env.MARKET_NOTE_CACHE_DIR = dir;
});
afterEach(() => {
  if (before === undefined) delete process.env.MARKET_NOTE_CACHE_DIR;
  else process.env.MARKET_NOTE_CACHE_DIR = before;
});

describe('compiled templates cached on disk', () => {
  it('writes one entry on the first compile and renders the same HTML from it on the next', () => {
    const text = '{{lead.small.name}} {{pct lead.small.ytd}} {{#> box fig=lead.small}}{{/box}}';
    const first = compileNote(note(text))(ctx);
    expect(entries(dir)).toHaveLength(1);
    const entry = join(dir, entries(dir)[0]);
    const stored = JSON.parse(readFileSync(entry, 'utf8'));
    expect(Object.keys(stored).sort()).toEqual(['/n/note.hbs', '/n/partials/box.hbs']);
    // the entry is what the second compile runs: mark it, and the mark shows in the output
    stored['/n/partials/box.hbs'] = stored['/n/partials/box.hbs'].replace('"["', '"<cached>["');
    writeFileSync(entry, JSON.stringify(stored));
    const second = compileNote(note(text))(ctx);
    expect(second).toBe(first.replace('[Russell 2000]', '<cached>[Russell 2000]'));
    expect(first).toMatch(/^Russell 2000 \S+ \[Russell 2000\]$/);
  });

  it('keys the entry by every template: a changed partial is compiled anew, not read from the old entry', () => {
    const text = '{{#> box fig=lead.small}}{{/box}}';
    expect(compileNote(note(text, '[{{fig.name}}]'))(ctx)).toBe('[Russell 2000]');
    expect(compileNote(note(text, '({{fig.name}})'))(ctx)).toBe('(Russell 2000)');
    expect(entries(dir)).toHaveLength(2);
  });

  it('compiles again over a damaged entry', () => {
    const text = '{{lead.small.name}}';
    compileNote(note(text));
    const entry = join(dir, entries(dir)[0]);
    writeFileSync(entry, '{"/n/note.hbs": 12'); // cut off
    expect(compileNote(note(text))(ctx)).toBe('Russell 2000');
    writeFileSync(entry, JSON.stringify({ '/n/note.hbs': 'not compiled code' })); // an entry missing a template
    expect(compileNote(note(text))(ctx)).toBe('Russell 2000');
  });

  it('never caches a template that fails to compile: the error names the file and line on every compile', () => {
    for (const bad of ['x\n{{#if lead.small}}open', 'x\n{{> nope}}']) {
      for (let i = 0; i < 2; i++) {
        let error: unknown;
        try {
          compileNote(note(bad));
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(MarketNoteError);
        expect((error as MarketNoteError).file).toBe('/n/note.hbs');
        expect((error as MarketNoteError).line).toBe(2);
      }
    }
    expect(existsSync(dir) ? entries(dir) : []).toHaveLength(0);
  });

  it('an unknown fact path in cached code still fails with the file and line when rendered', () => {
    const bad = 'x\n{{lead.smal.name}}';
    for (let i = 0; i < 2; i++) {
      let error: unknown;
      try {
        compileNote(note(bad))(ctx);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(MarketNoteError);
      expect((error as MarketNoteError).file).toBe('/n/note.hbs');
      expect((error as MarketNoteError).line).toBe(2);
      expect((error as MarketNoteError).message).toMatch(/lead\.smal/);
      expect(entries(dir)).toHaveLength(1); // compiled fine (the path is checked against the facts at render)
    }
  });

  it('does not cache a rewritten compile (lint --coverage), and MARKET_NOTE_CACHE_DIR=off turns the cache off', () => {
    compileNote(note('{{lead.small.name}}'), { transform: () => undefined });
    expect(existsSync(dir) ? entries(dir) : []).toHaveLength(0);
    process.env.MARKET_NOTE_CACHE_DIR = 'off';
    expect(compileNote(note('{{lead.small.name}}'))(ctx)).toBe('Russell 2000');
  });
});
