import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMarket } from '../../src/data/load-market.js';
import { withMemberSeries } from '../../src/data/member-series.js';
import type { Market } from '../../src/data/types.js';
import { buildFacts, requiredSeries } from '../../src/facts/build-facts.js';
import { loadNote, TEMPLATES_DIR } from '../../src/note/load-note.js';
import { buildNotes } from '../../src/pipeline/build-notes.js';
import { ROOT, tempDir } from '../helpers/cli.js';

const NEW_NOTES = ['fund-snapshot', 'rates-wrap'];
const market = loadMarket();

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}

describe('notes are data (issue 16)', () => {
  it('no source file names the fund snapshot or the rates wrap', () => {
    for (const file of files(join(ROOT, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const name of NEW_NOTES) expect(text.includes(name), `${relative(ROOT, file)} names ${name}`).toBe(false);
    }
  });

  it('the new notes are folders of note.yaml, templates and CSS only', () => {
    for (const name of NEW_NOTES) {
      const kinds = files(join(TEMPLATES_DIR, name)).map((f) => relative(join(TEMPLATES_DIR, name), f).replace(/^partials\/[\w-]+\.hbs$/, 'partials/*.hbs'));
      expect([...new Set(kinds)].sort()).toEqual(['note.css', 'note.hbs', 'note.yaml', 'partials/*.hbs']);
    }
  });

  it('the new notes\' templates compare no numbers: they choose words from judgements and booleans', () => {
    for (const name of NEW_NOTES) {
      for (const f of files(join(TEMPLATES_DIR, name)).filter((x) => x.endsWith('.hbs'))) {
        expect(readFileSync(f, 'utf8'), relative(ROOT, f)).not.toMatch(/\((gt|gte|lt|lte) /);
      }
    }
  });

  it('a rates wrap reads only TNX and SPX, and computes no breadth, score or lead', async () => {
    const note = loadNote('rates-wrap');
    expect(requiredSeries(note.config)).toEqual(['TNX', 'SPX']);
    // a market holding nothing else is enough
    const small: Market = { source: 'two series', series: { TNX: market.series.TNX, SPX: market.series.SPX }, universes: {} };
    const r = await buildNotes(note, small, [{ asOf: '2025-12-12' }], { mode: 'narrative', keep: true });
    expect(r.failures).toEqual([]);
    const facts = r.built[0].note!.facts;
    for (const absent of ['breadth', 'score', 'lead', 'rates', 'ranking', 'seasonal']) expect(facts).not.toHaveProperty(absent);
    expect(Object.keys(facts.data.series)).toEqual(['TNX', 'SPX']);
  });

  it('a fund snapshot is built per symbol, every symbol × every date, files named <note>-<symbol>-<as-of>', async () => {
    const out = tempDir();
    const runs = ['IWM', 'IJR'].flatMap((symbol) => ['2025-12-05', '2025-12-12'].map((asOf) => ({ asOf, symbol })));
    const r = await buildNotes(loadNote('fund-snapshot'), market, runs, { outDir: out, formats: ['html'], factsWorker: false });
    expect(r.failures).toEqual([]);
    expect(readdirSync(out).filter((f) => f.endsWith('.html')).sort()).toEqual([
      'fund-snapshot-IJR-2025-12-05.html',
      'fund-snapshot-IJR-2025-12-12.html',
      'fund-snapshot-IWM-2025-12-05.html',
      'fund-snapshot-IWM-2025-12-12.html',
    ]);
    const facts = JSON.parse(readFileSync(join(out, 'fund-snapshot-IJR-2025-12-12.facts.json'), 'utf8'));
    expect(facts.symbol).toBe('IJR');
    expect(facts.roles.fund).toBe('IJR');
    expect(Object.keys(facts.performance)).toEqual(['IJR']);
  });

  it('a member with a short history and no fund peer gets the sections it can support and says why the others are missing', async () => {
    const { market: m, members } = withMemberSeries(market, 'SP600');
    const u = market.universes.SP600;
    // the member that lists last in the demo universe
    const first = (k: string) => u.closes[u.members.indexOf(k)].findIndex(Number.isFinite);
    const late = [...members].sort((a, b) => first(b) - first(a))[0];
    const asOf = '2024-02-16';
    const facts = buildFacts(m, loadNote('fund-snapshot').config, { asOf, symbol: late, noteName: 'fund-snapshot' });
    expect(facts.performance![late].week.value).not.toBeNull();
    expect(facts.performance![late].twelveMonths.value).toBeNull();
    expect(facts.score![late].value.value).toBeNull();
    const reasons = facts.missing.map((x) => `${x.section}: ${x.reason}`).join('\n');
    expect(reasons).toMatch(new RegExp(`performance.twelveMonths: ${late} has data only from `));
    // the missing peer is the operator's warning (the text says the benchmark stands in); the client's list of what
    // the snapshot leaves out names no config file or path
    expect(facts.score![late].warnings.join('\n')).toMatch(/no peer fund/);
    expect(reasons).not.toMatch(/note\.yaml|\.csv|\//);
    expect(reasons).toMatch(/score: .*fewer than 252 trading days/);
    const r = await buildNotes(loadNote('fund-snapshot'), m, [{ asOf, symbol: late }], { mode: 'narrative', keep: true });
    expect(r.failures).toEqual([]);
    const html = r.built[0].note!.html;
    expect(html).toContain('What this snapshot leaves out');
    expect(html).toContain('There is no score yet');
    expect(html).not.toContain('id="fig-fundScore"');
  });
});
