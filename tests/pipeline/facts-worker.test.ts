// The facts worker (and the early one a single `build` starts) runs only from the compiled modules (npm run build),
// so these tests load dist/. What a worker makes must be byte for byte what this thread makes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

const dist = (p: string) => import(pathToFileURL(join(ROOT, 'dist', p)).href);
/** The compiled pipeline, market and note loaders these tests run. */
const pipeline = async () => ({
  ...(await dist('pipeline/build-notes.js')),
  ...(await dist('data/load-market.js')),
  ...(await dist('note/load-note.js')),
});
const hasDist = existsSync(join(ROOT, 'dist/pipeline/early-facts.js'));

/**
 * The HTML of `runs` built with every fact and chart computed in the main thread of a fresh Node process. Fresh,
 * because Vega numbers its clip paths per process (`url(#clip1)`): a reference drawn in this test process after
 * other charts would differ in those numbers only.
 */
function inThreadHtml(note: string, runs: object[], data?: string): string[] {
  const script = `
    const d = (p) => import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist')).href)} + '/' + p);
    const { buildNotes } = await d('pipeline/build-notes.js');
    const { loadMarket } = await d('data/load-market.js');
    const { loadNote } = await d('note/load-note.js');
    const r = await buildNotes(loadNote(${JSON.stringify(note)}), loadMarket(${JSON.stringify(data)}), ${JSON.stringify(runs)}, { formats: ['html'], outDir: ${JSON.stringify(tempDir())}, keep: true, factsWorker: false });
    process.stdout.write(JSON.stringify(r.built.map((b) => b.note.html)));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

describe.skipIf(!hasDist)('facts worker (dist)', () => {
  it('draws the same charts as this thread: the HTML of three notes is identical with the worker and without', async () => {
    const { buildNotes, loadMarket, loadNote } = await pipeline();
    const market = loadMarket();
    for (const [name, runs] of [
      ['weekly-outlook', [{ asOf: '2025-12-05' }, { asOf: '2025-12-12' }]],
      // two runs each: a batch's worker draws the charts (a single note's are drawn in this thread)
      ['rates-wrap', [{ asOf: '2025-12-05' }, { asOf: '2025-12-12' }]],
      ['fund-snapshot', [{ asOf: '2025-12-12', symbol: 'IWM' }, { asOf: '2025-12-12', symbol: 'IJR' }]],
    ] as const) {
      const note = loadNote(name);
      const opts = { mode: 'full', formats: ['html'], keep: true };
      const inWorker = await buildNotes(note, market, runs, { ...opts, outDir: tempDir(), factsWorker: true });
      expect(inWorker.factsIn).toBe('worker');
      expect(inWorker.failures).toEqual([]);
      expect(inWorker.built.map((b: any) => b.note.html)).toEqual(inThreadHtml(name, [...runs]));
      expect(Object.keys(inWorker.built[0].note.figures).length).toBeGreaterThan(0);
    }
  }, 180_000);

  it('sends the facts before their comparison week when this thread draws the charts: the facts, changes included, are those of this thread', async () => {
    const { buildNotes, loadMarket, loadNote } = await pipeline();
    const { factsFileText } = await dist('render/render-note.js');
    const market = loadMarket();
    const note = loadNote('weekly-outlook');
    // narrative mode: no charts in the worker, so each run's `changes` comes in a second reply
    const runs = [{ asOf: '2025-11-28' }, { asOf: '2025-12-12' }, { asOf: '2025-06-06' }];
    const opts = { mode: 'narrative', keep: true };
    const inWorker = await buildNotes(note, market, runs, { ...opts, factsWorker: true });
    const inThread = await buildNotes(note, market, runs, { ...opts, factsWorker: false });
    expect(inWorker.factsIn).toBe('worker');
    const text = (r: any) => r.built.map((b: any) => factsFileText(b.note.facts, b.note.claims));
    expect(text(inWorker)).toEqual(text(inThread));
    expect(inWorker.built.every((b: any) => b.note.facts.changes.since !== null)).toBe(true);
  }, 180_000);

  it('an early worker that loaded other data than the command is not used: the note comes from the command\'s market', async () => {
    const { startEarlyFacts } = await dist('pipeline/early-facts.js');
    const { buildNotes, loadMarket, loadNote } = await pipeline();
    // the command's data: the demo market as files; the early worker's: the same with RUT's last row taken off
    const dir = tempDir();
    expect((await runCli(['demo-data', '--out', join(dir, 'ok')])).code).toBe(0);
    expect((await runCli(['demo-data', '--out', join(dir, 'short')])).code).toBe(0);
    const rut = join(dir, 'short', 'RUT.csv');
    writeFileSync(rut, readFileSync(rut, 'utf8').trimEnd().split('\n').slice(0, -1).join('\n') + '\n');
    const market = loadMarket(join(dir, 'ok', 'market.yaml'));
    const note = loadNote('weekly-outlook');
    startEarlyFacts({ data: join(dir, 'short', 'market.yaml'), asOf: '2025-12-12', allowStale: false, charts: false }); // as a single build asks
    const r = await buildNotes(note, market, [{ asOf: '2025-12-12' }], { formats: ['html'], outDir: tempDir(), keep: true });
    expect(r.factsIn).toBe('worker');
    expect(r.failures).toEqual([]);
    // a single note's charts are drawn in this thread, after this process drew others: Vega's clip-path numbers differ
    const clips = (html: string) => html.replace(/clip\d+/g, 'clip');
    expect(clips(r.built[0].note.html)).toBe(clips(inThreadHtml('weekly-outlook', [{ asOf: '2025-12-12' }], join(dir, 'ok', 'market.yaml'))[0]));
  }, 180_000);

  it('fingerprint: two loads of the same files agree; another note, other data or --allow-stale differ', async () => {
    const { fingerprint } = await dist('pipeline/facts-worker.js');
    const { loadMarket } = await dist('data/load-market.js');
    const { loadNote } = await dist('note/load-note.js');
    const { withMemberSeries } = await dist('data/member-series.js');
    const a = loadMarket();
    const b = loadMarket();
    const weekly = loadNote('weekly-outlook');
    expect(fingerprint(weekly, a, false)).toBe(fingerprint(weekly, b, false));
    expect(fingerprint(weekly, a, true)).not.toBe(fingerprint(weekly, a, false));
    expect(fingerprint(loadNote('rates-wrap'), a, false)).not.toBe(fingerprint(weekly, a, false));
    const universe = Object.keys(a.universes)[0];
    expect(fingerprint(weekly, withMemberSeries(a, universe).market, false)).not.toBe(fingerprint(weekly, a, false));
    const { series, ...rest } = a;
    const { [Object.keys(series)[0]]: _dropped, ...fewer } = series;
    expect(fingerprint(weekly, { ...rest, series: fewer }, false)).not.toBe(fingerprint(weekly, a, false));
  }, 60_000);
});

describe.skipIf(!hasDist)('market-note build with its early facts worker (dist)', () => {
  it('writes the same HTML and facts as a build whose facts are computed in this thread', async () => {
    const out = tempDir();
    const r = await runCli(['build', '--as-of', '2025-12-12', '--format', 'html', '--out', out]);
    expect(r.code).toBe(0);
    const { buildFacts } = await dist('facts/build-facts.js');
    const { loadMarket } = await dist('data/load-market.js');
    const { loadNote } = await dist('note/load-note.js');
    const note = loadNote('weekly-outlook');
    expect(readFileSync(join(out, 'weekly-outlook-2025-12-12.html'), 'utf8')).toBe(inThreadHtml('weekly-outlook', [{ asOf: '2025-12-12' }])[0]);
    const { claims, ...written } = JSON.parse(readFileSync(join(out, 'weekly-outlook-2025-12-12.facts.json'), 'utf8'));
    expect(claims).toBeTypeOf('object');
    expect(written).toEqual(JSON.parse(JSON.stringify(buildFacts(loadMarket(), note.config, { asOf: '2025-12-12', noteName: note.name }))));
  }, 120_000);
});
