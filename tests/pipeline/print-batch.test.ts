import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadMarket } from '../../src/data/load-market.js';
import { loadNote } from '../../src/note/load-note.js';
import { buildBatch, type BatchOutcome } from '../../src/pipeline/build-notes.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { childrenMatching, liveTree } from '../render/print-helpers.js';
import { useBrowserSession } from '../helpers/browser.js';

const market = loadMarket();
const note = loadNote('weekly-outlook');

describe('buildBatch', () => {
  const browser = useBrowserSession();

  it('prints every note on one reused page and records a bad date without stopping the others', async () => {
    const out = tempDir();
    const created: string[] = [];
    const onTarget = (t: { type(): string }) => created.push(t.type());
    browser().browser.on('targetcreated', onTarget);
    const seen: BatchOutcome[] = [];
    const r = await buildBatch(note, market, ['2025-11-28', '1990-01-05', '2025-12-12'], {
      outDir: out,
      browser: browser(),
      onNote: (o) => void seen.push(o),
    });
    browser().browser.off('targetcreated', onTarget);

    expect(r.factsIn).toBe('thread'); // the TypeScript sources: no worker
    expect(r.built.map((b) => b.asOf)).toEqual(['2025-11-28', '2025-12-12']);
    expect(r.failures.map((f) => [f.asOf, f.stage])).toEqual([['1990-01-05', 'compose']]);
    expect(r.failures[0].message).toMatch(/1990-01-05/);
    expect(seen.map((o) => o.asOf)).toEqual(['2025-11-28', '1990-01-05', '2025-12-12']);
    expect(created.filter((t) => t === 'page')).toHaveLength(1);
    expect(readdirSync(out).sort()).toEqual([
      'weekly-outlook-2025-11-28.facts.json',
      'weekly-outlook-2025-11-28.html',
      'weekly-outlook-2025-11-28.pdf',
      'weekly-outlook-2025-12-12.facts.json',
      'weekly-outlook-2025-12-12.html',
      'weekly-outlook-2025-12-12.pdf',
    ]);
  }, 120_000);

  it('replaces the page when it dies mid-batch and prints that note again', async () => {
    const out = tempDir();
    const r = await buildBatch(note, market, ['2025-11-21', '2025-11-28', '2025-12-05'], {
      outDir: out,
      formats: ['pdf'],
      browser: browser(),
      onNote: async (_o, i) => {
        // after the first note, close every open page: the second note's print fails
        if (i === 0) for (const p of await browser().browser.pages()) await p.close();
      },
    });
    expect(r.built.map((b) => b.asOf)).toEqual(['2025-11-21', '2025-11-28', '2025-12-05']);
    expect(r.built.map((b) => Boolean(b.retried))).toEqual([false, true, false]);
    expect(r.failures).toEqual([]);
    expect(existsSync(join(out, 'weekly-outlook-2025-11-28.pdf'))).toBe(true);
    expect(existsSync(join(out, 'weekly-outlook-2025-12-05.pdf'))).toBe(true);
  }, 120_000);

  it('launches and closes its own browser when none is given, leaving no Chromium behind', async () => {
    const out = tempDir();
    const shared = browser().browser.process()?.pid;
    let own: number[] = [];
    const r = await buildBatch(note, market, ['2025-12-12'], {
      outDir: out,
      formats: ['pdf'],
      // while the batch runs, its browser is a child of this process (the shared browser()'s is not counted)
      onNote: () => {
        const mains = childrenMatching(process.pid, 'market-note-chrome-').filter((pid) => pid !== shared);
        own = mains.flatMap((pid) => liveTree(pid));
      },
    });
    expect(r.built).toHaveLength(1);
    expect(own.length).toBeGreaterThan(0);
    expect(own.flatMap((pid) => liveTree(pid))).toEqual([]);
  }, 120_000);

  it('writes only the facts and HTML without a browser when no PDF is asked for', async () => {
    const out = tempDir();
    const r = await buildBatch(note, market, ['2025-12-12'], { outDir: out, formats: ['html'] });
    expect(r.failures).toEqual([]);
    expect(readdirSync(out).sort()).toEqual(['weekly-outlook-2025-12-12.facts.json', 'weekly-outlook-2025-12-12.html']);
  }, 60_000);
});

// The facts worker only runs from the compiled module (npm run build): check it there against in-thread facts.
describe.skipIf(!existsSync(join(ROOT, 'dist/pipeline/build-notes.js')))('buildBatch with its facts worker (dist)', () => {
  it('writes the same facts as buildFacts in this thread, and reports a bad date from the worker', async () => {
    const dist = (p: string) => import(pathToFileURL(join(ROOT, 'dist', p)).href);
    const { buildBatch: distBatch } = await dist('pipeline/build-notes.js');
    const { buildFacts } = await dist('facts/build-facts.js');
    const { loadMarket: distMarket } = await dist('data/load-market.js');
    const { loadNote: distNote } = await dist('note/load-note.js');
    const m = distMarket();
    const n = distNote('weekly-outlook');
    const out = tempDir();
    const r = await distBatch(n, m, ['2025-12-05', '1990-01-05', '2025-12-12'], { outDir: out, formats: ['html'], factsWorker: true });
    expect(r.factsIn).toBe('worker');
    expect(r.built.map((b: { asOf: string }) => b.asOf)).toEqual(['2025-12-05', '2025-12-12']);
    expect(r.failures[0].message).toMatch(/1990-01-05/);
    expect(r.failures[0].error.code).toBe('AS_OF_OUT_OF_RANGE');
    for (const asOf of ['2025-12-05', '2025-12-12']) {
      // the facts file is the facts plus the claims each section read
      const { claims, ...written } = JSON.parse(readFileSync(join(out, `weekly-outlook-${asOf}.facts.json`), 'utf8'));
      expect(claims).toBeTypeOf('object');
      expect(written).toEqual(JSON.parse(JSON.stringify(buildFacts(m, n.config, { asOf, noteName: n.name }))));
    }
  }, 120_000);
});
