import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMarket } from '../../src/data/load-market.js';
import { MarketNoteError } from '../../src/errors/market-note-error.js';
import { buildFacts } from '../../src/facts/build-facts.js';
import { compileNote } from '../../src/narrative/render-narrative.js';
import { loadNote, TEMPLATES_DIR } from '../../src/note/load-note.js';
import { tempDir } from '../helpers/cli.js';

const market = loadMarket();

/** A note folder with this note.yaml and a one-line note.hbs. */
function noteDir(yaml: string, hbs = '<h1>{{note.title}}</h1>', files: Record<string, string | Buffer> = {}): string {
  const dir = join(tempDir(), 'my-note');
  mkdirSync(join(dir, 'partials'), { recursive: true });
  writeFileSync(join(dir, 'note.yaml'), yaml);
  writeFileSync(join(dir, 'note.hbs'), hbs);
  writeFileSync(join(dir, 'note.css'), 'body { margin: 0 }');
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return dir;
}

const HEAD = 'title: T\ndesk: D\ndisclaimer: X\n';

function loadError(dir: string): MarketNoteError {
  try {
    loadNote(dir);
  } catch (e) {
    if (e instanceof MarketNoteError) return e;
    throw e;
  }
  throw new Error('loadNote did not fail');
}

describe('loadNote', () => {
  it('takes roles with any names and computes only the declared sections', () => {
    const dir = noteDir(`${HEAD}roles:\n  rate: TNX\n  stocks: SPX\nsections:\n  - yieldWatch: [rate, stocks]\n`);
    const note = loadNote(dir);
    expect(note.config.roles).toEqual({ rate: 'TNX', stocks: 'SPX' });
    const facts = buildFacts(market, note.config, { asOf: '2025-12-12' });
    expect(Object.keys(facts).filter((k) => !['asOf', 'note', 'data', 'roles', 'charts', 'changes', 'thresholds', 'symbol', 'missing'].includes(k))).toEqual(['yieldWatch']);
    expect(Object.keys(facts.data.series)).toEqual(['TNX', 'SPX']);
  });

  it('names the file and line of a section that reads a role note.yaml does not define', () => {
    const e = loadError(noteDir(`${HEAD}roles:\n  rate: TNX\nsections:\n  - pnf: [rate, fund]\n`));
    expect(e.code).toBe('CONFIG');
    expect(e.message).toMatchInlineSnapshot(`"note.yaml: sections: pnf reads the role "fund", which roles does not define"`);
    expect(e.line).toBe(7);
    expect(e.hint).toMatch(/Add `fund: SYMBOL` under roles/);
  });

  it('names the line of a bad page margin', () => {
    const e = loadError(noteDir(`${HEAD}roles: { a: SPX }\npage:\n  margins:\n    top: 2 inches\n`));
    expect(e.message).toMatchInlineSnapshot(`"note.yaml: page.margins.top: a length such as 18mm, 1cm or 0.75in"`);
    expect(e.line).toBe(7);
  });

  it('drops an optional role the market lacks and says why in facts.missing', () => {
    const dir = noteDir(`${HEAD}roles:\n  fund: IWM\n  marketBenchmark: RSP\n  extra: { series: NOPE, optional: true }\nsections:\n  - performance: [fund]\n`);
    const facts = buildFacts(market, loadNote(dir).config, { asOf: '2025-12-12' });
    expect(facts.roles).toEqual({ fund: 'IWM', marketBenchmark: 'RSP' });
    expect(facts.missing).toEqual([{ section: 'roles.extra', reason: 'NOPE (role extra) is not in the market data' }]);
  });

  it('inlines the logo from the note folder as a data: URL, and fails on a logo that is not there', () => {
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    const note = loadNote(noteDir(`${HEAD}roles: { a: SPX }\npage:\n  logo: logo.png\n`, undefined, { 'logo.png': png }));
    expect(note.config.page.logo).toBe(`data:image/png;base64,${png.toString('base64')}`);
    const e = loadError(noteDir(`${HEAD}roles: { a: SPX }\npage:\n  logo: gone.png\n`));
    expect(e.code).toBe('MISSING_FILE');
    expect(e.line).toBe(6);
  });

  it('fills the page with the weekly defaults and the note\'s own header text', () => {
    const note = loadNote(noteDir(`${HEAD}roles: { a: SPX }\npage:\n  paper: Letter\n  header: { right: "{symbol} · {date}" }\n  margins: { left: 1in }\n`));
    expect(note.config.page).toEqual({
      paper: 'Letter',
      margins: { top: '20mm', bottom: '18mm', left: '1in', right: '16mm' },
      header: { left: '{desk}', right: '{symbol} · {date}' },
      footer: { left: '{desk} · data through {date}', right: 'page {page} of {pages}' },
      logo: null,
    });
  });

  it('gives every note the shared figure partial, which a note may replace', () => {
    const shared = loadNote(noteDir(`${HEAD}roles: { a: SPX }\n`));
    expect(shared.partials.find((p) => p.name === 'figure')?.shared).toBe(true);
    const own = loadNote(noteDir(`${HEAD}roles: { a: SPX }\n`, undefined, { 'partials/figure.hbs': '<div>{{fig.alt}}</div>' }));
    expect(own.partials.filter((p) => p.name === 'figure')).toHaveLength(1);
    expect(own.partials.find((p) => p.name === 'figure')?.shared).toBeUndefined();
  });

  it('fails on a partial that exists nowhere instead of dropping the figure', () => {
    const note = loadNote(noteDir(`${HEAD}roles: { a: SPX }\n`, '<main>\n{{#> chartbox fig=figures.x}}Caption{{/chartbox}}\n</main>'));
    expect(() => compileNote(note)).toThrow(/no partial named "chartbox"/);
  });

  it('reads the package\'s notes by name', () => {
    expect(loadNote('rates-wrap').dir).toBe(join(TEMPLATES_DIR, 'rates-wrap'));
    expect(readFileSync(join(TEMPLATES_DIR, 'rates-wrap', 'note.yaml'), 'utf8')).toMatch(/^roles:/m);
  });
});
