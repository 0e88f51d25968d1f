/** What the docs describe is reachable from the package entry (dist/index.js, as a library user imports it). */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { leftoverChromium, ROOT, tempDir } from '../helpers/cli.js';

const entry = (): Promise<Record<string, unknown>> => import(pathToFileURL(join(ROOT, 'dist/index.js')).href);

describe('market-note as a library (dist/index.js)', () => {
  it('exports lintNote, whatChanged, buildBatch, BrowserSession and factsWarnings', async () => {
    const lib = await entry();
    for (const name of ['loadMarket', 'loadNote', 'buildFacts', 'buildNote', 'composeNote', 'buildBatch', 'lintNote', 'formatLintIssue', 'whatChanged', 'BrowserSession', 'factsWarnings', 'MarketNoteError']) {
      expect(typeof lib[name], name).toBe('function');
    }
  });

  it('lintNote and whatChanged work on the demo market', async () => {
    const lib = (await entry()) as any;
    const note = lib.loadNote('weekly-outlook');
    const market = lib.loadMarket();
    const issues = await lib.lintNote(note, market, '2025-12-12');
    expect(Array.isArray(issues)).toBe(true);
    for (const i of issues) expect(typeof lib.formatLintIssue(i)).toBe('string');
    const prev = lib.buildFacts(market, note.config, { asOf: '2025-12-05' });
    const cur = lib.buildFacts(market, note.config, { asOf: '2025-12-12' });
    expect(Array.isArray(lib.whatChanged(prev, cur))).toBe(true);
  }, 60_000);

  it("buildNote({ formats: ['pdf'] }) launches its own browser when none is passed, and closes it", async () => {
    const lib = (await entry()) as any;
    const out = tempDir();
    // a TMPDIR of its own, so the Chromium this build starts (its profile folder lives there) is told apart from
    // the browsers of other test files running at the same time
    const own = tempDir('market-note-lib-');
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = own;
    try {
      const built = await lib.buildNote({ note: lib.loadNote(), market: lib.loadMarket(), asOf: '2025-12-12', formats: ['pdf'], outDir: out });
      expect(built.warnings).toEqual([]);
    } finally {
      process.env.TMPDIR = saved;
    }
    expect(readdirSync(out).sort()).toEqual(['weekly-outlook-2025-12-12.facts.json', 'weekly-outlook-2025-12-12.pdf']);
    expect(leftoverChromium(own)).toEqual([]);
  }, 120_000);
});
